namespace Creatio.AccessControl;

/// <summary>Removes the delegation from a grantor to a recipient; it must be present.</summary>
public sealed class RemoveDelegationEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="grantor">The grantor.</param>
    /// <param name="recipient">The recipient.</param>
    public RemoveDelegationEdit(AdminUnitId grantor, AdminUnitId recipient)
    {
        Grantor = grantor;
        Recipient = recipient;
    }

    /// <summary>Gets the grantor.</summary>
    public AdminUnitId Grantor { get; init; }

    /// <summary>Gets the recipient.</summary>
    public AdminUnitId Recipient { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Delegations, d => d.Grantor == Grantor && d.Recipient == Recipient) > 0 ? null : $"delegation from `{Grantor}` to `{Recipient}` does not exist";
    }
}
