using System.Collections.Immutable;
using Creatio.AccessControl.Compilation;

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

    internal override bool TryApplyIncrementally(IncrementalEditor editor)
    {
        if (!editor.TryGetObject(Object, out int objectIndex, out CompiledObject compiled))
        {
            return false;
        }

        // What the validator checks of object operation rows, for this object's rows alone (the others are unchanged).
        var positions = new HashSet<int>();
        foreach (ObjectOperationRow row in Rows)
        {
            if (row is null || row.Object != Object || row.Position < 0 || !positions.Add(row.Position) ||
                (row.Operations & ~ObjectOperations.All) != 0 || !editor.Snapshot.TryGetUnit(row.Grantee, out _))
            {
                return false;
            }
        }

        // The other objects' rows in order, then these: one array of the exact length, not copied again.
        AccessModel before = editor.Snapshot.Model;
        int kept = 0;
        foreach (ObjectOperationRow row in before.ObjectOperationRows)
        {
            kept += row.Object != Object ? 1 : 0;
        }

        ImmutableArray<ObjectOperationRow>.Builder rows = ImmutableArray.CreateBuilder<ObjectOperationRow>(kept + Rows.Count);
        foreach (ObjectOperationRow row in before.ObjectOperationRows)
        {
            if (row.Object != Object)
            {
                rows.Add(row);
            }
        }

        rows.AddRange(Rows);
        AccessSnapshot snapshot = editor.Snapshot;
        FirstMatchRows? compiledRows = TableCompiler.ObjectRows(compiled.Definition, Rows, snapshot.Roles, snapshot.Inverse);
        editor.Snapshot = snapshot.WithObject(before.WithObjectOperationRows(rows.MoveToImmutable()), objectIndex, compiled.WithRows(compiledRows));
        return true;
    }
}
