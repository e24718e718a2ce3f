namespace Creatio.AccessControl;

/// <summary>Changes a record's owner.</summary>
/// <param name="Object">The object.</param>
/// <param name="Record">The record.</param>
/// <param name="Owner">The new owner, or <see langword="null"/> for none.</param>
public sealed record ChangeRecordOwner(ObjectName Object, RecordId Record, UserId? Owner) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override ChangeScope Scope => ChangeScope.Records;

    internal override bool IsDataChange => true;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckRecord(Object, Record, RecordOperation.Edit);

    internal override void Apply(ModelEditor editor)
    {
        RecordDefinition? current = editor.Builder.Records.FirstOrDefault(r => r.Object == Object && r.Id == Record);
        if (current is null)
        {
            ModelEditor.Refuse(AccessChangeRefusal.NotFound, $"Record `{Record}` of `{Object}` does not exist.");
        }

        editor.Replace(editor.Builder.Records, current! with { Owner = Owner }, r => r.Object == Object && r.Id == Record, $"Record `{Record}` of `{Object}`");
        editor.TouchedRecordObjects.Add(Object.Value);
    }
}
