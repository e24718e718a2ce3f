namespace Creatio.AccessControl;

/// <summary>One support session under a grant: when it started and ended, and every change made in it.</summary>
/// <param name="Id">The session's identifier.</param>
/// <param name="Grant">The grant the session ran under.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended, or <see langword="null"/> while it runs.</param>
/// <param name="Changes">The changes made in it, in order.</param>
public sealed record SupportSession(
    SupportSessionId Id,
    SupportGrantId Grant,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<SupportSessionChange> Changes);
