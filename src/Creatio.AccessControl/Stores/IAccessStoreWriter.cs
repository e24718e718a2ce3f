namespace Creatio.AccessControl.Stores;

/// <summary>Persists the changes the administration API makes, before it publishes them.</summary>
/// <remarks>
/// <para>One call carries one whole batch and must be atomic: either every change is stored, or nothing is. A store that
/// does not hold the commit's <see cref="AccessStoreCommit.BaseVersion"/> (optimistic concurrency: another host or another
/// writer committed first) stores nothing and returns <see cref="AccessStoreCommitResult.Conflict"/>; it does not throw.
/// The administration API then publishes nothing and refuses the batch with
/// <see cref="AccessChangeRefusal.StoreConflict"/>, which the caller may retry once the evaluator holds what the store
/// holds. Any other failure (the store is unreachable, a write failed) throws; the administration API then publishes
/// nothing either, so the snapshot and the store stay as they were.</para>
/// <para>The administration API commits under its evaluator's one publish path
/// (<see cref="AccessEvaluator.PublishAsync"/>):
/// commits from one evaluator never race one another, and <see cref="AccessStoreCommit.BaseVersion"/> is the version of the
/// snapshot the batch was made on. A store's versions and the evaluator's snapshot versions therefore stay equal as long as
/// every snapshot the evaluator publishes is either committed to the store or read from it.</para>
/// </remarks>
public interface IAccessStoreWriter
{
    /// <summary>Stores one batch of changes atomically, if the store holds the version the batch was made on.</summary>
    /// <param name="commit">The batch.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns><see cref="AccessStoreCommitResult.Committed"/> when every change is stored;
    /// <see cref="AccessStoreCommitResult.Conflict"/>, having stored nothing, when the store does not hold
    /// <see cref="AccessStoreCommit.BaseVersion"/>.</returns>
    ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken);
}
