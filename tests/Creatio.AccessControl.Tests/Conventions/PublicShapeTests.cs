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

    /// <summary>Result records not yet made non-positional. Nothing may be added here.</summary>
    private static readonly HashSet<string> s_pending =
    [
        "AccessChangeResult", "AccessStoreCommit",
    ];

    private static readonly Type[] s_records = [.. s_public.Where(IsRecordClass).Where(t => !Pending(t)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public static TheoryData<Type> Records => [.. s_records];

    [Fact]
    public void TheRowsAndDefinitions_AreAmongTheCheckedRecords()
    {
        Assert.Contains(typeof(ObjectOperationRow), s_records);
        Assert.Contains(typeof(RecordRightRow), s_records);
        Assert.Contains(typeof(SupportAccessGrant), s_records);
        Assert.Contains(typeof(AccessSettings), s_records);
        Assert.Contains(typeof(AccessControl.Stores.AdminUnitRows), s_records);
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

    [Fact]
    public void ThePendingRecords_AreStillPositional()
    {
        // A pending record made non-positional leaves the list, so that none becomes positional again unnoticed.
        string[] stillPositional = [.. s_public
            .Where(t => IsRecordClass(t) && s_pending.Contains(t.Name))
            .Where(t => t.GetMethod("Deconstruct") is null)
            .Select(t => t.Name)];

        Assert.True(stillPositional.Length == 0, $"Remove from the pending list: {string.Join(", ", stillPositional)}");
        Assert.True(
            s_public.Any(t => IsRecordClass(t) && typeof(AccessChange).IsAssignableFrom(t) && t.GetMethod("Deconstruct") is not null),
            "No change is positional any more: stop exempting the changes in Pending.");
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

    /// <summary>Pending: the listed results, and the changes (<see cref="AccessChange"/>), which other work of issue 14 makes
    /// non-positional as a whole.</summary>
    private static bool Pending(Type type) => s_pending.Contains(type.Name) || typeof(AccessChange).IsAssignableFrom(type);

    private static bool IsInitOnly(MethodInfo setter) =>
        setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
