namespace Creatio.AccessControl;

/// <summary>Deletes a record and its rights.</summary>
public sealed record DeleteRecord : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Record">The record.</param>
    public DeleteRecord(ObjectName Object, RecordId Record)
    {
        this.Object = Object;
        this.Record = Record;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override bool IsDataChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckRecord(Object, Record, RecordOperation.Delete);

    internal override ValueTask<AccessDecision> AuthorizeAsync(AccessPrincipal actor, AccessModel before, IRecordRightReader records, CancellationToken cancellationToken) =>
        actor.CheckRecordAsync(records, Object, Record, RecordOperation.Delete, cancellationToken);

    internal override ObjectName? RecordObject => Object;

    internal override RecordId? NamedRecord => Record;

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RecordDefinition? current = context.Records.FirstOrDefault(r => r.Object == Object && r.Id == Record);
        if (current is null)
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Record `{Record}` of `{Object}` does not exist.");
        }

        context.Replaced([current!]);
        IEnumerable<RecordRightRow> rights = context.RecordRightRows.Where(r => r.Object == Object && r.Record == Record).DistinctBy(r => (r.Grantee, r.Operation));
        return Delta([.. rights.Select(r => new RemoveRecordRightEdit(Object, Record, r.Grantee, r.Operation)), new RemoveRecordEdit(Object, Record)]);
    }
}
