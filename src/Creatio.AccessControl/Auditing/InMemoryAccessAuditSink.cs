namespace Creatio.AccessControl;

/// <summary>Keeps audit events in memory and lets permitted users read and archive them.</summary>
/// <remarks>Reading needs <c>CanViewSysOperationAudit</c>; archiving needs <c>CanManageSysOperationAudit</c> (DESIGN.md §10).
/// This type is safe for concurrent use.</remarks>
public sealed class InMemoryAccessAuditSink : IAccessAuditSink
{
    private readonly object _gate = new();
    private readonly List<AccessAuditEvent> _events = [];

    /// <summary>Gets how many events the sink holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <inheritdoc/>
    public void Write(in AccessAuditEvent auditEvent)
    {
        lock (_gate)
        {
            _events.Add(auditEvent);
        }
    }

    /// <summary>Reads the events, oldest first.</summary>
    /// <param name="reader">The user who reads; must be allowed <c>CanViewSysOperationAudit</c>.</param>
    /// <returns>A copy of the events.</returns>
    /// <exception cref="UnauthorizedAccessException">The reader is not allowed <c>CanViewSysOperationAudit</c>.</exception>
    public IReadOnlyList<AccessAuditEvent> Read(AccessPrincipal reader)
    {
        Demand(reader, SystemOperations.CanViewSysOperationAudit);
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>Removes and returns the events older than an instant, and records that it did.</summary>
    /// <param name="actor">The user who archives; must be allowed <c>CanManageSysOperationAudit</c>.</param>
    /// <param name="before">Events strictly before this instant are archived.</param>
    /// <param name="now">The instant of the archiving, for its own audit event.</param>
    /// <returns>The archived events, oldest first.</returns>
    /// <exception cref="UnauthorizedAccessException">The actor is not allowed <c>CanManageSysOperationAudit</c>.</exception>
    public IReadOnlyList<AccessAuditEvent> Archive(AccessPrincipal actor, DateTimeOffset before, DateTimeOffset now)
    {
        Demand(actor, SystemOperations.CanManageSysOperationAudit);
        lock (_gate)
        {
            AccessAuditEvent[] archived = [.. _events.Where(e => e.Timestamp < before)];
            _events.RemoveAll(e => e.Timestamp < before);
            _events.Add(new AccessAuditEvent(
                AccessAuditEventType.AuditLogOperation,
                now,
                AccessActor.ForUser(actor.User),
                "Archive",
                $"{archived.Length} events before {before:O} archived",
                null,
                null,
                actor.Snapshot?.Version ?? 0));
            return archived;
        }
    }

    private static void Demand(AccessPrincipal principal, SystemOperationCode operation)
    {
        AccessDecision decision = principal.CheckSystemOperation(operation);
        if (!decision.IsAllowed)
        {
            throw new UnauthorizedAccessException($"User `{principal.User}` may not use the audit log: {operation} is denied ({decision.Reason}).");
        }
    }
}
