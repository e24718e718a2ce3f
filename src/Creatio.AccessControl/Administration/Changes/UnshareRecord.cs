namespace Creatio.AccessControl;

/// <summary>Removes a grantee's right for an operation on a record.</summary>
public sealed record UnshareRecord : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Record">The record.</param>
    /// <param name="Grantee">The grantee.</param>
    /// <param name="Operation">The operation.</param>
    public UnshareRecord(ObjectName Object, RecordId Record, AdminUnitId Grantee, RecordOperation Operation)
    {
        this.Object = Object;
        this.Record = Record;
        this.Grantee = Grantee;
        this.Operation = Operation;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    /// <summary>Gets the grantee.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckShare(Object, Record, Operation);

    internal override ValueTask<AccessDecision> AuthorizeAsync(AccessPrincipal actor, AccessModel before, IRecordRightReader records, CancellationToken cancellationToken) =>
        actor.CheckShareAsync(records, Object, Record, Operation, cancellationToken);

    internal override ObjectName? RecordObject => Object;

    internal override RecordId? NamedRecord => Record;

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
