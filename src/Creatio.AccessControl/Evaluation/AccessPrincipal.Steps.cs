using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The one walk of the steps (user, portal availability, super operations, object, record, column, support
/// overlay): every check, list and explanation goes through these methods, generic over an <see cref="IStepTracer"/>.
/// Checks pass <see cref="NoTrace"/>, <see cref="Explain(in AccessRequest)"/> passes an <see cref="Explainer"/>.</summary>
public readonly partial struct AccessPrincipal
{
    /// <summary>Any request, with the support overlay.</summary>
    private AccessDecision Walk<T>(in AccessRequest request, ref T trace)
        where T : IStepTracer => request.Kind switch
        {
            AccessRequestKind.Object => ObjectRequest(Resolve(request.Object), request.ObjectOperation, ref trace),
            AccessRequestKind.Record => RecordRequest(Resolve(request.Object), request.Record!.Value, request.RecordOperation, ref trace),
            AccessRequestKind.Column => ColumnRequest(Resolve(request.Object), request.Column, request.ColumnOperation, request.Record, ref trace),
            AccessRequestKind.SystemOperation => SystemOperationRequest(request.SystemOperation, ref trace),
            AccessRequestKind.Share => ShareRequest(Resolve(request.Object), request.Record!.Value, request.RecordOperation, ref trace),
            _ => AccessDecision.Deny(AccessStage.None, AccessReason.InvalidRequest),
        };

    /// <summary>An object request: steps 1–4, then the overlay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision ObjectRequest<T>(in AccessObject target, ObjectOperation operation, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision = ObjectSteps(in target, operation, ref trace);
        return _grant == 0 ? decision : Overlay(decision, target.Index, operation, null, column: false, ref trace);
    }

    /// <summary>A record request: steps 1–5, then the overlay.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision RecordRequest<T>(in AccessObject target, RecordId record, RecordOperation operation, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision = RecordSteps(in target, record, operation, ref trace);
        return _grant == 0 ? decision : Overlay(decision, target.Index, OperationEncoding.ToObjectOperation(operation), record, column: false, ref trace);
    }

    /// <summary>A column request: steps 1–4, 5 when it names a record, 6, then the overlay.</summary>
    private AccessDecision ColumnRequest<T>(in AccessObject target, ColumnName column, ColumnOperation operation, RecordId? record, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision = ColumnSteps(in target, column, operation, record, ref trace);
        return _grant == 0 ? decision : Overlay(decision, target.Index, OperationEncoding.ToObjectOperation(operation), record, column: true, ref trace);
    }

    /// <summary>Steps 1–4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision ObjectSteps<T>(in AccessObject target, ObjectOperation operation, ref T trace)
        where T : IStepTracer
    {
        if (!Begin(in target, ref trace, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            return Invalid(AccessStage.Object, ref trace);
        }

        return Super(operation, ref trace, out decision) ? decision : ObjectStep(in target, external, operation, ref trace);
    }

    /// <summary>Steps 1–5 for one record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision RecordSteps<T>(in AccessObject target, RecordId record, RecordOperation operation, ref T trace)
        where T : IStepTracer
    {
        if (!RecordObjectSteps(in target, operation, ref trace, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        return RecordStep(target.Compiled!, target.Records!, external, in decision, record, OperationEncoding.Bit(operation), ref trace);
    }

    /// <summary>Steps 1–4 of a record request: whether the record step is to be taken (<see langword="false"/> when an
    /// earlier step decided, or a super operation allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool RecordObjectSteps<T>(in AccessObject target, RecordOperation operation, ref T trace, out bool external, out AccessDecision decision)
        where T : IStepTracer
    {
        if (!Begin(in target, ref trace, out external, out decision))
        {
            return false;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            decision = Invalid(AccessStage.Record, ref trace);
            return false;
        }

        ObjectOperation objectOperation = OperationEncoding.ToObjectOperation(operation);
        if (Super(objectOperation, ref trace, out decision))
        {
            return false;
        }

        decision = ObjectStep(in target, external, objectOperation, ref trace);
        return decision.IsAllowed;
    }

    /// <summary>Steps 1–4 and 6, and 5 when <paramref name="record"/> is given.</summary>
    private AccessDecision ColumnSteps<T>(in AccessObject target, ColumnName column, ColumnOperation operation, RecordId? record, ref T trace)
        where T : IStepTracer
    {
        if (!Begin(in target, ref trace, out bool external, out AccessDecision decision))
        {
            return decision;
        }

        if (!OperationEncoding.IsDefined(operation))
        {
            return Invalid(AccessStage.Column, ref trace);
        }

        CompiledObject compiled = target.Compiled!;
        if (column.Value is null || !compiled.ColumnIndex.TryGetValue(column.Value, out int columnIndex))
        {
            decision = AccessDecision.Deny(AccessStage.Column, AccessReason.UnknownColumn);
            trace.ColumnRefused(decision, null);
            return decision;
        }

        CompiledColumn compiledColumn = compiled.Columns[columnIndex];
        if (external && compiledColumn.IsSystem)
        {
            decision = AccessDecision.Deny(AccessStage.Column, AccessReason.SystemColumnForPortalUser);
            trace.ColumnRefused(decision, compiledColumn);
            return decision;
        }

        ObjectOperation objectOperation = OperationEncoding.ToObjectOperation(operation);
        if (Super(objectOperation, ref trace, out decision))
        {
            return decision;
        }

        decision = ObjectStep(in target, external, objectOperation, ref trace);
        if (!decision.IsAllowed)
        {
            return decision;
        }

        if (record is { } id)
        {
            decision = RecordStep(compiled, target.Records!, external, in decision, id, OperationEncoding.Bit(OperationEncoding.ToRecordOperation(operation)), ref trace);
            if (!decision.IsAllowed)
            {
                return decision;
            }
        }

        decision = Pipeline.Column(_subject, compiledColumn, operation, decision);
        trace.Column(decision, compiledColumn);
        return decision;
    }

    /// <summary>Sharing: reading the record (steps 1–5), then AllowAndGrant on the operation or
    /// <c>CanChangeEntitySchemaRecordRight</c>, then the overlay of reading and of sharing.</summary>
    private AccessDecision ShareRequest<T>(in AccessObject target, RecordId record, RecordOperation operation, ref T trace)
        where T : IStepTracer
    {
        AccessDecision read = RecordSteps(in target, record, RecordOperation.Read, ref trace);
        AccessDecision decision = read.IsAllowed ? ShareStep(target.Compiled!, record, operation, ref trace) : read;
        if (_grant == 0)
        {
            return decision;
        }

        if (decision.IsAllowed)
        {
            read = !target.Index.IsKnown ? read : SupportOverlay.Objects(_snapshot!, _grant - 1, read, target.Index, ObjectOperation.Read, record, column: false);
            decision = read.IsAllowed ? SupportOverlay.Share(_snapshot!, _grant - 1, decision) : read;
        }

        trace.Support(decision);
        return decision;
    }

    private AccessDecision ShareStep<T>(CompiledObject compiled, RecordId record, RecordOperation operation, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision;
        RecordIndex index = OperationEncoding.IsDefined(operation) ? compiled.Records.IndexOf(record) : new RecordIndex(-1);
        if (!index.IsFound)
        {
            decision = OperationEncoding.IsDefined(operation)
                ? AccessDecision.Deny(AccessStage.Record, MissingRecord(compiled))
                : AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
            trace.ShareRefused(decision);
            return decision;
        }

        AccessSnapshot snapshot = _snapshot!;
        int bit = OperationEncoding.Bit(operation);
        AccessDecision grant = Pipeline.Rights(snapshot, _subject, _user, _signature, compiled.Records, index, bit, grant: true);
        decision = OrChangeRecordRights(grant);

        trace.Share(grant, decision, compiled, index, bit);
        return decision;
    }

    /// <summary>A system operation: step 1, its rows, then the overlay.</summary>
    private AccessDecision SystemOperationRequest<T>(SystemOperationCode operation, ref T trace)
        where T : IStepTracer
    {
        if (!BeginUser(ref trace, out AccessDecision decision))
        {
            return decision;
        }

        if (operation.Value is null || !_snapshot!.Operations.Index.TryGetValue(operation.Value, out int index))
        {
            decision = AccessDecision.Deny(AccessStage.SystemOperation, AccessReason.UnknownSystemOperation);
            trace.SystemOperation(decision, -1);
        }
        else
        {
            decision = Pipeline.SystemOperation(_snapshot, _subject, index);
            trace.SystemOperation(decision, index);
            if (_grant != 0)
            {
                decision = SupportOverlay.SystemOperation(_snapshot, _grant - 1, decision, index);
            }
        }

        if (_grant != 0)
        {
            trace.Support(decision);
        }

        return decision;
    }

    /// <summary>The support overlay of an object, record or column request (step 7).</summary>
    private AccessDecision Overlay<T>(AccessDecision decision, ObjectIndex objectIndex, ObjectOperation operation, RecordId? record, bool column, ref T trace)
        where T : IStepTracer
    {
        if (objectIndex.IsKnown && OperationEncoding.IsDefined(operation))
        {
            decision = SupportOverlay.Objects(_snapshot!, _grant - 1, decision, objectIndex, operation, record, column);
        }

        trace.Support(decision);
        return decision;
    }

    /// <summary>The support denial and step 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool BeginUser<T>(ref T trace, out AccessDecision decision)
        where T : IStepTracer
    {
        if (_supportDenial != AccessReason.None)
        {
            decision = SupportOverlay.Deny(_supportDenial);
            trace.SupportDenied(decision);
            return false;
        }

        if ((_state & SubjectState.Active) == 0)
        {
            decision = _snapshot is null || !_subject.IsKnown
                ? AccessDecision.Deny(AccessStage.User, AccessReason.UnknownUser)
                : AccessDecision.Deny(AccessStage.User, AccessReason.InactiveUser);
            trace.User(decision);
            return false;
        }

        decision = AccessDecision.Allow(AccessStage.User, AccessReason.None);
        trace.User(decision);
        return true;
    }

    /// <summary>Steps 1 and 2 on an object resolved beforehand.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Begin<T>(in AccessObject target, ref T trace, out bool external, out AccessDecision decision)
        where T : IStepTracer
    {
        external = false;
        if (!BeginUser(ref trace, out decision))
        {
            return false;
        }

        CompiledObject? compiled = target.Compiled;
        if (compiled is null || !ReferenceEquals(target.Snapshot, _snapshot))
        {
            decision = AccessDecision.Deny(AccessStage.Object, compiled is null ? AccessReason.UnknownObject : AccessReason.ObjectFromAnotherSnapshot);
            trace.UnknownObject(decision);
            return false;
        }

        if ((_state & SubjectState.External) != 0)
        {
            external = true;
            decision = Pipeline.Portal(_snapshot!, compiled);
            trace.Portal(decision, external: true);
            return decision.IsAllowed;
        }

        trace.Portal(default, external: false);
        decision = default;
        return true;
    }

    private static AccessDecision Invalid<T>(AccessStage stage, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision = AccessDecision.Deny(stage, AccessReason.InvalidRequest);
        trace.InvalidOperation(decision);
        return decision;
    }

    /// <summary>Step 3: whether the subject holds the super operation of <paramref name="operation"/> and its row allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Super<T>(ObjectOperation operation, ref T trace, out AccessDecision decision)
        where T : IStepTracer
    {
        decision = default;
        bool allows = (_state & OperationEncoding.Super(operation)) != 0 && Pipeline.SuperRow(_snapshot!, _subject, operation, out decision);
        trace.Super(operation, decision, allows);
        return allows;
    }

    /// <summary>Step 4.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision ObjectStep<T>(in AccessObject target, bool external, ObjectOperation operation, ref T trace)
        where T : IStepTracer
    {
        CompiledObject compiled = target.Compiled!;
        AccessDecision decision = Pipeline.Object(_subject, external, in target, operation);
        trace.Object(decision, compiled, operation);
        return decision;
    }

    /// <summary>Whether step 5 looks at the record: for portal users always, for employees when the object uses record
    /// permissions (otherwise every record is allowed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool RecordStepLooks(CompiledObject compiled, bool external) => external || compiled.UseRecordPermissions;

    /// <summary>What step 5 decides for every record of an object whose records it does not look at: allowed, named by the
    /// object row that allowed in step 4 (<paramref name="objectDecision"/>).</summary>
    private static AccessDecision RecordPermissionsOff(in AccessDecision objectDecision) =>
        objectDecision.As(AccessOutcome.Allow, AccessStage.Record, AccessReason.RecordPermissionsOff);

    /// <summary>Step 5 for one record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision RecordStep<T>(
        CompiledObject compiled, CompiledRecords records, bool external, in AccessDecision objectDecision, RecordId record, int operationBit, ref T trace)
        where T : IStepTracer
    {
        AccessDecision decision;
        if (!RecordStepLooks(compiled, external))
        {
            decision = RecordPermissionsOff(in objectDecision);
        }
        else
        {
            RecordIndex index = records.IndexOf(record);
            decision = !index.IsFound
                ? AccessDecision.Deny(AccessStage.Record, MissingRecord(compiled))
                : Pipeline.Rights(_snapshot!, _subject, _user, _signature, records, index, operationBit, grant: false);
        }

        trace.Record(decision, compiled, external, record, operationBit);
        return decision;
    }

    /// <summary>Why step 5 denies a record the snapshot does not hold: the object keeps its records in the database (the
    /// host checks them there), or the record is unknown.</summary>
    private static AccessReason MissingRecord(CompiledObject compiled) =>
        compiled.Definition.KeepsRecordsInDatabase ? AccessReason.RecordKeptInDatabase : AccessReason.UnknownRecord;

    /// <summary>Resolves an object by name in this principal's snapshot, to the handle every check takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessObject Resolve(ObjectName objectName) => _snapshot is { } snapshot ? snapshot.GetObject(objectName) : default;
}
