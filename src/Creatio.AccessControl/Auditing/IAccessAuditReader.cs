namespace Creatio.AccessControl;

/// <summary>An audit sink whose events can be read back and archived.</summary>
/// <remarks>
/// <para>The reading contract of the sinks that keep what they write: <see cref="InMemoryAccessAuditSink"/>,
/// <see cref="JsonLinesAccessAuditSink"/>, and the PostgreSQL package's sink. It does not check who reads: users read the
/// log through <see cref="IAccessAuditLog"/>, which allows reading to users allowed <c>CanViewSysOperationAudit</c> and
/// archiving to users allowed <c>CanManageSysOperationAudit</c>, and audits both
/// (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md">administration and audit</see>).</para>
/// <para>Both bounds are instants compared with <see cref="AccessAuditEvent.Timestamp"/>. Implementations must be safe for
/// concurrent use, also with <see cref="IAccessAuditSink.Write"/>.</para>
/// </remarks>
public interface IAccessAuditReader
{
    /// <summary>Reads the events of a time range, oldest first.</summary>
    /// <param name="from">The first instant included.</param>
    /// <param name="before">The first instant excluded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events with <c>from &lt;= Timestamp &lt; before</c>, oldest first; events of one instant in the order they were
    /// written.</returns>
    ValueTask<IReadOnlyList<AccessAuditEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>Removes the events before an instant from the log and returns them, so that the caller can keep them
    /// elsewhere.</summary>
    /// <param name="before">Events with <c>Timestamp &lt; before</c> are archived.</param>
    /// <param name="cancellationToken">Cancels the archiving; a canceled archiving removes nothing.</param>
    /// <returns>The archived events, oldest first.</returns>
    ValueTask<IReadOnlyList<AccessAuditEvent>> ArchiveAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
