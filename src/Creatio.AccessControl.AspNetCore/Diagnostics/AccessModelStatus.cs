namespace Creatio.AccessControl.AspNetCore;

/// <summary>When this process first saw the snapshot version in use, for the health check's age of the model.</summary>
/// <remarks>The start-up service, every request's principal and the health check report the version they see; a new version
/// is stamped with the time it was first seen. This type is safe for concurrent use.</remarks>
internal sealed class AccessModelStatus(TimeProvider timeProvider)
{
    private Seen? _seen;

    /// <summary>Gets when the first snapshot was loaded at start-up, or <see langword="null"/> before.</summary>
    public DateTimeOffset? LoadedAt { get; private set; }

    /// <summary>Records the start-up load.</summary>
    public void Loaded(long version)
    {
        DateTimeOffset now = timeProvider.GetUtcNow();
        LoadedAt = now;
        Volatile.Write(ref _seen, new Seen(version, now));
    }

    /// <summary>Notes the version in use; costs one comparison unless it changed.</summary>
    public void Observe(long version)
    {
        Seen? seen = Volatile.Read(ref _seen);
        if (seen is null || seen.Version != version)
        {
            Volatile.Write(ref _seen, new Seen(version, timeProvider.GetUtcNow()));
        }
    }

    /// <summary>Returns when the version was first seen; records it now if it was not.</summary>
    public DateTimeOffset SeenAt(long version)
    {
        Observe(version);
        Seen seen = Volatile.Read(ref _seen)!;
        return seen.Version == version ? seen.At : timeProvider.GetUtcNow();
    }

    private sealed record Seen(long Version, DateTimeOffset At);
}
