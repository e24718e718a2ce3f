namespace Creatio.AccessControl;

/// <summary>Adds a delegation; no delegation from the same grantor to the same recipient may exist.</summary>
public sealed class AddDelegationEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="delegation">The delegation.</param>
    public AddDelegationEdit(Delegation delegation)
    {
        ArgumentNullException.ThrowIfNull(delegation);
        Delegation = delegation;
    }

    /// <summary>Gets the delegation.</summary>
    public Delegation Delegation { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (builder.Delegations.Any(d => d.Grantor == Delegation.Grantor && d.Recipient == Delegation.Recipient))
        {
            return $"delegation from `{Delegation.Grantor}` to `{Delegation.Recipient}` already exists";
        }

        builder.Delegations.Add(Delegation);
        return null;
    }
}
