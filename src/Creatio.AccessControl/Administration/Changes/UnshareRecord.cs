using Creatio.AccessControl.Compilation;

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

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckShare(Object, Record, Operation);

    internal override void Apply(ModelEditor editor)
    {
        editor.Remove(editor.Builder.RecordRightRows, r => SameRight(r, Object, Record, Grantee, Operation), $"Right of `{Grantee}` to {Operation} record `{Record}` of `{Object}`");
        editor.TouchedRecordObjects.Add(Object.Value);
    }

    internal override bool TryApplyIncrementally(IncrementalEditor editor)
    {
        if (!editor.TryGetObject(Object, out int objectIndex, out CompiledObject compiled) || !editor.Snapshot.TryGetUnit(Grantee, out int unit))
        {
            return false;
        }

        int record = compiled.Records.Find(Record);
        var key = new RecordRightKey(Object, Record, Grantee, Operation);
        var removed = new List<RecordRightRow>();
        editor.Snapshot.Model.RecordRights.RowsOf(key, removed);
        if (record < 0 || removed.Count == 0)
        {
            return false;
        }

        foreach (RecordRightRow row in removed)
        {
            editor.Before.Add(row.ToString());
        }

        AccessModel model = editor.Snapshot.Model.WithRecordRights(editor.RecordRights().Remove(key));
        CompiledRecords records = compiled.Records.WithRight(record, unit, OperationEncoding.Bit(Operation), null);
        editor.Snapshot = editor.Snapshot.WithObject(model, objectIndex, compiled.WithRecords(records));
        return true;
    }
}
