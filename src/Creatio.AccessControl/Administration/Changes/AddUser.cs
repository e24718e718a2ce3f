namespace Creatio.AccessControl;

/// <summary>Adds a user.</summary>
public sealed record AddUser : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="User">The user.</param>
    public AddUser(UserDefinition User)
    {
        this.User = User;
    }

    /// <summary>Gets the user.</summary>
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
        if (context.Users.Any(u => u.Id == User.Id))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"User `{User.Id}` already exists.");
        }

        return Delta(new PutUserEdit(User));
    }
}
