namespace Creatio.AccessControl;

/// <summary>Adds a user's direct membership of a role; the membership must be absent.</summary>
public sealed class AddMembershipEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="membership">The membership.</param>
    public AddMembershipEdit(RoleMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        Membership = membership;
    }

    /// <summary>Gets the membership.</summary>
    public RoleMembership Membership { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        if (builder.Memberships.Contains(Membership))
        {
            return $"membership of `{Membership.User}` in `{Membership.Role}` already exists";
        }

        builder.Memberships.Add(Membership);
        return null;
    }
}
