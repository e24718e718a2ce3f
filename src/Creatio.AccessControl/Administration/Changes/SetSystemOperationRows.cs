namespace Creatio.AccessControl;

/// <summary>Replaces every row of a system operation.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Rows">The new rows; each must name the operation.</param>
public sealed record SetSystemOperationRows(SystemOperationCode Operation, IReadOnlyList<SystemOperationRow> Rows) : AccessChange
{
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
