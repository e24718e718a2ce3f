namespace Creatio.AccessControl;

/// <summary>Deactivates a user: from then on the user is denied everything.</summary>
public sealed record DeactivateUser : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="User">The user.</param>
    public DeactivateUser(UserId User)
    {
        this.User = User;
    }

    /// <summary>Gets the user.</summary>
    public UserId User { get; init; }

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
        return Delta(new PutUserEdit(current! with { IsActive = false }));
    }
}
