namespace Creatio.AccessControl;

/// <summary>Keeps audit events in memory, for tests, samples and single-process hosts; they can be read back and archived.</summary>
/// <remarks>The sink does not check who reads it: users read and archive the log through <see cref="IAccessAuditLog"/>,
/// which checks their permissions. This type is safe for concurrent use.</remarks>
public sealed class InMemoryAccessAuditSink : IAccessAuditSink, IAccessAuditReader
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

    /// <summary>Gets a copy of the events the sink holds, in the order they were written.</summary>
    public IReadOnlyList<AccessAuditEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
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

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ValueTask<IReadOnlyList<AccessAuditEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(Oldest([.. _events.Where(e => from <= e.Timestamp && e.Timestamp < before)]));
        }
    }

    /// <inheritdoc/>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is removed.</exception>
    public ValueTask<IReadOnlyList<AccessAuditEvent>> ArchiveAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            AccessAuditEvent[] archived = [.. _events.Where(e => e.Timestamp < before)];
            _events.RemoveAll(e => e.Timestamp < before);
            return ValueTask.FromResult(Oldest(archived));
        }
    }

    /// <summary>Sorts events by instant, keeping the written order of events of one instant.</summary>
    private static IReadOnlyList<AccessAuditEvent> Oldest(AccessAuditEvent[] events) => [.. events.OrderBy(e => e.Timestamp)];
}
