namespace Creatio.AccessControl;

/// <summary>Replaces a user's definition (name, kind, active flag, contact, account).</summary>
public sealed record UpdateUser : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="User">The user's new definition.</param>
    public UpdateUser(UserDefinition User)
    {
        this.User = User;
    }

    /// <summary>Gets the user's new definition.</summary>
    public UserDefinition User { get; init; }

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
