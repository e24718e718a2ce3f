namespace Creatio.AccessControl;

/// <summary>Removes a grantee's right for an operation on a record.</summary>
/// <param name="Object">The object.</param>
/// <param name="Record">The record.</param>
/// <param name="Grantee">The grantee.</param>
/// <param name="Operation">The operation.</param>
public sealed record UnshareRecord(ObjectName Object, RecordId Record, AdminUnitId Grantee, RecordOperation Operation) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckShare(Object, Record, Operation);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        List<RecordRightRow> current = context.RecordRightsOf(Object, Record, Grantee, Operation);
        if (current.Count == 0)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Right of `{Grantee}` to {Operation} record `{Record}` of `{Object}` does not exist.");
        }

        context.Replaced(current);
        return Delta(new RemoveRecordRightEdit(Object, Record, Grantee, Operation));
    }
}
