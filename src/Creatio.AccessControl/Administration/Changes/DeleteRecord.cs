namespace Creatio.AccessControl;

/// <summary>Deletes a record and its rights.</summary>
/// <param name="Object">The object.</param>
/// <param name="Record">The record.</param>
public sealed record DeleteRecord(ObjectName Object, RecordId Record) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override bool IsDataChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckRecord(Object, Record, RecordOperation.Delete);

    internal override void Apply(ModelEditor editor)
    {
        editor.Remove(editor.Builder.Records, r => r.Object == Object && r.Id == Record, $"Record `{Record}` of `{Object}`");
        ModelEditor.RemoveAll(editor.Builder.RecordRightRows, r => r.Object == Object && r.Record == Record);
        editor.TouchedRecordObjects.Add(Object.Value);
    }
}
