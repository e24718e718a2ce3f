namespace Creatio.AccessControl.Stores;

/// <summary>What an <see cref="IAccessStoreWriter"/> did with a commit: stored it whole, or refused it whole because the
/// store does not hold the version the commit was made on.</summary>
/// <remarks>A conflict is not an error: the administration API reports it as the refusal
/// <see cref="AccessChangeRefusal.StoreConflict"/>, which a caller may retry once the evaluator holds what the store holds.
/// This type is immutable.</remarks>
public sealed class AccessStoreCommitResult
{
    private AccessStoreCommitResult(bool isCommitted, long storeVersion, string message)
    {
        IsCommitted = isCommitted;
        StoreVersion = storeVersion;
        Message = message;
    }

    /// <summary>Gets a value indicating whether the whole commit was stored; when <see langword="false"/>, nothing of it was.</summary>
    public bool IsCommitted { get; }

    /// <summary>Gets the version the store holds after the call: the commit's version when committed, otherwise the
    /// version it held already.</summary>
    public long StoreVersion { get; }

    /// <summary>Gets a one-line description of the conflict; empty when committed.</summary>
    public string Message { get; }

    /// <summary>Reports a stored commit.</summary>
    /// <param name="version">The version the store now holds (the commit's <see cref="AccessStoreCommit.Version"/>).</param>
    /// <returns>The result.</returns>
    public static AccessStoreCommitResult Committed(long version) => new(true, version, string.Empty);

    /// <summary>Reports a commit refused because the store does not hold its <see cref="AccessStoreCommit.BaseVersion"/>:
    /// another host, or another writer, committed first. Nothing of the commit is stored.</summary>
    /// <param name="storeVersion">The version the store holds.</param>
    /// <param name="message">Why, in one line, naming both versions.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="message"/> is <see langword="null"/>, empty or white space.</exception>
    public static AccessStoreCommitResult Conflict(long storeVersion, string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        return new(false, storeVersion, message);
    }

    /// <inheritdoc/>
    public override string ToString() => IsCommitted ? $"Committed as version {StoreVersion}" : $"Conflict: {Message}";
}
