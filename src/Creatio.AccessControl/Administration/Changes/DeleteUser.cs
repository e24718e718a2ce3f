namespace Creatio.AccessControl;

/// <summary>Deletes a user with every membership, delegation and row that names them; records they authored or own keep no author or owner.</summary>
/// <param name="User">The user.</param>
public sealed record DeleteUser(UserId User) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override void Apply(ModelEditor editor)
    {
        editor.Remove(editor.Builder.Users, u => u.Id == User, $"User `{User}`");
        editor.RemoveReferencesTo(User);
    }
}
