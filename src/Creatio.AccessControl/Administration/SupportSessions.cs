using Creatio.AccessControl.Stores;

namespace Creatio.AccessControl;

/// <summary>Starts and ends support sessions, logs the changes made in them, and reports expired grants; the
/// <see cref="ISupportSessions"/> of an <see cref="AccessEvaluator"/>.</summary>
/// <remarks>Every step writes a <see cref="AccessAuditEventType.SupportAccess"/> audit event when that type is enabled.
/// This type is safe for concurrent use.</remarks>
public sealed class SupportSessions : ISupportSessions
{
    private readonly AccessEvaluator _evaluator;
    private readonly ISupportSessionStore _store;
    private readonly AccessAuditDispatcher _audit;
    private readonly HashSet<SupportGrantId> _reportedExpired = [];

    /// <summary>Creates the service.</summary>
    /// <param name="evaluator">The evaluator whose snapshot holds the grants.</param>
    /// <param name="store">Where the session log is kept.</param>
    /// <param name="auditSinks">Where audit events go; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="auditSinks"/> contains <see langword="null"/>.</exception>
    public SupportSessions(AccessEvaluator evaluator, ISupportSessionStore store, IEnumerable<IAccessAuditSink>? auditSinks = null)
        : this(evaluator, store, new AccessAuditDispatcher(auditSinks))
    {
    }

    internal SupportSessions(AccessEvaluator evaluator, ISupportSessionStore store, AccessAuditDispatcher audit)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(store);
        _evaluator = evaluator;
        _store = store;
        _audit = audit;
    }

    /// <inheritdoc/>
    public async ValueTask<(SupportSession? Session, AccessDecision Decision)> StartAsync(SupportGrantId grant, CancellationToken cancellationToken = default)
    {
        AccessSnapshot snapshot = _evaluator.Snapshot;
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        AccessPrincipal principal = snapshot.GetSupportPrincipal(grant, now);
        if (principal.SupportDenial != AccessReason.None)
        {
            if (principal.SupportDenial == AccessReason.SupportGrantExpired)
            {
                ReportExpired(snapshot, grant, now);
            }

            return (null, SupportOverlay.Deny(principal.SupportDenial));
        }

        var session = new SupportSession(new SupportSessionId(Guid.NewGuid()), grant, now, null, []);
        await _store.SaveSessionAsync(session, cancellationToken).ConfigureAwait(false);
        Write(snapshot, grant, now, "SessionStarted", $"Support session {session.Id} started under grant {grant}", null, null);
        return (session, AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None));
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="session"/> is the empty GUID.</exception>
    /// <exception cref="InvalidOperationException">The session does not exist or has already ended.</exception>
    public async ValueTask<SupportSession> EndAsync(SupportSessionId session, CancellationToken cancellationToken = default)
    {
        SupportSession current = await RunningAsync(session, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        SupportSession ended = current with { EndedAt = now };
        await _store.SaveSessionAsync(ended, cancellationToken).ConfigureAwait(false);
        Write(_evaluator.Snapshot, current.Grant, now, "SessionEnded", $"Support session {session} ended", null, null);
        return ended;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty, or <paramref name="session"/> is the empty GUID.</exception>
    /// <exception cref="InvalidOperationException">The session does not exist or has already ended.</exception>
    public async ValueTask<(SupportSessionChange? Change, AccessDecision Decision)> RecordChangeAsync(
        SupportSessionId session,
        ObjectName objectName,
        RecordId? record,
        string operation,
        IReadOnlyList<ColumnName> changedColumns,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentNullException.ThrowIfNull(changedColumns);
        SupportSession current = await RunningAsync(session, cancellationToken).ConfigureAwait(false);
        AccessSnapshot snapshot = _evaluator.Snapshot;
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        AccessReason denial = snapshot.GetSupportPrincipal(current.Grant, now).SupportDenial;
        if (denial != AccessReason.None)
        {
            if (denial == AccessReason.SupportGrantExpired)
            {
                ReportExpired(snapshot, current.Grant, now);
            }

            return (null, SupportOverlay.Deny(denial));
        }

        var change = new SupportSessionChange(now, objectName, record, operation, [.. changedColumns]);
        await _store.SaveSessionAsync(current with { Changes = [.. current.Changes, change] }, cancellationToken).ConfigureAwait(false);
        string columns = string.Join(", ", changedColumns);
        Write(snapshot, current.Grant, now, "DataChanged", $"{operation} {objectName}{(record is { } id ? $" record {id}" : string.Empty)} in support session {session}", null, columns);
        return (change, AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None));
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<SupportSession>> GetSessionsAsync(SupportGrantId grant, CancellationToken cancellationToken = default) =>
        _store.GetSessionsAsync(grant, cancellationToken);

    /// <inheritdoc/>
    public IReadOnlyList<SupportGrantId> ReportExpirations()
    {
        AccessSnapshot snapshot = _evaluator.Snapshot;
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        var reported = new List<SupportGrantId>();
        foreach (SupportAccessGrant grant in snapshot.Model.SupportGrants)
        {
            if (grant.IsActive && SupportAccessWindow.For(grant, snapshot.Model.Settings.SupportAccess).EndsAt <= now && ReportExpired(snapshot, grant.Id, now))
            {
                reported.Add(grant.Id);
            }
        }

        return reported;
    }

    private bool ReportExpired(AccessSnapshot snapshot, SupportGrantId grant, DateTimeOffset now)
    {
        lock (_reportedExpired)
        {
            if (!_reportedExpired.Add(grant))
            {
                return false;
            }
        }

        Write(snapshot, grant, now, "Expired", $"Support grant {grant} expired", null, null);
        return true;
    }

    private async ValueTask<SupportSession> RunningAsync(SupportSessionId session, CancellationToken cancellationToken)
    {
        if (session.Value == Guid.Empty)
        {
            throw new ArgumentException("A support session id must not be the empty GUID.", nameof(session));
        }

        SupportSession? current = await _store.GetSessionAsync(session, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            throw new InvalidOperationException($"Support session `{session}` does not exist.");
        }

        if (current.EndedAt is not null)
        {
            throw new InvalidOperationException($"Support session `{session}` ended at {current.EndedAt:O}.");
        }

        return current;
    }

    private void Write(AccessSnapshot snapshot, SupportGrantId grant, DateTimeOffset now, string action, string description, string? before, string? after)
    {
        if (_audit.HasSinks && snapshot.Model.Settings.IsAuditEnabled(AccessAuditEventType.SupportAccess))
        {
            _audit.Write(new AccessAuditEvent(
                AccessAuditEventType.SupportAccess, now, AccessActor.ForSupportSession(grant), action, description, before, after, snapshot.Version));
        }
    }
}
