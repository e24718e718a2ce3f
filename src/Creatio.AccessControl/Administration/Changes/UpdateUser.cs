namespace Creatio.AccessControl;

/// <summary>Replaces a user's definition (name, kind, active flag, contact, account).</summary>
/// <param name="User">The user's new definition.</param>
public sealed record UpdateUser(UserDefinition User) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(User);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override void Apply(ModelEditor editor)
    {
        editor.Replace(editor.Builder.Users, User, u => u.Id == User.Id, $"User `{User.Id}`");
    }
}
