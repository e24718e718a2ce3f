using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>Checks an object operation (steps 1–4 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision; an unknown user or object is a deny with its own reason.</returns>
    public AccessDecision CheckObject(ObjectName objectName, ObjectOperation operation)
    {
        var trace = default(NoTrace);
        return ObjectRequest(Resolve(objectName), operation, ref trace);
    }

    /// <summary>Checks an object operation on an object resolved beforehand (steps 1–4 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckObject(ObjectName, ObjectOperation)"/> gives for the object's name; a deny with
    /// <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AccessDecision CheckObject(in AccessObject accessObject, ObjectOperation operation)
    {
        // The common case in one test: an active employee outside a support session, without the operation's super
        // operation (steps 1–3 pass), on an object of this snapshot whose answers decide step 4 alone. The walk below
        // decides the same; this only spares a server's checks its instructions, so that more of them are in flight.
        ulong[]? answers = accessObject.PlainAnswers;
        if (answers is not null & ReferenceEquals(accessObject.Snapshot, _snapshot) & ((((uint)_plainOperations >> (int)operation) & 1) != 0) &
            OperationEncoding.IsDefined(operation))
        {
            return AccessDecision.OfObjectAnswer(ObjectAnswers.Of(answers!, accessObject.AnswerWords, _subject.Value, operation), accessObject.Rows!, _subject);
        }

        return ObjectWalk(in accessObject, operation);
    }

    /// <summary>Checks an operation on one record (steps 1–5 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision. When the object does not use record permissions, employees need only pass the object step
    /// and the record is not looked up; portal users always need a known record they may access.</returns>
    public AccessDecision CheckRecord(ObjectName objectName, RecordId record, RecordOperation operation)
    {
        var trace = default(NoTrace);
        return RecordRequest(Resolve(objectName), record, operation, ref trace);
    }

    /// <summary>Checks an operation on one record of an object resolved beforehand (steps 1–5 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckRecord(ObjectName, RecordId, RecordOperation)"/> gives for the object's name;
    /// a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public AccessDecision CheckRecord(in AccessObject accessObject, RecordId record, RecordOperation operation)
    {
        // The common case in one test, as CheckObject: an active employee outside a support session, without the super
        // operation of the operation's object operation (steps 1–3 pass), on an object of this snapshot whose object step
        // allows every operation (step 4 passes): a record it holds is decided by its rights.
        CompiledRecords? records = accessObject.PlainRecords;
        if (records is not null & ReferenceEquals(accessObject.Snapshot, _snapshot) & PassesStepsOneToFour(operation))
        {
            int index = records!.Find(record);
            if (index >= 0)
            {
                return Pipeline.Rights(_snapshot!, _subject, _user, _signature, records, new RecordIndex(index), OperationEncoding.Bit(operation), grant: false);
            }
        }

        return RecordWalk(in accessObject, record, operation);
    }

    /// <summary>Checks an operation on a column of an object, without naming a record (steps 1–4 and 6 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision.</returns>
    public AccessDecision CheckColumn(ObjectName objectName, ColumnName column, ColumnOperation operation) =>
        CheckColumn(objectName, column, operation, null);

    /// <summary>Checks an operation on a column of one record (steps 1–6 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision; a column rule never grants more than the object and record steps allow.</returns>
    public AccessDecision CheckColumn(ObjectName objectName, RecordId record, ColumnName column, ColumnOperation operation) =>
        CheckColumn(objectName, column, operation, record);

    /// <summary>Checks an operation on a column of an object resolved beforehand, without naming a record (steps 1–4 and 6 of
    /// the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
    /// <param name="accessObject">The object, resolved with <see cref="AccessSnapshot.GetObject(ObjectName)"/> in this
    /// principal's snapshot.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The decision <see cref="CheckColumn(ObjectName, ColumnName, ColumnOperation)"/> gives for the object's name;
    /// a deny with <see cref="AccessReason.ObjectFromAnotherSnapshot"/> when the object was resolved in another snapshot.</returns>
    public AccessDecision CheckColumn(in AccessObject accessObject, ColumnName column, ColumnOperation operation) =>
        CheckColumn(in accessObject, column, operation, null);

    /// <summary>Checks an operation on a column of one record of an object resolved beforehand (steps 1–6 of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>).</summary>
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

    /// <summary>Checks a system operation (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/system-operations.md">system operations</see>).</summary>
    /// <param name="operation">The operation's code.</param>
    /// <returns>The decision; an unknown code is a deny with its own reason.</returns>
    public AccessDecision CheckSystemOperation(SystemOperationCode operation)
    {
        var trace = default(NoTrace);
        return SystemOperationRequest(operation, ref trace);
    }

    /// <summary>Checks whether the user may share an operation on a record: add or remove record rights for it (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/record-rights.md#sharing">sharing</see>).</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation to share.</param>
    /// <returns>Allowed when the user may read the record and holds AllowAndGrant on the operation (as author, owner, their
    /// manager, or by a right row), or is allowed <c>CanChangeEntitySchemaRecordRight</c>.</returns>
    public AccessDecision CheckShare(ObjectName objectName, RecordId record, RecordOperation operation)
    {
        var trace = default(NoTrace);
        return ShareRequest(Resolve(objectName), record, operation, ref trace);
    }

    /// <summary>Checks any request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The decision, the same the specific check method returns.</returns>
    public AccessDecision Check(in AccessRequest request)
    {
        var trace = default(NoTrace);
        return Walk(in request, ref trace);
    }

    /// <summary>The walk of the steps of an object request, out of line: what <see cref="CheckObject(in AccessObject, ObjectOperation)"/>
    /// does when its one test does not decide, kept out of its callers' loops so that they keep their registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision ObjectWalk(in AccessObject accessObject, ObjectOperation operation)
    {
        var trace = default(NoTrace);
        return ObjectRequest(in accessObject, operation, ref trace);
    }

    /// <summary>The walk of the steps of a record request, out of line (see <see cref="ObjectWalk"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision RecordWalk(in AccessObject accessObject, RecordId record, RecordOperation operation)
    {
        var trace = default(NoTrace);
        return RecordRequest(in accessObject, record, operation, ref trace);
    }

    /// <summary>Whether steps 1–3 let a record operation through to an object whose object step allows every operation:
    /// the principal's plain operations hold the object operation it needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool PassesStepsOneToFour(RecordOperation operation) => PlainOperationFor(_plainOperations, operation);

    private AccessDecision CheckColumn(ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        var trace = default(NoTrace);
        return ColumnRequest(Resolve(objectName), column, operation, record, ref trace);
    }

    private AccessDecision CheckColumn(in AccessObject accessObject, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        var trace = default(NoTrace);
        return ColumnRequest(in accessObject, column, operation, record, ref trace);
    }
}
