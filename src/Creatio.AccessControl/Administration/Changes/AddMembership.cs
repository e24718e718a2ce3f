namespace Creatio.AccessControl;

/// <summary>Adds a user to a role.</summary>
/// <param name="Membership">The membership.</param>
public sealed record AddMembership(RoleMembership Membership) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserRoleChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Membership);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override void Apply(ModelEditor editor)
    {
        ModelEditor.Add(editor.Builder.Memberships, Membership, m => m == Membership, $"Membership of `{Membership.User}` in `{Membership.Role}`");
    }

    internal override bool TryApplyIncrementally(IncrementalEditor editor) =>
        editor.TryChangeMembership(Membership, member: true);
}
