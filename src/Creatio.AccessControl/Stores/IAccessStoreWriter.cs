namespace Creatio.AccessControl.Stores;

/// <summary>Persists the changes the administration API makes, before it publishes them.</summary>
/// <remarks>
/// <para>One call carries one whole batch and must be atomic: either every change is stored, or the call throws and
/// nothing is. When it throws, the administration API publishes nothing, so the snapshot and the store stay as they were.</para>
/// <para>A store shared by several hosts should refuse a commit whose <see cref="AccessStoreCommit.BaseVersion"/> is not
/// its current version (optimistic concurrency), so that no host overwrites a change it has not seen.</para>
/// </remarks>
public interface IAccessStoreWriter
{
    /// <summary>Stores one batch of changes atomically.</summary>
    /// <param name="commit">The batch.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns>A task that completes when the batch is stored.</returns>
    ValueTask CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken);
}
