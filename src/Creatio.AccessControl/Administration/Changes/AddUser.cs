namespace Creatio.AccessControl;

/// <summary>Adds a user.</summary>
/// <param name="User">The user.</param>
public sealed record AddUser(UserDefinition User) : AccessChange
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
        ModelEditor.Add(editor.Builder.Users, User, u => u.Id == User.Id, $"User `{User.Id}`");
    }
}
