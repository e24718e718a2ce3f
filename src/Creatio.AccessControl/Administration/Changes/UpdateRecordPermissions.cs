namespace Creatio.AccessControl;

/// <summary>Runs Update record permissions: deletes the Default rights of every record of the object and writes them again from the current rules; Manual rights stay.</summary>
/// <param name="Object">The object.</param>
public sealed record UpdateRecordPermissions(ObjectName Object) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override void Apply(ModelEditor editor)
    {
        RequireObject(editor, Object);
        ModelEditor.RemoveAll(editor.Builder.RecordRightRows, r => r.Object == Object && r.Source == RecordRightSource.Default);
        foreach (RecordDefinition record in editor.Builder.Records.Where(r => r.Object == Object).ToList())
        {
            foreach (RecordRightRow row in editor.DefaultRights(record, record.Author).ToList())
            {
                editor.Builder.RecordRightRows.Add(row);
            }
        }

        editor.TouchedRecordObjects.Add(Object.Value);
    }
}
