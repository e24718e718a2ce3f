namespace Creatio.AccessControl;

/// <summary>The long-lived evaluator: owns the current snapshot and the clock, and replaces the snapshot by one reference swap.</summary>
/// <remarks>Readers never lock and never see half a change: every check reads the snapshot reference once.
/// This type is safe for concurrent use.</remarks>
public sealed class AccessEvaluator : IAccessEvaluator
{
    private readonly TimeProvider _timeProvider;
    private AccessSnapshot _snapshot;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="snapshot">The first snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is <see langword="null"/>.</exception>
    public AccessEvaluator(AccessSnapshot snapshot, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _snapshot = snapshot;
        _timeProvider = timeProvider ?? TimeProvider.System;
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
    public AccessDecision CheckObject(UserId user, ObjectName objectName, ObjectOperation operation) =>
        GetPrincipal(user).CheckObject(objectName, operation);

    /// <inheritdoc/>
    public AccessDecision CheckRecord(UserId user, ObjectName objectName, RecordId record, RecordOperation operation) =>
        GetPrincipal(user).CheckRecord(objectName, record, operation);

    /// <inheritdoc/>
    public AccessDecision CheckColumn(UserId user, ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record = null) =>
        GetPrincipal(user).Check(AccessRequest.ForColumn(objectName, column, operation, record));

    /// <inheritdoc/>
    public AccessDecision CheckSystemOperation(UserId user, SystemOperationCode operation) =>
        GetPrincipal(user).CheckSystemOperation(operation);

    /// <inheritdoc/>
    public AccessDecision CheckShare(UserId user, ObjectName objectName, RecordId record, RecordOperation operation) =>
        GetPrincipal(user).CheckShare(objectName, record, operation);

    /// <inheritdoc/>
    public AccessExplanation Explain(UserId user, in AccessRequest request) => GetPrincipal(user).Explain(request);
}
