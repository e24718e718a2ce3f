namespace Creatio.AccessControl;

/// <summary>Adds an object, or replaces the object of the same name in place.</summary>
public sealed class PutObjectEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="definition">The object.</param>
    public PutObjectEdit(ObjectDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
    }

    /// <summary>Gets the object.</summary>
    public ObjectDefinition Definition { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.Objects, Definition, o => o.Name == Definition.Name);
        return null;
    }
}
