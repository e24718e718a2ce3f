using System.Reflection;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Tests.Conventions;

/// <summary>The public surface can grow without breaking callers: rows, definitions and other public records are
/// non-positional (a constructor taking the original fields, init-only properties, no <c>Deconstruct</c>), so that a new
/// field is an init-only property with a default (CONTRIBUTING.md); machinery is internal; every service users inject has
/// an abstraction.</summary>
public sealed class PublicShapeTests
{
    private static readonly Type[] s_public = [.. typeof(AccessModel).Assembly.GetExportedTypes()];

    private static readonly Type[] s_records = [.. s_public.Where(IsRecordClass).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type> Records => [.. s_records];

    [Fact]
    public void TheRowsAndDefinitions_AreAmongTheCheckedRecords()
    {
        Assert.Contains(typeof(ObjectOperationRow), s_records);
        Assert.Contains(typeof(RecordRightRow), s_records);
        Assert.Contains(typeof(SupportAccessGrant), s_records);
        Assert.Contains(typeof(AccessSettings), s_records);
        Assert.Contains(typeof(AccessControl.Stores.AdminUnitRows), s_records);
        Assert.Contains(typeof(AccessExplanation), s_records);
        Assert.Contains(typeof(AccessExplanationRow), s_records);
        Assert.Contains(typeof(AccessExplanationStep), s_records);
        Assert.Contains(typeof(ColumnAccess), s_records);
    }

    [Fact]
    public void TheChangesAndTheirResults_AreAmongTheCheckedRecords()
    {
        Type[] changes = [.. s_public.Where(t => IsRecordClass(t) && typeof(AccessChange).IsAssignableFrom(t))];

        Assert.NotEmpty(changes);
        Assert.All(changes, change => Assert.Contains(change, s_records));
        Assert.Contains(typeof(AccessChangeResult), s_records);
        Assert.Contains(typeof(AccessControl.Stores.AccessStoreCommit), s_records);
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void APublicRecord_HasNoDeconstruct(Type record)
    {
        Assert.DoesNotContain(record.GetMethods(BindingFlags.Public | BindingFlags.Instance), m => m.Name == "Deconstruct");
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void APublicRecord_IsSealed_AndItsPublicPropertiesAreInitOnlyOrComputed(Type record)
    {
        Assert.True(record.IsSealed, $"{record.Name} is not sealed");
        string[] settable = [.. record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter))
            .Select(p => p.Name)];

        Assert.True(settable.Length == 0, $"{record.Name} has settable properties: {string.Join(", ", settable)}");
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void APublicRecordsConstructorParameters_AreItsInitOnlyProperties(Type record)
    {
        foreach (ConstructorInfo constructor in record.GetConstructors())
        {
            foreach (ParameterInfo parameter in constructor.GetParameters())
            {
                PropertyInfo? property = record.GetProperty(parameter.Name!, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(
                    property is { SetMethod: { } setter } && IsInitOnly(setter),
                    $"{record.Name}({parameter.Name}) has no init-only property of that name");
            }
        }
    }

    [Theory]
    [InlineData("AccessAuditDispatcher")]
    [InlineData("AccessControlOptionsValidator")]
    public void Machinery_IsInternal(string name)
    {
        Assert.DoesNotContain(s_public, t => t.Name == name);
        Assert.Contains(typeof(AccessModel).Assembly.GetTypes(), t => t.Name == name);
    }

    [Theory]
    [InlineData(typeof(AccessEvaluator), typeof(IAccessEvaluator))]
    [InlineData(typeof(AccessAdministration), typeof(IAccessAdministration))]
    [InlineData(typeof(SupportSessions), typeof(ISupportSessions))]
    [InlineData(typeof(AccessAuditLog), typeof(IAccessAuditLog))]
    public void EveryServiceUsersInject_HasAnAbstraction(Type service, Type abstraction)
    {
        Assert.True(abstraction.IsInterface);
        Assert.True(abstraction.IsAssignableFrom(service));
    }

    private static bool IsRecordClass(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
