namespace Creatio.AccessControl;

/// <summary>Adds a workplace, or replaces the workplace of the same name in place.</summary>
public sealed class PutWorkplaceEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="workplace">The workplace.</param>
    public PutWorkplaceEdit(WorkplaceDefinition workplace)
    {
        ArgumentNullException.ThrowIfNull(workplace);
        Workplace = workplace;
    }

    /// <summary>Gets the workplace.</summary>
    public WorkplaceDefinition Workplace { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.Workplaces, Workplace, w => w.Name == Workplace.Name);
        return null;
    }
}
