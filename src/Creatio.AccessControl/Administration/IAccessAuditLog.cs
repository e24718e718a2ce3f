namespace Creatio.AccessControl;

/// <summary>The audit log: reports events that hosts observe, and lets permitted users read and archive what an
/// <see cref="IAccessAuditReader"/> holds.</summary>
/// <remarks>Reading needs <c>CanViewSysOperationAudit</c>, archiving <c>CanManageSysOperationAudit</c>, both checked for the
/// acting user in the current snapshot; a support session may do neither unless its grant allows administration. Each read
/// and archiving is itself reported as an <see cref="AccessAuditEventType.AuditLogOperation"/> event when that type is
/// enabled (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md#reading-the-audit-log">reading
/// the audit log</see>). Implementations are safe for concurrent use.</remarks>
public interface IAccessAuditLog
{
    /// <summary>Gets a value indicating whether events of a type are written now: some sink is registered and the current
    /// snapshot's settings enable the type. Check it before building an event.</summary>
    /// <param name="type">The event type.</param>
    /// <returns><see langword="true"/> when <see cref="Write"/> would write an event of the type.</returns>
    bool IsEnabled(AccessAuditEventType type);

    /// <summary>Writes an event a host observed (a sign-in, a session end, a denied request) to every sink, when its type is
    /// enabled; a failing sink never makes this throw.</summary>
    /// <param name="auditEvent">The event.</param>
    void Write(in AccessAuditEvent auditEvent);

    /// <summary>Reads the events of a time range, if the actor may read the audit log.</summary>
    /// <param name="actor">Who reads: needs <c>CanViewSysOperationAudit</c>.</param>
    /// <param name="from">The first instant included.</param>
    /// <param name="before">The first instant excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events with <c>from &lt;= Timestamp &lt; before</c>, oldest first; or, refused, none and the decision that
    /// refused.</returns>
    ValueTask<AccessAuditLogResult> ReadAsync(AccessActor actor, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>Removes the events before an instant from the log and returns them, if the actor may archive the audit log.</summary>
    /// <param name="actor">Who archives: needs <c>CanManageSysOperationAudit</c>.</param>
    /// <param name="before">Events with <c>Timestamp &lt; before</c> are archived.</param>
    /// <param name="cancellationToken">Cancels the archiving; a canceled archiving removes nothing.</param>
    /// <returns>The archived events, oldest first; or, refused, none and the decision that refused.</returns>
    ValueTask<AccessAuditLogResult> ArchiveAsync(AccessActor actor, DateTimeOffset before, CancellationToken cancellationToken = default);
}
