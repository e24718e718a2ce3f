namespace Creatio.AccessControl;

/// <summary>Deletes a user with every membership, delegation and row that names them; records they authored or own keep no author or owner.</summary>
/// <param name="User">The user.</param>
public sealed record DeleteUser(UserId User) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserChange;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        UserDefinition? current = context.Users.FirstOrDefault(u => u.Id == User);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"User `{User}` does not exist.");
        }

        context.Replaced([current!]);
        return Delta([new RemoveUserEdit(User), .. context.RemoveReferencesTo(User)]);
    }
}
