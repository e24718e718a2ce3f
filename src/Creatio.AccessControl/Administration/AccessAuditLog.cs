namespace Creatio.AccessControl;

/// <summary>The audit log over an <see cref="AccessEvaluator"/>'s snapshot: writes reported events to the sinks, and reads
/// and archives an <see cref="IAccessAuditReader"/> for permitted users.</summary>
/// <remarks>This type is safe for concurrent use.</remarks>
public sealed class AccessAuditLog : IAccessAuditLog
{
    private readonly AccessEvaluator _evaluator;
    private readonly IAccessAuditReader? _reader;
    private readonly AccessAuditDispatcher _audit;

    /// <summary>Creates the audit log.</summary>
    /// <param name="evaluator">The evaluator whose snapshot holds the permissions, the event switches and the clock.</param>
    /// <param name="reader">The log that is read and archived (for example an <see cref="InMemoryAccessAuditSink"/> that
    /// is also among <paramref name="auditSinks"/>); when <see langword="null"/>, reading and archiving throw.</param>
    /// <param name="auditSinks">Where events are written, the log's own reads and archivings included; none when
    /// <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="auditSinks"/> contains <see langword="null"/>.</exception>
    public AccessAuditLog(AccessEvaluator evaluator, IAccessAuditReader? reader, IEnumerable<IAccessAuditSink>? auditSinks = null)
        : this(evaluator, reader, new AccessAuditDispatcher(auditSinks))
    {
    }

    internal AccessAuditLog(AccessEvaluator evaluator, IAccessAuditReader? reader, AccessAuditDispatcher audit)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        _reader = reader;
        _audit = audit;
    }

    /// <inheritdoc/>
    public bool IsEnabled(AccessAuditEventType type) => _audit.HasSinks && _evaluator.Snapshot.Model.Settings.IsAuditEnabled(type);

    /// <inheritdoc/>
    public void Write(in AccessAuditEvent auditEvent)
    {
        if (IsEnabled(auditEvent.Type))
        {
            _audit.Write(auditEvent);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No audit sink that can be read was given.</exception>
    public async ValueTask<AccessAuditLogResult> ReadAsync(AccessActor actor, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        IAccessAuditReader reader = Reader();
        (AccessSnapshot snapshot, DateTimeOffset now, AccessDecision decision) = Authorize(actor, SystemOperations.CanViewSysOperationAudit);
        if (!decision.IsAllowed)
        {
            return new AccessAuditLogResult(decision, []);
        }

        IReadOnlyList<AccessAuditEvent> events = await reader.ReadAsync(from, before, cancellationToken).ConfigureAwait(false);
        Report(snapshot, now, actor, "Read", $"{events.Count} events from {from:O} to {before:O} read");
        return new AccessAuditLogResult(decision, events);
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No audit sink that can be read was given.</exception>
    public async ValueTask<AccessAuditLogResult> ArchiveAsync(AccessActor actor, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        IAccessAuditReader reader = Reader();
        (AccessSnapshot snapshot, DateTimeOffset now, AccessDecision decision) = Authorize(actor, SystemOperations.CanManageSysOperationAudit);
        if (!decision.IsAllowed)
        {
            return new AccessAuditLogResult(decision, []);
        }

        IReadOnlyList<AccessAuditEvent> events = await reader.ArchiveAsync(before, cancellationToken).ConfigureAwait(false);
        Report(snapshot, now, actor, "Archive", $"{events.Count} events before {before:O} archived");
        return new AccessAuditLogResult(decision, events);
    }

    private IAccessAuditReader Reader() =>
        _reader ?? throw new InvalidOperationException(
            "No audit sink that can be read is registered: add one that implements IAccessAuditReader, such as InMemoryAccessAuditSink or JsonLinesAccessAuditSink.");

    /// <summary>Decides whether the actor may use an audit-log operation now, in the current snapshot.</summary>
    private (AccessSnapshot Snapshot, DateTimeOffset Now, AccessDecision Decision) Authorize(AccessActor actor, SystemOperationCode operation)
    {
        AccessSnapshot snapshot = _evaluator.Snapshot;
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        AccessDecision decision;
        if (actor.SupportGrant is { } grant)
        {
            AccessPrincipal principal = snapshot.GetSupportPrincipal(grant, now);
            decision = principal.SupportDenial != AccessReason.None ? SupportOverlay.Deny(principal.SupportDenial)
                : !SupportOverlay.AdministrationAllowed(snapshot, snapshot.SupportGrants.Grants[principal.GrantIndex].Definition)
                    ? SupportOverlay.Deny(AccessReason.SupportAdministrationForbidden)
                    : principal.CheckSystemOperation(operation);
        }
        else if (actor.User is { } user)
        {
            decision = snapshot.GetPrincipal(user, now).CheckSystemOperation(operation);
        }
        else if (actor.IsSystem)
        {
            decision = AccessDecision.Allow(AccessStage.SystemOperation, AccessReason.None);
        }
        else
        {
            // The default actor names nobody; it is never taken for the system.
            decision = AccessDecision.Deny(AccessStage.User, AccessReason.UnknownUser);
        }

        return (snapshot, now, decision);
    }

    private void Report(AccessSnapshot snapshot, DateTimeOffset now, AccessActor actor, string action, string description)
    {
        if (_audit.HasSinks && snapshot.Model.Settings.IsAuditEnabled(AccessAuditEventType.AuditLogOperation))
        {
            _audit.Write(new AccessAuditEvent(AccessAuditEventType.AuditLogOperation, now, actor, action, description, null, null, snapshot.Version));
        }
    }
}
