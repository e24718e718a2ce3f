namespace Creatio.AccessControl;

/// <summary>Removes a user's direct membership of a role (every copy of it); the membership must be present.</summary>
public sealed class RemoveMembershipEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="membership">The membership.</param>
    public RemoveMembershipEdit(RoleMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        Membership = membership;
    }

    /// <summary>Gets the membership.</summary>
    public RoleMembership Membership { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Memberships, m => m == Membership) > 0 ? null : $"membership of `{Membership.User}` in `{Membership.Role}` does not exist";
    }
}
