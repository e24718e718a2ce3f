namespace Creatio.AccessControl;

/// <summary>Replaces every operation row of an object.</summary>
/// <param name="Object">The object.</param>
/// <param name="Rows">The new rows; each must name the object.</param>
public sealed record SetObjectOperationRows(ObjectName Object, IReadOnlyList<ObjectOperationRow> Rows) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override ChangeScope Scope => ChangeScope.Permissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rows);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override void Apply(ModelEditor editor)
    {
        RequireObject(editor, Object);
        ModelEditor.RemoveAll(editor.Builder.ObjectOperationRows, r => r.Object == Object);
        foreach (ObjectOperationRow row in Rows)
        {
            RequireSame(row.Object, Object);
            editor.Builder.ObjectOperationRows.Add(row);
        }
    }
}
