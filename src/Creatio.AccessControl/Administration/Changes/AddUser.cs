namespace Creatio.AccessControl;

/// <summary>Adds a user.</summary>
/// <param name="User">The user.</param>
public sealed record AddUser(UserDefinition User) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.UserChange;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(User);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageUsers);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (context.Users.Any(u => u.Id == User.Id))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"User `{User.Id}` already exists.");
        }

        return Delta(new PutUserEdit(User));
    }
}
