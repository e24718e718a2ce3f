namespace Creatio.AccessControl;

/// <summary>Receives audit events.</summary>
/// <remarks>The engine calls each sink inside its own try/catch: a sink that throws never changes a decision or a change;
/// the failure is counted and logged. Implementations must be safe for concurrent use.</remarks>
public interface IAccessAuditSink
{
    /// <summary>Writes one event.</summary>
    /// <param name="auditEvent">The event.</param>
    void Write(in AccessAuditEvent auditEvent);
}
