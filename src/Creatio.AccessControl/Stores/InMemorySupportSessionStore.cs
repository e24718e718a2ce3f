namespace Creatio.AccessControl.Stores;

/// <summary>Keeps the support session log in memory.</summary>
/// <remarks>This type is safe for concurrent use.</remarks>
public sealed class InMemorySupportSessionStore : ISupportSessionStore
{
    private readonly object _gate = new();
    private readonly List<SupportSession> _sessions = [];

    /// <inheritdoc/>
    public ValueTask SaveSessionAsync(SupportSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        lock (_gate)
        {
            int index = _sessions.FindIndex(s => s.Id == session.Id);
            if (index >= 0)
            {
                _sessions[index] = session;
            }
            else
            {
                _sessions.Add(session);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<SupportSession?> GetSessionAsync(SupportSessionId session, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_sessions.Find(s => s.Id == session));
        }
    }

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<SupportSession>> GetSessionsAsync(SupportGrantId grant, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<SupportSession>>([.. _sessions.Where(s => s.Grant == grant)]);
        }
    }
}
