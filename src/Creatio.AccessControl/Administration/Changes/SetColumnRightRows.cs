namespace Creatio.AccessControl;

/// <summary>Replaces every permission row of a column.</summary>
/// <param name="Object">The object.</param>
/// <param name="Column">The column.</param>
/// <param name="Rows">The new rows; each must name the object and column.</param>
public sealed record SetColumnRightRows(ObjectName Object, ColumnName Column, IReadOnlyList<ColumnRightRow> Rows) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ColumnPermissions;

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
        ModelEditor.RemoveAll(editor.Builder.ColumnRightRows, r => r.Object == Object && r.Column == Column);
        foreach (ColumnRightRow row in Rows)
        {
            RequireSame(row.Object, Object);
            if (row.Column != Column)
            {
                ModelEditor.Refuse(AccessChangeRefusal.Conflict, $"A row names column `{row.Column}`; every row must name `{Column}`.");
            }

            editor.Builder.ColumnRightRows.Add(row);
        }
    }
}
