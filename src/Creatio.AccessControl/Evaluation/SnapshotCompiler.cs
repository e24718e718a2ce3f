using System.Collections.Frozen;

namespace Creatio.AccessControl.Compilation;

/// <summary>The one compiler of snapshots: compiles a model whole, and applies a model delta to a compiled snapshot,
/// building again only what the delta touches.</summary>
/// <remarks>
/// <para><see cref="Apply"/> chooses per edit: a membership recomputes <c>E(u)</c> of the users it can affect and the
/// rows deciding for them; a share or an unshare, one record's rights; an object's operation rows, that object's rows.
/// Any other edit recompiles the parts it touches (<see cref="SnapshotParts"/>), or everything when it touches units.
/// The result decides exactly as <see cref="Compile"/> of the model after the delta (a property test holds it to
/// that).</para>
/// </remarks>
internal static class SnapshotCompiler
{
    /// <summary>Compiles a validated model into a snapshot.</summary>
    public static AccessSnapshot Compile(AccessModel model, long version)
    {
        UnitTable units;
        RoleGraph graph;
        using (LoadPhases.Begin("compile: units and role graph"))
        {
            units = new UnitTable(model);
            graph = RoleGraph.Create(model, units);
        }

        Task<Dictionary<string, CompiledRecords>> records = TableCompiler.StartRecords(model, units, graph);
        EffectiveRoleTable roles;
        using (LoadPhases.Begin("compile: effective roles"))
        {
            roles = EffectiveRoleCompiler.Compile(units, graph);
        }

        (CompiledSystemOperations operations, FrozenDictionary<string, int> objectIndex, CompiledObject[] objects, SubjectsByUnit inverse) =
            TableCompiler.Compile(model, roles, inverse: null, records);
        using (LoadPhases.Begin("compile: principals"))
        {
            SubjectState[] states = SubjectStates.Compute(units, roles, operations);
            return new AccessSnapshot(
                model, version, units, roles, operations, objectIndex, objects, inverse, states,
                AccessPrincipalIndex.Build(units, roles, states), CompiledSupportGrants.Compile(model, objectIndex));
        }
    }

    /// <summary>The snapshot of <paramref name="model"/> (the model <paramref name="delta"/> makes of
    /// <paramref name="snapshot"/>'s), reusing what the delta did not touch.</summary>
    public static AccessSnapshot Apply(AccessSnapshot snapshot, AccessModelDelta delta, AccessModel model, long version)
    {
        if (TryApplyLocally(snapshot, delta, model) is { } next)
        {
            return next.WithVersion(version);
        }

        var recordObjects = new HashSet<string>(StringComparer.Ordinal);
        SnapshotParts parts = SnapshotParts.None;
        foreach (AccessModelEdit edit in delta.Edits)
        {
            parts |= PartsOf(edit, recordObjects);
        }

        return Derive(snapshot, model, version, parts, recordObjects);
    }

    /// <summary>Compiles the model after a change, reusing the parts of <paramref name="previous"/> the change did not
    /// touch.</summary>
    private static AccessSnapshot Derive(AccessSnapshot previous, AccessModel model, long version, SnapshotParts parts, IReadOnlySet<string> touchedRecordObjects)
    {
        if ((parts & SnapshotParts.Units) != 0)
        {
            return Compile(model, version);
        }

        (CompiledSystemOperations operations, FrozenDictionary<string, int> objectIndex, CompiledObject[] objects, SubjectsByUnit inverse) =
            (previous.Operations, previous.ObjectIndex, previous.Objects, previous.Inverse);
        SubjectState[] states = previous.States;
        AccessPrincipalIndex principals = previous.Principals;
        if ((parts & SnapshotParts.Permissions) != 0)
        {
            (operations, objectIndex, objects, inverse) = TableCompiler.Compile(model, previous.Roles, previous.Inverse);
            states = SubjectStates.Compute(previous.Units, previous.Roles, operations);
            principals = previous.Principals.With(previous.Roles, previous.Roles, previous.States, states);
        }
        else if ((parts & SnapshotParts.Records) != 0)
        {
            objects = TableCompiler.WithRecords(model, previous.Roles, objectIndex, objects, touchedRecordObjects);
        }

        return new AccessSnapshot(
            model, version, previous.Units, previous.Roles, operations, objectIndex, objects, inverse, states, principals,
            CompiledSupportGrants.Compile(model, objectIndex));
    }

    /// <summary>What an edit makes the compiler build again; adds the objects whose records it touches.</summary>
    private static SnapshotParts PartsOf(AccessModelEdit edit, HashSet<string> recordObjects)
    {
        switch (edit)
        {
            case AddMembershipEdit or RemoveMembershipEdit or AddFunctionalLinkEdit or RemoveFunctionalLinkEdit or AddDelegationEdit or RemoveDelegationEdit
                or PutUserEdit or RemoveUserEdit or PutRoleEdit or RemoveRoleEdit or ReplaceRolesNotInheritedByManagersEdit:
                return SnapshotParts.Units;
            case PutObjectEdit or PutSystemOperationEdit or ReplaceObjectOperationRowsEdit or ReplaceColumnRightRowsEdit or ReplaceSystemOperationRowsEdit
                or ReplaceDefaultRecordRightRulesEdit:
                return SnapshotParts.Permissions;
            case PutRecordEdit put:
                recordObjects.Add(put.Record.Object.Value);
                return SnapshotParts.Records;
            case RemoveRecordEdit remove:
                recordObjects.Add(remove.Object.Value);
                return SnapshotParts.Records;
            case PutRecordRightEdit put:
                recordObjects.Add(put.Right.Object.Value);
                return SnapshotParts.Records;
            case AddRecordRightEdit add:
                recordObjects.Add(add.Right.Object.Value);
                return SnapshotParts.Records;
            case RemoveRecordRightEdit remove:
                recordObjects.Add(remove.Object.Value);
                return SnapshotParts.Records;
            case ReplaceSettingsEdit or PutSupportGrantEdit or PutWorkplaceEdit or RemoveWorkplaceEdit:
                return SnapshotParts.Settings;
            default:
                // An edit this compiler does not know recompiles everything.
                return SnapshotParts.Units;
        }
    }

    /// <summary>Applies edits that change one user's memberships, one record's rights or one object's operation rows to
    /// the compiled tables they touch; <see langword="null"/> when an edit needs more (the caller recompiles parts).</summary>
    private static AccessSnapshot? TryApplyLocally(AccessSnapshot snapshot, AccessModelDelta delta, AccessModel model)
    {
        AccessSnapshot? current = snapshot;
        for (int i = 0; i < delta.Edits.Count && current is not null; i++)
        {
            current = delta.Edits[i] switch
            {
                AddMembershipEdit add => Membership(current, model, add.Membership, member: true),
                RemoveMembershipEdit remove => Membership(current, model, remove.Membership, member: false),
                PutRecordRightEdit put => RecordRight(current, model, put.Right.Object, put.Right.Record, put.Right.Grantee, put.Right.Operation, put.Right.Level),
                RemoveRecordRightEdit { Source: null } remove => RecordRight(current, model, remove.Object, remove.Record, remove.Grantee, remove.Operation, null),
                ReplaceObjectOperationRowsEdit replace => ObjectOperationRows(current, model, replace.Object, replace.Rows),
                _ => null,
            };
        }

        return current;
    }

    private static AccessSnapshot? Membership(AccessSnapshot snapshot, AccessModel model, RoleMembership membership, bool member) =>
        snapshot.TryGetUnit(membership.User, out int user) && !snapshot.Units.IsRole(user) &&
        snapshot.TryGetUnit(membership.Role, out int role) && snapshot.Units.IsRole(role)
            && MembershipCompiler.Apply(snapshot.Units, snapshot.ObjectIndex, snapshot.SubjectTables, user, role, member) is { } tables
            ? snapshot.WithSubjectTables(model, tables)
            : null;

    private static AccessSnapshot? RecordRight(
        AccessSnapshot snapshot, AccessModel model, ObjectName objectName, RecordId recordId, AdminUnitId grantee, RecordOperation operation, RecordRightLevel? level)
    {
        if (!TryGetObject(snapshot, objectName, out int objectIndex, out CompiledObject compiled) || !snapshot.TryGetUnit(grantee, out int unit))
        {
            return null;
        }

        int record = compiled.Records.Find(recordId);
        return record < 0
            ? null
            : snapshot.WithObject(model, objectIndex, compiled.WithRecords(compiled.Records.WithRight(record, unit, 1 << (int)operation, level)));
    }

    private static AccessSnapshot? ObjectOperationRows(AccessSnapshot snapshot, AccessModel model, ObjectName objectName, IReadOnlyList<ObjectOperationRow> rows)
    {
        if (!TryGetObject(snapshot, objectName, out int objectIndex, out CompiledObject compiled))
        {
            return null;
        }

        FirstMatchRows? compiledRows = TableCompiler.ObjectRows(compiled.Definition, rows, snapshot.Roles, snapshot.Inverse);
        return snapshot.WithObject(model, objectIndex, compiled.WithRows(compiledRows));
    }

    private static bool TryGetObject(AccessSnapshot snapshot, ObjectName name, out int index, out CompiledObject compiled)
    {
        if (name.Value is not null && snapshot.ObjectIndex.TryGetValue(name.Value, out index))
        {
            compiled = snapshot.Objects[index];
            return true;
        }

        index = -1;
        compiled = null!;
        return false;
    }
}
