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
        CompiledObject? compiled = Resolve(objectName, out int objectIndex);
        AccessDecision decision = CheckObjectSteps(compiled, compiled?.Rows, AccessReason.UnknownObject, operation);
        return _grant == 0 ? decision : Support(decision, objectIndex, operation, null, column: false);
    }

    /// <summary>Checks an object operation on an object resolved beforehand (DESIGN.md §3 steps 1–4).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckObject(ObjectName, ObjectOperation)"/> gives for the object's name; a deny with
    /// <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    public AccessDecision CheckObject(in AccessObject accessObject, ObjectOperation operation)
    {
        // An active employee, no support session, no super operation: steps 1–3 pass, so go straight to step 4.
        if (IsOrdinaryEmployee && ReferenceEquals(accessObject.Snapshot, _snapshot) && accessObject.Compiled is { } known &&
            OperationEncoding.IsDefined(operation))
        {
            return Pipeline.Object(_subject, external: false, known, accessObject.Rows, operation);
        }

        CompiledObject? compiled = Resolve(in accessObject, out int objectIndex, out AccessReason unresolved);
        AccessDecision decision = CheckObjectSteps(compiled, accessObject.Rows, unresolved, operation);
        return _grant == 0 ? decision : Support(decision, objectIndex, operation, null, column: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision CheckObjectSteps(CompiledObject? compiled, FirstMatchRows? rows, AccessReason unresolved, ObjectOperation operation)
    {
        if (!Begin(compiled, unresolved, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            return AccessDecision.Deny(AccessStage.Object, AccessReason.InvalidRequest);
        }

        return Super(operation, out decision)
            ? decision
            : Pipeline.Object(_subject, external, compiled!, rows, operation);
    }

    /// <summary>Checks an operation on one record (DESIGN.md §3 steps 1–5).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision. When the object does not use record permissions, employees need only pass the object step
    /// and the record is not looked up; portal users always need a known record they may access.</returns>
    public AccessDecision CheckRecord(ObjectName objectName, RecordId record, RecordOperation operation)
    {
        CompiledObject? compiled = Resolve(objectName, out int objectIndex);
        AccessDecision decision = CheckRecordSteps(compiled, compiled?.Rows, compiled?.Records, AccessReason.UnknownObject, record, operation);
        return _grant == 0 ? decision : Support(decision, objectIndex, OperationEncoding.ToObjectOperation(operation), record, column: false);
    }

    /// <summary>Checks an operation on one record of an object resolved beforehand (DESIGN.md §3 steps 1–5).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckRecord(ObjectName, RecordId, RecordOperation)"/> gives for the object's name;
    /// a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    public AccessDecision CheckRecord(in AccessObject accessObject, RecordId record, RecordOperation operation)
    {
        // An active employee, no support session, no super operation, an object whose record step decides alone (its object
        // step allows every operation): steps 1–4 allow, so go straight to step 5. Anything else takes every step.
        if (IsOrdinaryEmployee && accessObject.RecordStepDecides &&
            ReferenceEquals(accessObject.Snapshot, _snapshot) && OperationEncoding.IsDefined(operation))
        {
            return RecordStep(accessObject.Records!, record, operation);
        }

        CompiledObject? compiled = Resolve(in accessObject, out int objectIndex, out AccessReason unresolved);
        AccessDecision decision = CheckRecordSteps(compiled, accessObject.Rows, accessObject.Records, unresolved, record, operation);
        return _grant == 0 ? decision : Support(decision, objectIndex, OperationEncoding.ToObjectOperation(operation), record, column: false);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision CheckRecordSteps(
        CompiledObject? compiled, FirstMatchRows? rows, CompiledRecords? records, AccessReason unresolved, RecordId record, RecordOperation operation)
    {
        if (BeginRecord(compiled, rows, unresolved, operation, out AccessDecision decision) != RecordScope.PerRecord)
        {
            return decision;
        }

        return RecordStep(records!, record, operation);
    }

    /// <summary>Step 5 for one record of an object whose record step decides.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision RecordStep(CompiledRecords records, RecordId record, RecordOperation operation)
    {
        int index = records.Find(record.Value);
        return index < 0
            ? AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord)
            : Pipeline.Rights(_snapshot!, _subject, _user, _signature, records, index, OperationEncoding.Bit(operation), grant: false);
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

    /// <summary>Checks an operation on a column of an object resolved beforehand, without naming a record (DESIGN.md §3
    /// steps 1–4 and 6).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckColumn(ObjectName, ColumnName, ColumnOperation)"/> gives for the object's name;
    /// a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    public AccessDecision CheckColumn(in AccessObject accessObject, ColumnName column, ColumnOperation operation) =>
        CheckColumn(in accessObject, column, operation, null);

    /// <summary>Checks an operation on a column of one record of an object resolved beforehand (DESIGN.md §3 steps 1–6).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="record">The record.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckColumn(ObjectName, RecordId, ColumnName, ColumnOperation)"/> gives for the
    /// object's name; a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in
    /// another snapshot.</returns>
    public AccessDecision CheckColumn(in AccessObject accessObject, RecordId record, ColumnName column, ColumnOperation operation) =>
        CheckColumn(in accessObject, column, operation, record);

    /// <summary>Checks a system operation (DESIGN.md §7).</summary>
    /// <param name="operation">The operation's code.</param>
    /// <returns>The decision; an unknown code is a deny with its own reason.</returns>
    public AccessDecision CheckSystemOperation(SystemOperationCode operation)
    {
        if (_supportDenial != AccessReason.None)
        {
            return SupportOverlay.Deny(_supportDenial);
        }

        if ((_state & SubjectState.Active) == 0)
        {
            return UserDenial();
        }

        if (operation.Value is null || !_snapshot!.Operations.Index.TryGetValue(operation.Value, out int index))
        {
            return AccessDecision.Deny(AccessStage.SystemOperation, AccessReason.UnknownSystemOperation);
        }

        AccessDecision decision = Pipeline.SystemOperation(_snapshot, _subject, index);
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
        CompiledObject? resolved = Resolve(objectName, out int objectIndex);
        AccessDecision read = CheckRecordSteps(resolved, resolved?.Rows, resolved?.Records, AccessReason.UnknownObject, record, RecordOperation.Read);
        if (!read.IsAllowed)
        {
            return read;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
        }

        CompiledObject compiled = resolved!;
        int index = compiled.Records.Find(record);
        if (index < 0)
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord);
        }

        AccessSnapshot snapshot = _snapshot!;
        AccessDecision decision = Pipeline.Rights(snapshot, _subject, _user, _signature, compiled.Records, index, OperationEncoding.Bit(operation), grant: true);
        if (!decision.IsAllowed)
        {
            AccessDecision change = Pipeline.SystemOperation(snapshot, _subject, snapshot.Operations.ChangeRecordRights);
            decision = change.IsAllowed
                ? change.As(AccessOutcome.Allow, AccessStage.Record, AccessReason.CanChangeRecordRights)
                : decision;
        }

        if (_grant == 0 || !decision.IsAllowed)
        {
            return decision;
        }

        read = Support(read, objectIndex, ObjectOperation.Read, record, column: false);
        return read.IsAllowed ? SupportOverlay.Share(snapshot, _grant - 1, decision) : read;
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

    /// <summary>Gets a value indicating whether steps 1–3 pass whatever the object: an active employee without super
    /// operations, not in a support session.</summary>
    private bool IsOrdinaryEmployee
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _state == SubjectState.Active && _grant == 0 && _supportDenial == AccessReason.None;
    }

    /// <summary>Resolves an object by name in this principal's snapshot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CompiledObject? Resolve(ObjectName objectName, out int objectIndex)
    {
        AccessSnapshot? snapshot = _snapshot;
        if (snapshot is not null && objectName.Value is not null && snapshot.ObjectIndex.TryGetValue(objectName.Value, out objectIndex))
        {
            return snapshot.Objects[objectIndex];
        }

        objectIndex = -1;
        return null;
    }

    /// <summary>Takes an object resolved beforehand, when it was resolved in this principal's snapshot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private CompiledObject? Resolve(in AccessObject accessObject, out int objectIndex, out AccessReason unresolved)
    {
        CompiledObject? compiled = accessObject.Compiled;
        if (compiled is not null && ReferenceEquals(accessObject.Snapshot, _snapshot))
        {
            objectIndex = accessObject.Index;
            unresolved = AccessReason.None;
            return compiled;
        }

        objectIndex = -1;
        unresolved = compiled is null ? AccessReason.UnknownObject : AccessReason.ObjectFromAnotherSnapshot;
        return null;
    }

    /// <summary>The deny of step 1, for a principal whose state is not active.</summary>
    private AccessDecision UserDenial() =>
        _snapshot is null || _subject < 0
            ? AccessDecision.Deny(AccessStage.User, AccessReason.UnknownUser)
            : AccessDecision.Deny(AccessStage.User, AccessReason.InactiveUser);

    /// <summary>Steps 1 and 2 on an object resolved beforehand (<see langword="null"/> when it could not be, for
    /// <paramref name="unresolved"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Begin(CompiledObject? compiled, AccessReason unresolved, out bool external, out AccessDecision decision)
    {
        external = false;
        if (_supportDenial != AccessReason.None)
        {
            decision = SupportOverlay.Deny(_supportDenial);
            return false;
        }

        SubjectState state = _state;
        if ((state & SubjectState.Active) == 0)
        {
            decision = UserDenial();
            return false;
        }

        if (compiled is null)
        {
            decision = AccessDecision.Deny(AccessStage.Object, unresolved);
            return false;
        }

        if ((state & SubjectState.External) != 0)
        {
            external = true;
            decision = Pipeline.Portal(_snapshot!, compiled);
            return decision.IsAllowed;
        }

        decision = default;
        return true;
    }

    /// <summary>Step 3: whether the subject holds the super operation of <paramref name="operation"/> and its row allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Super(ObjectOperation operation, out AccessDecision decision)
    {
        if ((_state & OperationEncoding.Super(operation)) == 0)
        {
            decision = default;
            return false;
        }

        return Pipeline.SuperRow(_snapshot!, _subject, operation, out decision);
    }

    /// <summary>Steps 1–4 of a record request, and whether step 5 needs the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RecordScope BeginRecord(CompiledObject? compiled, FirstMatchRows? rows, AccessReason unresolved, RecordOperation operation, out AccessDecision decision)
    {
        if (!Begin(compiled, unresolved, out bool external, out decision))
        {
            return RecordScope.Decided;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            decision = AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
            return RecordScope.Decided;
        }

        ObjectOperation objectOperation = OperationEncoding.ToObjectOperation(operation);
        if (Super(objectOperation, out decision))
        {
            return RecordScope.Decided;
        }

        decision = Pipeline.Object(_subject, external, compiled!, rows, objectOperation);
        if (!decision.IsAllowed)
        {
            return RecordScope.Decided;
        }

        if (!external && !compiled!.UseRecordPermissions)
        {
            decision = AccessDecision.Allow(AccessStage.Record, AccessReason.RecordPermissionsOff);
            return RecordScope.AllRecords;
        }

        return RecordScope.PerRecord;
    }

    private AccessDecision CheckColumn(ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        CompiledObject? compiled = Resolve(objectName, out int objectIndex);
        AccessDecision decision = CheckColumnSteps(compiled, AccessReason.UnknownObject, column, operation, record);
        return _grant == 0 || !OperationEncoding.IsDefined(operation)
            ? decision
            : Support(decision, objectIndex, OperationEncoding.ToObjectOperation(operation), record, column: true);
    }

    private AccessDecision CheckColumn(in AccessObject accessObject, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        CompiledObject? compiled = Resolve(in accessObject, out int objectIndex, out AccessReason unresolved);
        AccessDecision decision = CheckColumnSteps(compiled, unresolved, column, operation, record);
        return _grant == 0 || !OperationEncoding.IsDefined(operation)
            ? decision
            : Support(decision, objectIndex, OperationEncoding.ToObjectOperation(operation), record, column: true);
    }

    private AccessDecision Support(AccessDecision decision, int objectIndex, ObjectOperation operation, RecordId? record, bool column) =>
        objectIndex < 0 || !OperationEncoding.IsDefined(operation)
            ? decision
            : SupportOverlay.Objects(_snapshot!, _grant - 1, decision, objectIndex, operation, record, column);

    private AccessDecision CheckColumnSteps(CompiledObject? compiled, AccessReason unresolved, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        if (!Begin(compiled, unresolved, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (!OperationEncoding.IsDefined(operation))
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

        ObjectOperation objectOperation = OperationEncoding.ToObjectOperation(operation);
        if (Super(objectOperation, out decision))
        {
            return decision;
        }

        decision = Pipeline.Object(_subject, external, compiled, compiled.Rows, objectOperation);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        if (record is { } id)
        {
            int index = external || compiled.UseRecordPermissions ? compiled.Records.Find(id.Value) : -1;
            decision = Pipeline.Record(_snapshot!, _subject, _user, _signature, external, compiled, index, OperationEncoding.Bit(OperationEncoding.ToRecordOperation(operation)));
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
