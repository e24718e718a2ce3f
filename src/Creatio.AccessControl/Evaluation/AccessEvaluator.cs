using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The long-lived evaluator: owns the current snapshot and the clock, and replaces the snapshot by one reference swap.</summary>
/// <remarks>
/// <para>Readers never lock and never see half a change: every check reads the snapshot reference once.</para>
/// <para>Every new snapshot comes through one serialized path, <see cref="PublishAsync"/>:
/// the administration API, a policy file reload and any other publisher each say, given the current snapshot, what the
/// next one is, one publisher at a time, and the evaluator gives it its version. No publisher can race another's
/// version, and versions only grow.</para>
/// <para>This type is safe for concurrent use.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The publish gate's wait handle is never read, so the semaphore holds nothing to release; an evaluator lives as long as its host.")]
public sealed class AccessEvaluator : IAccessEvaluator
{
    private readonly TimeProvider _timeProvider;
    private readonly IAccessDecisionObserver? _observer;
    private readonly SemaphoreSlim _publishGate = new(1, 1);
    private AccessSnapshot _snapshot;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="snapshot">The first snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="observer">Told of every deny of a one-shot check (the audit log's denied-operation event is written by
    /// one); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public AccessEvaluator(AccessSnapshot snapshot, TimeProvider? timeProvider = null, IAccessDecisionObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _observer = observer;
    }

    /// <inheritdoc/>
    public AccessSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Gets the clock checks are made with.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Publishes the next snapshot through the evaluator's one serialized path: given the current snapshot,
    /// <paramref name="next"/> says what the next one is.</summary>
    /// <param name="next">Given the current snapshot, returns the next one, or <see langword="null"/> to publish nothing
    /// (a refused change). It runs alone: no other publication on this evaluator starts or ends while it runs, so the
    /// snapshot it is given stays current until it returns, and what it stores on the way (a store commit) is published
    /// exactly as it was made. It must not publish on this evaluator itself.</param>
    /// <param name="cancellationToken">Cancels waiting for the path and is passed to <paramref name="next"/>; once
    /// <paramref name="next"/> has returned a snapshot it is published regardless.</param>
    /// <returns>The published snapshot, or <see langword="null"/> when <paramref name="next"/> returned
    /// <see langword="null"/>.</returns>
    /// <remarks>
    /// <para>The evaluator gives the next snapshot its version: the snapshot's own version when that is greater than the
    /// current one (a publisher that mirrors a store keeps the store's versions), otherwise the current version plus one
    /// (published as a copy at that version, which shares every table). Versions therefore only grow.</para>
    /// <para>The swap is one reference write: checks never wait for a publication, and a check sees the old snapshot or
    /// the new one whole. If <paramref name="next"/> throws, nothing is published and the exception propagates.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before
    /// <paramref name="next"/> returned a snapshot; nothing is published.</exception>
    public ValueTask<AccessSnapshot?> PublishAsync(Func<AccessSnapshot, CancellationToken, ValueTask<AccessSnapshot?>> next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(next);
        return PublishCoreAsync(next, published: null, cancellationToken);
    }

    /// <summary>Publishes a snapshot that replaces whatever is current (a reloaded file, a model read again from a store):
    /// a shorthand for <see cref="PublishAsync"/>
    /// that ignores the current snapshot, through the same serialized path as every other publication.</summary>
    /// <param name="snapshot">The snapshot. It is published at its own version when that is greater than the current one,
    /// otherwise at the current version plus one.</param>
    /// <param name="cancellationToken">Cancels waiting for the path; nothing is published then.</param>
    /// <returns>The published snapshot: <paramref name="snapshot"/> itself, or a copy of it at the version it was given.</returns>
    /// <remarks>Compile the snapshot before calling, so that other publishers do not wait for the compilation.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is published.</exception>
    public async ValueTask<AccessSnapshot> ReplaceAsync(AccessSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        AccessSnapshot? published = await PublishCoreAsync((_, _) => ValueTask.FromResult<AccessSnapshot?>(snapshot), published: null, cancellationToken).ConfigureAwait(false);
        return published!;
    }

    /// <summary>The serialized path; <paramref name="published"/> runs after the swap and before the next publication
    /// starts, so that what it reports (audit events) comes out in version order.</summary>
    internal async ValueTask<AccessSnapshot?> PublishCoreAsync(
        Func<AccessSnapshot, CancellationToken, ValueTask<AccessSnapshot?>> next, Action<AccessSnapshot>? published, CancellationToken cancellationToken)
    {
        await _publishGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Only this path writes the reference, and it runs alone: the current snapshot cannot change under it.
            AccessSnapshot current = _snapshot;
            AccessSnapshot? produced = await next(current, cancellationToken).ConfigureAwait(false);
            if (produced is null)
            {
                return null;
            }

            AccessSnapshot publishing = produced.Version > current.Version ? produced : produced.WithVersion(current.Version + 1);
            Volatile.Write(ref _snapshot, publishing);
            published?.Invoke(publishing);
            return publishing;
        }
        finally
        {
            _publishGate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>The clock is read only for a user whose effective roles change at an instant (a delegation with an end date
    /// reaches them); every other user has the same principal at every instant.</remarks>
    public AccessPrincipal GetPrincipal(UserId user) => Snapshot.GetPrincipal(user, _timeProvider);

    /// <inheritdoc/>
    public AccessPrincipal GetSupportPrincipal(SupportGrantId grant) => Snapshot.GetSupportPrincipal(grant, _timeProvider.GetUtcNow());

    /// <inheritdoc/>
    public AccessDecision CheckSupportAccess(SupportGrantId grant)
    {
        AccessReason denial = GetSupportPrincipal(grant).SupportDenial;
        return denial == AccessReason.None ? AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None) : SupportOverlay.Deny(denial);
    }

    /// <inheritdoc/>
    public AccessDecision CheckObject(UserId user, ObjectName objectName, ObjectOperation operation)
    {
        // The common case without building the principal and the object: the user's slot and the object are looked up side
        // by side (neither lookup waits for the other), and when the slot says that steps 1–3 let the operation through and
        // the object's answers alone decide step 4, its answer is the decision (the one the principal's check gives).
        AccessSnapshot snapshot = Snapshot;
        ref readonly AccessPrincipalIndex.Slot slot = ref snapshot.Principals.Find(user.Value);
        CompiledObject? compiled = snapshot.FindObject(objectName);
        ulong[]? answers = compiled?.PlainAnswers;
        if (answers is not null & ((((uint)slot.PlainOperations >> (int)operation) & 1) != 0) & OperationEncoding.IsDefined(operation))
        {
            var subject = new SubjectIndex(slot.Subject);
            AccessDecision answer = AccessDecision.OfObjectAnswer(ObjectAnswers.Of(answers!, compiled!.AnswerWords, subject.Value, operation), compiled.Rows!, subject);
            if (answer.IsAllowed || _observer is null)
            {
                return answer;
            }
        }

        return CheckObjectWalk(snapshot, user, objectName, operation);
    }

    /// <summary><see cref="CheckObject(UserId, ObjectName, ObjectOperation)"/> through the principal, out of line: what it
    /// does when its one test does not decide, or a deny is to be observed.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision CheckObjectWalk(AccessSnapshot snapshot, UserId user, ObjectName objectName, ObjectOperation operation)
    {
        AccessPrincipal principal = snapshot.GetPrincipal(user, _timeProvider);
        AccessDecision decision = principal.CheckObject(objectName, operation);
        return decision.IsAllowed || _observer is null ? decision : Denied(principal, AccessRequest.ForObject(objectName, operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckRecord(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        // The common case as in CheckObject: the slot and the object side by side, and when steps 1–4 pass (the object's
        // step allows every operation) a record the object holds is decided by its rights.
        AccessSnapshot snapshot = Snapshot;
        ref readonly AccessPrincipalIndex.Slot slot = ref snapshot.Principals.Find(user.Value);
        CompiledRecords? records = snapshot.FindObject(objectName)?.PlainRecords;
        if (records is not null & AccessPrincipal.PlainOperationFor(slot.PlainOperations, operation))
        {
            int index = records!.Find(record);
            if (index >= 0)
            {
                AccessDecision rights = Pipeline.Rights(
                    snapshot, new SubjectIndex(slot.Subject), new UserOrdinal(slot.UserPlusOne - 1), slot.Signature, records, new RecordIndex(index), OperationEncoding.Bit(operation), grant: false);
                if (rights.IsAllowed || _observer is null)
                {
                    return rights;
                }
            }
        }

        return CheckRecordWalk(snapshot, user, objectName, record, operation);
    }

    /// <summary><see cref="CheckRecord(UserId, ObjectName, RecordId, RecordOperation)"/> through the principal, out of line
    /// (see <see cref="CheckObjectWalk"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision CheckRecordWalk(AccessSnapshot snapshot, UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        AccessPrincipal principal = snapshot.GetPrincipal(user, _timeProvider);
        AccessDecision decision = principal.CheckRecord(objectName, record, operation);
        return decision.IsAllowed || _observer is null ? decision : Denied(principal, AccessRequest.ForRecord(objectName, record, operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckColumn(UserId user, ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record = null)
    {
        AccessPrincipal principal = GetPrincipal(user);
        var request = AccessRequest.ForColumn(objectName, column, operation, record);
        AccessDecision decision = principal.Check(request);
        return decision.IsAllowed || _observer is null ? decision : Denied(principal, request, decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckSystemOperation(UserId user, SystemOperationCode operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckSystemOperation(operation);
        return decision.IsAllowed || _observer is null ? decision : Denied(principal, AccessRequest.ForSystemOperation(operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckShare(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckShare(objectName, record, operation);
        return decision.IsAllowed || _observer is null ? decision : Denied(principal, AccessRequest.ForShare(objectName, record, operation), decision);
    }

    private AccessDecision Denied(in AccessPrincipal principal, in AccessRequest request, AccessDecision decision)
    {
        _observer!.OnDenied(in principal, in request, decision, _timeProvider.GetUtcNow());
        return decision;
    }

    /// <inheritdoc/>
    public AccessExplanation Explain(UserId user, in AccessRequest request) => GetPrincipal(user).Explain(request);
}
