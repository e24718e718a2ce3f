namespace Creatio.AccessControl;

/// <summary>Changes a record's owner.</summary>
public sealed record ChangeRecordOwner : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Record">The record.</param>
    /// <param name="Owner">The new owner, or <see langword="null"/> for none.</param>
    public ChangeRecordOwner(ObjectName Object, RecordId Record, UserId? Owner)
    {
        this.Object = Object;
        this.Record = Record;
        this.Owner = Owner;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    /// <summary>Gets the new owner, or <see langword="null"/> for none.</summary>
    public UserId? Owner { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override bool IsDataChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckRecord(Object, Record, RecordOperation.Edit);

    internal override ValueTask<AccessDecision> AuthorizeAsync(AccessPrincipal actor, AccessModel before, IRecordRightReader records, CancellationToken cancellationToken) =>
        actor.CheckRecordAsync(records, Object, Record, RecordOperation.Edit, cancellationToken);

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
        return Delta(new PutRecordEdit(current! with { Owner = Owner }));
    }
}
