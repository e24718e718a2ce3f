namespace Creatio.AccessControl;

/// <summary>Creates a record and writes the Default rights the object's default record permission rules give its author.</summary>
/// <param name="Record">The record.</param>
public sealed record CreateRecord(RecordDefinition Record) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override bool IsDataChange => true;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Record);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckObject(Record.Object, ObjectOperation.Create);

    internal override void Apply(ModelEditor editor)
    {
        RecordDefinition record = editor.Actor.SupportGrant is { } grant ? Record with { CreatedInSupportGrant = grant } : Record;
        ModelEditor.Add(editor.Builder.Records, record, r => r.Object == Record.Object && r.Id == Record.Id, $"Record `{Record.Id}` of `{Record.Object}`");
        foreach (RecordRightRow row in editor.DefaultRights(record, record.Author).ToList())
        {
            editor.Builder.RecordRightRows.Add(row);
        }

        editor.TouchedRecordObjects.Add(Record.Object.Value);
    }
}
