namespace Creatio.AccessControl;

/// <summary>Replaces every row of a system operation.</summary>
public sealed record SetSystemOperationRows : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Operation">The operation.</param>
    /// <param name="Rows">The new rows; each must name the operation.</param>
    public SetSystemOperationRows(SystemOperationCode Operation, IReadOnlyList<SystemOperationRow> Rows)
    {
        this.Operation = Operation;
        this.Rows = Rows;
    }

    /// <summary>Gets the operation.</summary>
    public SystemOperationCode Operation { get; init; }

    /// <summary>Gets the new rows; each must name the operation.</summary>
    public IReadOnlyList<SystemOperationRow> Rows { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.SystemOperationPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rows);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanChangeAdminOperationGrantee);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        if (!context.SystemOperations.Any(o => o.Code == Operation))
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"System operation `{Operation}` does not exist.");
        }

        foreach (SystemOperationRow row in Rows)
        {
            if (row.Operation != Operation)
            {
                ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"A row names operation `{row.Operation}`; every row must name `{Operation}`.");
            }
        }

        return Delta(new ReplaceSystemOperationRowsEdit(Operation, Rows));
    }
}
