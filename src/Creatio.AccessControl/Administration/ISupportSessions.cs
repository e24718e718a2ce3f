namespace Creatio.AccessControl;

/// <summary>Starts and ends support sessions, logs the changes made in them, and reports expired grants
/// (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Every step writes a <see cref="AccessAuditEventType.SupportAccess"/> audit event when that type is enabled.
/// Implementations are safe for concurrent use.</remarks>
public interface ISupportSessions
{
    /// <summary>Starts a session under a grant, if the grant allows access now.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started session and an allowing decision; or no session and the decision that refused it
    /// (unknown, inactive, not started, expired, or another environment).</returns>
    ValueTask<(SupportSession? Session, AccessDecision Decision)> StartAsync(SupportGrantId grant, CancellationToken cancellationToken = default);

    /// <summary>Ends a session.</summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the end.</param>
    /// <returns>The ended session.</returns>
    /// <exception cref="ArgumentException"><paramref name="session"/> is the empty GUID.</exception>
    /// <exception cref="InvalidOperationException">The session does not exist or has already ended.</exception>
    ValueTask<SupportSession> EndAsync(SupportSessionId session, CancellationToken cancellationToken = default);

    /// <summary>Logs a change the host performed in a session, if the session's grant still allows access.</summary>
    /// <param name="session">The session.</param>
    /// <param name="objectName">The object changed.</param>
    /// <param name="record">The record changed, if one was.</param>
    /// <param name="operation">What was done.</param>
    /// <param name="changedColumns">The columns changed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The logged change and an allowing decision; or no change and the decision that refused it, when the grant
    /// allows nothing now (deactivated, expired, or no longer for this environment): a session's access ends with its
    /// grant, so a change made after that is not taken into its log as if it were allowed. The host should undo it.</returns>
    /// <exception cref="ArgumentException"><paramref name="operation"/> is empty, or <paramref name="session"/> is the empty GUID.</exception>
    /// <exception cref="InvalidOperationException">The session does not exist or has already ended.</exception>
    ValueTask<(SupportSessionChange? Change, AccessDecision Decision)> RecordChangeAsync(
        SupportSessionId session,
        ObjectName objectName,
        RecordId? record,
        string operation,
        IReadOnlyList<ColumnName> changedColumns,
        CancellationToken cancellationToken = default);

    /// <summary>Lists a grant's sessions with their changes, oldest first.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sessions.</returns>
    ValueTask<IReadOnlyList<SupportSession>> GetSessionsAsync(SupportGrantId grant, CancellationToken cancellationToken = default);

    /// <summary>Writes an <c>Expired</c> audit event for every active grant whose window has ended and was not reported yet.</summary>
    /// <returns>The grants reported now.</returns>
    IReadOnlyList<SupportGrantId> ReportExpirations();
}
