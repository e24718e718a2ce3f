using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Creatio.AccessControl;

/// <summary>Sends audit events to every sink, isolating each sink's failures; as an evaluator's
/// <see cref="IAccessDecisionObserver"/>, writes the <see cref="AccessAuditEventType.DeniedOperation"/> event of every
/// denied one-shot check when the snapshot's settings enable it.</summary>
/// <remarks>Machinery: the services that write events (the evaluator, the administration API, support sessions, the audit
/// log) each take the sinks and build one. This type is safe for concurrent use.</remarks>
internal sealed partial class AccessAuditDispatcher : IAccessDecisionObserver
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

    /// <summary>Writes a <see cref="AccessAuditEventType.DeniedOperation"/> event for a denied one-shot check when a sink
    /// is registered and the settings of the principal's snapshot enable the event type.</summary>
    /// <param name="principal">The user, resolved in the snapshot the check was answered from.</param>
    /// <param name="request">The request.</param>
    /// <param name="decision">The deny.</param>
    /// <param name="at">The instant of the check, the event's timestamp.</param>
    public void OnDenied(in AccessPrincipal principal, in AccessRequest request, AccessDecision decision, DateTimeOffset at)
    {
        AccessSnapshot? snapshot = principal.Snapshot;
        if (HasSinks && snapshot is not null && snapshot.Model.Settings.IsAuditEnabled(AccessAuditEventType.DeniedOperation))
        {
            Write(new AccessAuditEvent(
                AccessAuditEventType.DeniedOperation,
                at,
                AccessActor.ForUser(principal.User),
                "Denied",
                $"{request}: {decision}",
                null,
                null,
                snapshot.Version));
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Audit sink {Sink} failed to write a {Type} event ({Action}); the event is lost for that sink only.")]
    private static partial void LogSinkFailed(ILogger logger, Exception exception, string sink, AccessAuditEventType type, string action);
}
