namespace Creatio.AccessControl;

/// <summary>Replaces every operation row of an object.</summary>
/// <param name="Object">The object.</param>
/// <param name="Rows">The new rows; each must name the object.</param>
public sealed record SetObjectOperationRows(ObjectName Object, IReadOnlyList<ObjectOperationRow> Rows) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rows);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RequireObject(context, Object);
        foreach (ObjectOperationRow row in Rows)
        {
            RequireSame(row.Object, Object);
        }

        return Delta(new ReplaceObjectOperationRowsEdit(Object, Rows));
    }
}
