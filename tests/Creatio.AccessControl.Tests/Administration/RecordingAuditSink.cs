using System.Collections.Concurrent;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Keeps every audit event it is given, in the order given; reading needs no permission.</summary>
internal sealed class RecordingAuditSink : IAccessAuditSink
{
    private readonly ConcurrentQueue<AccessAuditEvent> _events = new();

    public IReadOnlyList<AccessAuditEvent> Events => [.. _events];

    public void Write(in AccessAuditEvent auditEvent) => _events.Enqueue(auditEvent);
}
