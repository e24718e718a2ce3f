namespace Creatio.AccessControl;

/// <summary>Deactivates a user: from then on the user is denied everything.</summary>
/// <param name="User">The user.</param>
public sealed record DeactivateUser(UserId User) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserChange;

    internal override ChangeScope Scope => ChangeScope.Units;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override void Apply(ModelEditor editor)
    {
        UserDefinition? current = editor.Builder.Users.FirstOrDefault(u => u.Id == User);
        if (current is null)
        {
            ModelEditor.Refuse(AccessChangeRefusal.NotFound, $"User `{User}` does not exist.");
        }

        editor.Replace(editor.Builder.Users, current! with { IsActive = false }, u => u.Id == User, $"User `{User}`");
    }
}
