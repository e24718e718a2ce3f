using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Creatio.AccessControl;

/// <summary>Sends audit events to every sink, isolating each sink's failures.</summary>
/// <remarks>Machinery: the services that write events (the administration API, support sessions, the audit log) each take
/// the sinks and build one. This type is safe for concurrent use.</remarks>
internal sealed partial class AccessAuditDispatcher
{
    private readonly IAccessAuditSink[] _sinks;
    private readonly ILogger _logger;
    private long _failures;

    /// <summary>Creates a dispatcher.</summary>
    /// <param name="sinks">The sinks; none when <see langword="null"/>.</param>
    /// <param name="logger">Where sink failures are reported; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="sinks"/> contains <see langword="null"/>.</exception>
    public AccessAuditDispatcher(IEnumerable<IAccessAuditSink>? sinks, ILogger? logger = null)
    {
        _sinks = sinks is null ? [] : [.. sinks];
        if (Array.IndexOf(_sinks, null) >= 0)
        {
            throw new ArgumentException("The audit sinks must not contain null.", nameof(sinks));
        }

        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets a dispatcher without sinks.</summary>
    public static AccessAuditDispatcher None { get; } = new([]);

    /// <summary>Gets a value indicating whether any sink is registered; when not, no event is built.</summary>
    public bool HasSinks => _sinks.Length > 0;

    /// <summary>Gets how many times a sink has thrown.</summary>
    public long FailureCount => Interlocked.Read(ref _failures);

    /// <summary>Writes an event to every sink.</summary>
    /// <param name="auditEvent">The event.</param>
    public void Write(in AccessAuditEvent auditEvent)
    {
        foreach (IAccessAuditSink sink in _sinks)
        {
            try
            {
                sink.Write(auditEvent);
            }
#pragma warning disable CA1031 // A failing sink must never change a decision or a change.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Interlocked.Increment(ref _failures);
                LogSinkFailed(_logger, exception, sink.GetType().Name, auditEvent.Type, auditEvent.Action);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Audit sink {Sink} failed to write a {Type} event ({Action}); the event is lost for that sink only.")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string sink, AccessAuditEventType type, string action);
}
