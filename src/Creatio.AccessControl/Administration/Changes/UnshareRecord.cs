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
}
