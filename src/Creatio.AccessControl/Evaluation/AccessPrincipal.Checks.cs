using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>Checks an object operation (DESIGN.md §3 steps 1–4).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision; an unknown user or object is a deny with its own reason.</returns>
    public AccessDecision CheckObject(ObjectName objectName, ObjectOperation operation)
    {
        AccessDecision decision = CheckObjectSteps(objectName, operation, out int objectIndex);
        return _grant == 0 ? decision : Support(decision, objectIndex, operation, null, column: false);
    }

    private AccessDecision CheckObjectSteps(ObjectName objectName, ObjectOperation operation, out int objectIndex)
    {
        if (!Begin(objectName, out CompiledObject? compiled, out objectIndex, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (unchecked((uint)operation) > (uint)ObjectOperation.Delete)
        {
            return AccessDecision.Deny(AccessStage.Object, AccessReason.InvalidRequest);
        }

        return Pipeline.Super(_snapshot!, _subject, operation, out decision)
            ? decision
            : Pipeline.Object(_snapshot!, _subject, external, compiled!, operation);
    }

    /// <summary>Checks an operation on one record (DESIGN.md §3 steps 1–5).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision. When the object does not use record permissions, employees need only pass the object step
    /// and the record is not looked up; portal users always need a known record they may access.</returns>
    public AccessDecision CheckRecord(ObjectName objectName, RecordId record, RecordOperation operation)
    {
        AccessDecision decision = CheckRecordSteps(objectName, record, operation, out int objectIndex);
        return _grant == 0 ? decision : Support(decision, objectIndex, ToObjectOperation(operation), record, column: false);
    }

    private AccessDecision CheckRecordSteps(ObjectName objectName, RecordId record, RecordOperation operation, out int objectIndex)
    {
        if (BeginRecord(objectName, operation, out CompiledObject? compiled, out objectIndex, out AccessDecision decision) != RecordScope.PerRecord)
        {
            return decision;
        }

        int index = compiled!.Records.Find(record);
        return index < 0
            ? AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord)
            : Pipeline.Rights(_snapshot!, _subject, compiled.Records, index, 1 << (int)operation, grant: false);
    }

    /// <summary>Checks an operation on a column of an object, without naming a record (DESIGN.md §3 steps 1–4 and 6).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision.</returns>
    public AccessDecision CheckColumn(ObjectName objectName, ColumnName column, ColumnOperation operation) =>
        CheckColumn(objectName, column, operation, null);

    /// <summary>Checks an operation on a column of one record (DESIGN.md §3 steps 1–6).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision; a column rule never grants more than the object and record steps allow.</returns>
    public AccessDecision CheckColumn(ObjectName objectName, RecordId record, ColumnName column, ColumnOperation operation) =>
        CheckColumn(objectName, column, operation, record);

    /// <summary>Checks a system operation (DESIGN.md §7).</summary>
    /// <param name="operation">The operation's code.</param>
    /// <returns>The decision; an unknown code is a deny with its own reason.</returns>
    public AccessDecision CheckSystemOperation(SystemOperationCode operation)
    {
        if (_supportDenial != AccessReason.None)
        {
            return SupportOverlay.Deny(_supportDenial);
        }

        AccessDecision decision = Pipeline.User(_snapshot, _subject);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        if (operation.Value is null || !_snapshot!.Operations.Index.TryGetValue(operation.Value, out int index))
        {
            return AccessDecision.Deny(AccessStage.SystemOperation, AccessReason.UnknownSystemOperation);
        }

        decision = Pipeline.SystemOperation(_snapshot, _subject, index);
        return _grant == 0 ? decision : SupportOverlay.SystemOperation(_snapshot, _grant - 1, decision, index);
    }

    /// <summary>Checks whether the user may share an operation on a record: add or remove record rights for it (DESIGN.md §5).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation to share.</param>
    /// <returns>Allowed when the user may read the record and holds AllowAndGrant on the operation (as author, owner, their
    /// manager, or by a right row), or is allowed <c>CanChangeEntitySchemaRecordRight</c>.</returns>
    public AccessDecision CheckShare(ObjectName objectName, RecordId record, RecordOperation operation)
    {
        // The grantor's steps decide first; the support overlay (of reading the record, then of sharing) comes last.
        AccessDecision read = CheckRecordSteps(objectName, record, RecordOperation.Read, out int objectIndex);
        if (!read.IsAllowed)
        {
            return read;
        }

        if (unchecked((uint)operation) > (uint)RecordOperation.Delete)
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
        }

        CompiledObject compiled = _snapshot!.Objects[_snapshot.ObjectIndex[objectName.Value]];
        int index = compiled.Records.Find(record);
        if (index < 0)
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord);
        }

        AccessDecision decision = Pipeline.Rights(_snapshot, _subject, compiled.Records, index, 1 << (int)operation, grant: true);
        if (!decision.IsAllowed)
        {
            AccessDecision change = Pipeline.SystemOperation(_snapshot, _subject, _snapshot.Operations.ChangeRecordRights);
            decision = change.IsAllowed
                ? new AccessDecision(AccessOutcome.Allow, AccessStage.Record, AccessReason.CanChangeRecordRights, change.Grantee!.Value, change.Position ?? -1)
                : decision;
        }

        if (_grant == 0 || !decision.IsAllowed)
        {
            return decision;
        }

        read = Support(read, objectIndex, ObjectOperation.Read, record, column: false);
        return read.IsAllowed ? SupportOverlay.Share(_snapshot, _grant - 1, decision) : read;
    }

    /// <summary>Checks any request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision, the same the specific check method returns.</returns>
    public AccessDecision Check(in AccessRequest request) => request.Kind switch
    {
        AccessRequestKind.Object => CheckObject(request.Object, request.ObjectOperation),
        AccessRequestKind.Record => CheckRecord(request.Object, request.Record!.Value, request.RecordOperation),
        AccessRequestKind.Column => CheckColumn(request.Object, request.Column, request.ColumnOperation, request.Record),
        AccessRequestKind.SystemOperation => CheckSystemOperation(request.SystemOperation),
        AccessRequestKind.Share => CheckShare(request.Object, request.Record!.Value, request.RecordOperation),
        _ => AccessDecision.Deny(AccessStage.None, AccessReason.InvalidRequest),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ObjectOperation ToObjectOperation(RecordOperation operation) =>
        operation == RecordOperation.Read ? ObjectOperation.Read : (ObjectOperation)((int)operation + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ObjectOperation ToObjectOperation(ColumnOperation operation) =>
        operation == ColumnOperation.Read ? ObjectOperation.Read : ObjectOperation.Edit;

    /// <summary>Steps 1 and 2, and resolving the object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Begin(ObjectName objectName, out CompiledObject? compiled, out int objectIndex, out bool external, out AccessDecision decision)
    {
        compiled = null;
        objectIndex = -1;
        external = false;
        if (_supportDenial != AccessReason.None)
        {
            decision = SupportOverlay.Deny(_supportDenial);
            return false;
        }

        decision = Pipeline.User(_snapshot, _subject);
        if (!decision.IsAllowed)
        {
            return false;
        }

        if (objectName.Value is null || !_snapshot!.ObjectIndex.TryGetValue(objectName.Value, out int index))
        {
            decision = AccessDecision.Deny(AccessStage.Object, AccessReason.UnknownObject);
            return false;
        }

        objectIndex = index;
        compiled = _snapshot.Objects[index];
        external = Pipeline.IsExternal(_snapshot, _subject);
        if (external)
        {
            decision = Pipeline.Portal(_snapshot, compiled);
            return decision.IsAllowed;
        }

        return true;
    }

    /// <summary>Steps 1–4 of a record request, and whether step 5 needs the record.</summary>
    private RecordScope BeginRecord(ObjectName objectName, RecordOperation operation, out CompiledObject? compiled, out int objectIndex, out AccessDecision decision)
    {
        if (!Begin(objectName, out compiled, out objectIndex, out bool external, out decision))
        {
            return RecordScope.Decided;
        }

        if (unchecked((uint)operation) > (uint)RecordOperation.Delete)
        {
            decision = AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
            return RecordScope.Decided;
        }

        ObjectOperation objectOperation = ToObjectOperation(operation);
        if (Pipeline.Super(_snapshot!, _subject, objectOperation, out decision))
        {
            return RecordScope.Decided;
        }

        decision = Pipeline.Object(_snapshot!, _subject, external, compiled!, objectOperation);
        if (!decision.IsAllowed)
        {
            return RecordScope.Decided;
        }

        if (!external && !compiled!.Definition.UseRecordPermissions)
        {
            decision = AccessDecision.Allow(AccessStage.Record, AccessReason.RecordPermissionsOff);
            return RecordScope.AllRecords;
        }

        return RecordScope.PerRecord;
    }

    private AccessDecision CheckColumn(ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        AccessDecision decision = CheckColumnSteps(objectName, column, operation, record, out int objectIndex);
        return _grant == 0 || unchecked((uint)operation) > (uint)ColumnOperation.Edit
            ? decision
            : Support(decision, objectIndex, ToObjectOperation(operation), record, column: true);
    }

    private AccessDecision Support(AccessDecision decision, int objectIndex, ObjectOperation operation, RecordId? record, bool column) =>
        objectIndex < 0 || unchecked((uint)operation) > (uint)ObjectOperation.Delete
            ? decision
            : SupportOverlay.Objects(_snapshot!, _grant - 1, decision, objectIndex, operation, record, column);

    private AccessDecision CheckColumnSteps(ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record, out int objectIndex)
    {
        if (!Begin(objectName, out CompiledObject? compiled, out objectIndex, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (unchecked((uint)operation) > (uint)ColumnOperation.Edit)
        {
            return AccessDecision.Deny(AccessStage.Column, AccessReason.InvalidRequest);
        }

        if (column.Value is null || !compiled!.ColumnIndex.TryGetValue(column.Value, out int columnIndex))
        {
            return AccessDecision.Deny(AccessStage.Column, AccessReason.UnknownColumn);
        }

        CompiledColumn compiledColumn = compiled.Columns[columnIndex];
        if (external && compiledColumn.IsSystem)
        {
            return AccessDecision.Deny(AccessStage.Column, AccessReason.SystemColumnForPortalUser);
        }

        ObjectOperation objectOperation = ToObjectOperation(operation);
        if (Pipeline.Super(_snapshot!, _subject, objectOperation, out decision))
        {
            return decision;
        }

        decision = Pipeline.Object(_snapshot!, _subject, external, compiled, objectOperation);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        if (record is { } id)
        {
            int index = external || compiled.Definition.UseRecordPermissions ? compiled.Records.Find(id) : -1;
            var recordOperation = operation == ColumnOperation.Read ? RecordOperation.Read : RecordOperation.Edit;
            decision = Pipeline.Record(_snapshot!, _subject, external, compiled, index, 1 << (int)recordOperation);
            if (!decision.IsAllowed)
            {
                return decision;
            }
        }

        return Pipeline.Column(_snapshot!, _subject, compiledColumn, operation, decision);
    }

    private enum RecordScope
    {
        /// <summary>A step before the record step decided, or a super operation allowed.</summary>
        Decided,

        /// <summary>Every record is allowed: the object does not use record permissions.</summary>
        AllRecords,

        /// <summary>The record step decides, record by record.</summary>
        PerRecord,
    }
}
