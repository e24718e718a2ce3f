namespace Creatio.AccessControl;

/// <summary>One audit event: who did what, when, what changed, and in which snapshot version.</summary>
/// <remarks>A value type so that sinks receive it by reference without allocation beyond its strings.</remarks>
public readonly struct AccessAuditEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="type">The event type.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <param name="actor">Who did it.</param>
    /// <param name="action">What was done, as a short name (for example <c>AddMembership</c>).</param>
    /// <param name="description">A one-line description.</param>
    /// <param name="before">The state before, as text, or <see langword="null"/>.</param>
    /// <param name="after">The state after, as text, or <see langword="null"/>.</param>
    /// <param name="snapshotVersion">The snapshot version the event belongs to.</param>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> or <paramref name="description"/> is <see langword="null"/>.</exception>
    public AccessAuditEvent(
        AccessAuditEventType type,
        DateTimeOffset timestamp,
        AccessActor actor,
        string action,
        string description,
        string? before,
        string? after,
        long snapshotVersion)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(description);
        Type = type;
        Timestamp = timestamp;
        Actor = actor;
        Action = action;
        Description = description;
        Before = before;
        After = after;
        SnapshotVersion = snapshotVersion;
    }

    /// <summary>Gets the event type.</summary>
    public AccessAuditEventType Type { get; }

    /// <summary>Gets when the event happened.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>Gets who did it.</summary>
    public AccessActor Actor { get; }

    /// <summary>Gets what was done, as a short name.</summary>
    public string Action { get; }

    /// <summary>Gets a one-line description.</summary>
    public string Description { get; }

    /// <summary>Gets the state before, as text, or <see langword="null"/>.</summary>
    public string? Before { get; }

    /// <summary>Gets the state after, as text, or <see langword="null"/>.</summary>
    public string? After { get; }

    /// <summary>Gets the snapshot version the event belongs to.</summary>
    public long SnapshotVersion { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Timestamp:O} {Type} {Action} by {Actor}: {Description} (version {SnapshotVersion})";
}
