namespace Creatio.AccessControl;

/// <summary>One support session under a grant: when it started and ended, and every change made in it.</summary>
public sealed record SupportSession
{
    /// <summary>Creates a session.</summary>
    /// <param name="Id">The session's identifier.</param>
    /// <param name="Grant">The grant the session ran under.</param>
    /// <param name="StartedAt">When it started.</param>
    /// <param name="EndedAt">When it ended, or <see langword="null"/> while it runs.</param>
    /// <param name="Changes">The changes made in it, in order.</param>
    public SupportSession(
        SupportSessionId Id,
        SupportGrantId Grant,
        DateTimeOffset StartedAt,
        DateTimeOffset? EndedAt,
        IReadOnlyList<SupportSessionChange> Changes)
    {
        this.Id = Id;
        this.Grant = Grant;
        this.StartedAt = StartedAt;
        this.EndedAt = EndedAt;
        this.Changes = Changes;
    }

    /// <summary>Gets the session's identifier.</summary>
    public SupportSessionId Id { get; init; }

    /// <summary>Gets the grant the session ran under.</summary>
    public SupportGrantId Grant { get; init; }

    /// <summary>Gets when it started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when it ended, or <see langword="null"/> while it runs.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Gets the changes made in it, in order.</summary>
    public IReadOnlyList<SupportSessionChange> Changes { get; init; }
}
