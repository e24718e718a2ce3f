namespace Creatio.AccessControl.Stores;

/// <summary>Keeps the support session log: sessions and the changes made in them. Sessions are never deleted.</summary>
public interface ISupportSessionStore
{
    /// <summary>Stores a session as it is now (a new one, or an update of one already stored).</summary>
    /// <param name="session">The session.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the session is stored.</returns>
    ValueTask SaveSessionAsync(SupportSession session, CancellationToken cancellationToken);

    /// <summary>Reads one session.</summary>
    /// <param name="session">The session's identifier.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The session, or <see langword="null"/> when there is none.</returns>
    ValueTask<SupportSession?> GetSessionAsync(SupportSessionId session, CancellationToken cancellationToken);

    /// <summary>Reads every session of a grant, oldest first.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sessions.</returns>
    ValueTask<IReadOnlyList<SupportSession>> GetSessionsAsync(SupportGrantId grant, CancellationToken cancellationToken);
}
