using Creatio.AccessControl;

namespace CustomStore;

/// <summary>Writes every audit event to the console, one line each. The engine isolates a sink's failures, so a sink
/// needs no try/catch of its own.</summary>
internal sealed class ConsoleAuditSink : IAccessAuditSink
{
    public void Write(in AccessAuditEvent auditEvent) =>
        Console.WriteLine($"  audit: {auditEvent.Type} {auditEvent.Action} by {auditEvent.Actor} (version {auditEvent.SnapshotVersion})");
}
