using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>The access mapping of one EF Core model, read from the annotations the model-building extensions wrote,
/// validated once and cached per model.</summary>
internal sealed class AccessMapping
{
    internal const string ObjectAnnotation = "Creatio.AccessControl:Object";
    internal const string AuthorAnnotation = "Creatio.AccessControl:Author";
    internal const string OwnerAnnotation = "Creatio.AccessControl:Owner";
    internal const string SupportGrantAnnotation = "Creatio.AccessControl:SupportGrant";

    private static readonly ConditionalWeakTable<IModel, AccessMapping> s_models = [];

    private readonly Dictionary<Type, ObjectMapping> _objects;

    private AccessMapping(Dictionary<Type, ObjectMapping> objects, IEntityType? rights, IReadOnlyList<string> problems)
    {
        _objects = objects;
        Rights = rights;
        Problems = problems;
    }

    /// <summary>Gets the entity type of the record rights, if mapped.</summary>
    public IEntityType? Rights { get; }

    /// <summary>Gets what is wrong with the mapping, one line each; empty when it is usable.</summary>
    public IReadOnlyList<string> Problems { get; }

    public static AccessMapping For(IModel model) => s_models.GetValue(model, Read);

    /// <summary>Throws when the mapping has problems, listing them all.</summary>
    public void ThrowIfInvalid()
    {
        if (Problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The access mapping of the Entity Framework Core model has {Problems.Count} problem(s):{Environment.NewLine}" +
                string.Join(Environment.NewLine, Problems.Select(p => "- " + p)));
        }
    }

    /// <summary>Returns the mapping of an entity, or of the nearest base entity that is mapped.</summary>
    public ObjectMapping? Find(Type entity)
    {
        for (Type? type = entity; type is not null && type != typeof(object); type = type.BaseType)
        {
            if (_objects.TryGetValue(type, out ObjectMapping? mapping))
            {
                return mapping;
            }
        }

        return null;
    }

    /// <summary>Returns the mapping of the entity that holds an object's records.</summary>
    /// <exception cref="InvalidOperationException">No entity, or more than one, holds the object's records.</exception>
    public ObjectMapping FindObject(ObjectName objectName)
    {
        ObjectMapping[] found = [.. _objects.Values.Where(m => m.Object == objectName)];
        return found.Length switch
        {
            1 => found[0],
            0 => throw new InvalidOperationException($"No entity of the Entity Framework Core model holds the records of `{objectName}`; map one with modelBuilder.HasAccessObject<TEntity>(\"{objectName}\", author, owner)."),
            _ => throw new InvalidOperationException($"The entities {string.Join(", ", found.Select(m => $"'{m.EntityName}'").Order(StringComparer.Ordinal))} all hold the records of `{objectName}`; one entity must hold them, so that a record is read in one place."),
        };
    }

    internal static string PropertyName(LambdaExpression expression, string entityName, string role, string parameterName)
    {
        Expression body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        if (body is not MemberExpression { Member: System.Reflection.PropertyInfo property } member || member.Expression != expression.Parameters[0])
        {
            throw new ArgumentException($"The {role} of entity '{entityName}' must be given as one of its properties, like `e => e.{Capitalized(role)}Id`; `{expression.Body}` is not.", parameterName);
        }

        if (!IsGuid(property.PropertyType))
        {
            throw new ArgumentException($"The {role} property '{entityName}.{property.Name}' is of type {property.PropertyType.Name}; it must be Guid or Guid?.", parameterName);
        }

        return property.Name;
    }

    private static string Capitalized(string role) =>
        string.Concat(role.Split(' ').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));

    private static bool IsGuid(Type type) => type == typeof(Guid) || type == typeof(Guid?);

    private static AccessMapping Read(IModel model)
    {
        var problems = new List<string>();
        var objects = new Dictionary<Type, ObjectMapping>();
        IEntityType? rights = model.FindEntityType(typeof(EntityRecordRight));
        foreach (IEntityType entity in model.GetEntityTypes())
        {
            if (entity.FindAnnotation(ObjectAnnotation)?.Value is not string objectName)
            {
                continue;
            }

            string name = entity.DisplayName();
            IKey? key = entity.FindPrimaryKey();
            string? keyName = null;
            if (key is null || key.Properties.Count != 1)
            {
                problems.Add($"The entity '{name}' holds the records of `{objectName}` but its key is not one property; the key must be one Guid property, the record id.");
            }
            else if (key.Properties[0].ClrType != typeof(Guid))
            {
                problems.Add($"The key property '{name}.{key.Properties[0].Name}' is of type {key.Properties[0].ClrType.Name}; the key of an entity holding the records of `{objectName}` must be a Guid, the record id.");
            }
            else
            {
                keyName = key.Properties[0].Name;
            }

            IProperty? author = Property(entity, name, AuthorAnnotation, "author", problems);
            IProperty? owner = Property(entity, name, OwnerAnnotation, "owner", problems);
            IProperty? grant = entity.FindAnnotation(SupportGrantAnnotation)?.Value is null
                ? null
                : Property(entity, name, SupportGrantAnnotation, "support grant", problems);
            if (keyName is not null && author is not null && owner is not null && entity.ClrType is { } clrType)
            {
                objects[clrType] = new ObjectMapping(new ObjectName(objectName), name, entity, keyName, author, owner, grant);
            }
        }

        if (objects.Count > 0 && rights is null)
        {
            problems.Add($"The record rights entity '{nameof(EntityRecordRight)}' is not in the model; map it with modelBuilder.HasRecordRights().");
        }

        return new AccessMapping(objects, rights, problems);
    }

    private static IProperty? Property(IEntityType entity, string entityName, string annotation, string role, List<string> problems)
    {
        string propertyName = (string)entity.FindAnnotation(annotation)!.Value!;
        IProperty? property = entity.FindProperty(propertyName);
        if (property is null)
        {
            problems.Add($"The {role} property '{entityName}.{propertyName}' is not mapped to a column; it must be, as a Guid or Guid?.");
            return null;
        }

        if (!IsGuid(property.ClrType))
        {
            problems.Add($"The {role} property '{entityName}.{propertyName}' is of type {property.ClrType.Name}; it must be Guid or Guid?.");
            return null;
        }

        return property;
    }
}
