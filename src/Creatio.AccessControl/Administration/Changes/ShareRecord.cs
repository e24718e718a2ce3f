using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Shares an operation on a record: adds the right, or replaces the level of the grantee's right for that operation.</summary>
/// <param name="Right">The right; its source is kept as given.</param>
public sealed record ShareRecord(RecordRightRow Right) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Right);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckShare(Right.Object, Right.Record, Right.Operation);

    internal override void Apply(ModelEditor editor)
    {
        ModelEditor.RemoveAll(editor.Builder.RecordRightRows, r => SameRight(r, Right.Object, Right.Record, Right.Grantee, Right.Operation));
        editor.Builder.RecordRightRows.Add(Right);
        editor.TouchedRecordObjects.Add(Right.Object.Value);
    }

    internal override bool TryApplyIncrementally(IncrementalEditor editor)
    {
        if (!Enum.IsDefined(Right.Operation) || !Enum.IsDefined(Right.Level) || !Enum.IsDefined(Right.Source) ||
            !editor.TryGetObject(Right.Object, out int objectIndex, out CompiledObject compiled) ||
            !editor.Snapshot.TryGetUnit(Right.Grantee, out int unit))
        {
            return false;
        }

        int record = compiled.Records.Find(Right.Record);
        if (record < 0)
        {
            return false;
        }

        AccessModel model = editor.Snapshot.Model.WithRecordRights(editor.RecordRights().Set(Right));
        CompiledRecords records = compiled.Records.WithRight(record, unit, OperationEncoding.Bit(Right.Operation), Right.Level);
        editor.Snapshot = editor.Snapshot.WithObject(model, objectIndex, compiled.WithRecords(records));
        return true;
    }
}
