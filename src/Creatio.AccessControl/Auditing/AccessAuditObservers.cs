namespace Creatio.AccessControl;

/// <summary>Decision observers that write to the audit log, for an <see cref="AccessEvaluator"/> built without dependency
/// injection (the container passes one itself when an audit sink is registered).</summary>
public static class AccessAuditObservers
{
    /// <summary>An observer that writes the <see cref="AccessAuditEventType.DeniedOperation"/> event of every denied
    /// one-shot check to <paramref name="sinks"/> when the snapshot's settings enable that event type.</summary>
    /// <param name="sinks">Where the events go; a failing sink does not stop the others, nor the check.</param>
    /// <returns>The observer to pass to <see cref="AccessEvaluator(AccessSnapshot, TimeProvider?, IAccessDecisionObserver?)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="sinks"/> contains <see langword="null"/>.</exception>
    public static IAccessDecisionObserver DeniedOperations(IEnumerable<IAccessAuditSink> sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        return new AccessAuditDispatcher(sinks);
    }
}
