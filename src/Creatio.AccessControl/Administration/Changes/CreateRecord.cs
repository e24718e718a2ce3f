namespace Creatio.AccessControl;

/// <summary>Creates a record and writes the Default rights the object's default record permission rules give its author.</summary>
public sealed record CreateRecord : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Record">The record.</param>
    public CreateRecord(RecordDefinition Record)
    {
        this.Record = Record;
    }

    /// <summary>Gets the record.</summary>
    public RecordDefinition Record { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override bool IsDataChange => true;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Record);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckObject(Record.Object, ObjectOperation.Create);

    internal override ObjectName? RecordObject => Record.Object;

    internal override RecordId? NamedRecord => Record.Id;

    internal override bool CreatesRecord => true;

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RecordDefinition record = context.Actor.SupportGrant is { } grant ? Record with { CreatedInSupportGrant = grant } : Record;
        if (context.Records.Any(r => r.Object == Record.Object && r.Id == Record.Id))
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Record `{Record.Id}` of `{Record.Object}` already exists.");
        }

        return Delta([new PutRecordEdit(record), .. context.DefaultRights(record, record.Author).Select(r => new AddRecordRightEdit(r))]);
    }
}
