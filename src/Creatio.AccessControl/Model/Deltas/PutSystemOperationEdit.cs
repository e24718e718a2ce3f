namespace Creatio.AccessControl;

/// <summary>Adds a system operation, or replaces the operation of the same code in place.</summary>
public sealed class PutSystemOperationEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="definition">The operation.</param>
    public PutSystemOperationEdit(SystemOperationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
    }

    /// <summary>Gets the operation.</summary>
    public SystemOperationDefinition Definition { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.SystemOperations, Definition, o => o.Code == Definition.Code);
        return null;
    }
}
