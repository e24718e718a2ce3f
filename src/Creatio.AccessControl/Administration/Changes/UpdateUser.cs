namespace Creatio.AccessControl;

/// <summary>Replaces a user's definition (name, kind, active flag, contact, account).</summary>
/// <param name="User">The user's new definition.</param>
public sealed record UpdateUser(UserDefinition User) : AccessChange
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
        UserDefinition? current = context.Users.FirstOrDefault(u => u.Id == User.Id);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"User `{User.Id}` does not exist.");
        }

        context.Replaced([current!]);
        return Delta(new PutUserEdit(User));
    }
}
