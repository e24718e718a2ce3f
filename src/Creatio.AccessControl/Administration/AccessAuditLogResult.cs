namespace Creatio.AccessControl;

/// <summary>What <see cref="IAccessAuditLog"/> did with a read or an archiving: the events, or the decision that refused it.</summary>
/// <remarks>This type is immutable.</remarks>
public sealed class AccessAuditLogResult
{
    internal AccessAuditLogResult(AccessDecision decision, IReadOnlyList<AccessAuditEvent> events)
    {
        Decision = decision;
        Events = events;
    }

    /// <summary>Gets a value indicating whether the actor was allowed; when <see langword="false"/>, nothing was read or
    /// archived.</summary>
    public bool IsAllowed => Decision.IsAllowed;

    /// <summary>Gets the decision on the actor's permission: the system operation's, or the support overlay's for a support
    /// session.</summary>
    public AccessDecision Decision { get; }

    /// <summary>Gets the events read or archived, oldest first; empty when refused.</summary>
    public IReadOnlyList<AccessAuditEvent> Events { get; }

    /// <inheritdoc/>
    public override string ToString() => IsAllowed ? $"{Events.Count} events" : $"Refused: {Decision}";
}
