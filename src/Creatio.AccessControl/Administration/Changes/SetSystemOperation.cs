namespace Creatio.AccessControl;

/// <summary>Adds a system operation or replaces its configuration mark and object access.</summary>
public sealed record SetSystemOperation : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Definition">The operation.</param>
    public SetSystemOperation(SystemOperationDefinition Definition)
    {
        this.Definition = Definition;
    }

    /// <summary>Gets the operation.</summary>
    public SystemOperationDefinition Definition { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SystemOperationPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Definition);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanChangeAdminOperationGrantee);

    internal override AccessModelDelta ToDelta(ChangeContext context) => Delta(new PutSystemOperationEdit(Definition));
}
