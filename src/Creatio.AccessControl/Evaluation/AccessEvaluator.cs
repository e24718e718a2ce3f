namespace Creatio.AccessControl;

/// <summary>The long-lived evaluator: owns the current snapshot and the clock, and replaces the snapshot by one reference swap.</summary>
/// <remarks>Readers never lock and never see half a change: every check reads the snapshot reference once.
/// This type is safe for concurrent use.</remarks>
public sealed class AccessEvaluator : IAccessEvaluator
{
    private readonly TimeProvider _timeProvider;
    private readonly AccessAuditDispatcher _audit;
    private AccessSnapshot _snapshot;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="snapshot">The first snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <param name="audit">Where denied checks are reported when the <see cref="AccessAuditEventType.DeniedOperation"/>
    /// event type is enabled; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public AccessEvaluator(AccessSnapshot snapshot, TimeProvider? timeProvider = null, AccessAuditDispatcher? audit = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _audit = audit ?? AccessAuditDispatcher.None;
    }

    /// <inheritdoc/>
    public AccessSnapshot Snapshot => Volatile.Read(ref _snapshot);

    /// <summary>Gets the clock checks are made with.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>Replaces the current snapshot; checks that start afterwards see it.</summary>
    /// <param name="snapshot">The new snapshot; its version must be greater than the current one's.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The snapshot's version is not greater than the current snapshot's; versions never go back.</exception>
    public void Publish(AccessSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        AccessSnapshot current = Volatile.Read(ref _snapshot);
        while (true)
        {
            if (snapshot.Version <= current.Version)
            {
                throw new ArgumentException(
                    $"The snapshot has version {snapshot.Version}; it must be greater than the current version {current.Version}.", nameof(snapshot));
            }

            AccessSnapshot seen = Interlocked.CompareExchange(ref _snapshot, snapshot, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    /// <inheritdoc/>
    public AccessPrincipal GetPrincipal(UserId user) => Snapshot.GetPrincipal(user, _timeProvider.GetUtcNow());

    /// <inheritdoc/>
    public AccessDecision CheckObject(UserId user, ObjectName objectName, ObjectOperation operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckObject(objectName, operation);
        return decision.IsAllowed || !_audit.HasSinks ? decision : Denied(principal, AccessRequest.ForObject(objectName, operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckRecord(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckRecord(objectName, record, operation);
        return decision.IsAllowed || !_audit.HasSinks ? decision : Denied(principal, AccessRequest.ForRecord(objectName, record, operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckColumn(UserId user, ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record = null)
    {
        AccessPrincipal principal = GetPrincipal(user);
        var request = AccessRequest.ForColumn(objectName, column, operation, record);
        AccessDecision decision = principal.Check(request);
        return decision.IsAllowed || !_audit.HasSinks ? decision : Denied(principal, request, decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckSystemOperation(UserId user, SystemOperationCode operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckSystemOperation(operation);
        return decision.IsAllowed || !_audit.HasSinks ? decision : Denied(principal, AccessRequest.ForSystemOperation(operation), decision);
    }

    /// <inheritdoc/>
    public AccessDecision CheckShare(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        AccessPrincipal principal = GetPrincipal(user);
        AccessDecision decision = principal.CheckShare(objectName, record, operation);
        return decision.IsAllowed || !_audit.HasSinks ? decision : Denied(principal, AccessRequest.ForShare(objectName, record, operation), decision);
    }

    private AccessDecision Denied(AccessPrincipal principal, in AccessRequest request, AccessDecision decision)
    {
        AccessSnapshot? snapshot = principal.Snapshot;
        if (snapshot is not null && snapshot.Model.Settings.IsAuditEnabled(AccessAuditEventType.DeniedOperation))
        {
            _audit.Write(new AccessAuditEvent(
                AccessAuditEventType.DeniedOperation,
                _timeProvider.GetUtcNow(),
                AccessActor.ForUser(principal.User),
                "Denied",
                $"{request}: {decision}",
                null,
                null,
                snapshot.Version));
        }

        return decision;
    }

    /// <inheritdoc/>
    public AccessExplanation Explain(UserId user, in AccessRequest request) => GetPrincipal(user).Explain(request);
}
