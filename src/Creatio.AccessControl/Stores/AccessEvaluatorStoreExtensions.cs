namespace Creatio.AccessControl.Stores;

/// <summary>Keeps an evaluator current with a store that several instances write: applies the changes read from the
/// store's change log, in order, or the whole model read again, through the evaluator's one publish path
/// (<see cref="AccessEvaluator.PublishAsync"/>), so that they never race the administration API's own commits.</summary>
/// <remarks>Snapshots published here carry the store's versions: a change committed at version <c>n</c> is published as
/// snapshot version <c>n</c>. Versions only grow; a change or a model at a version the evaluator already holds is
/// skipped.</remarks>
public static class AccessEvaluatorStoreExtensions
{
    /// <summary>Applies a change read from a store, if the evaluator holds the version it was made on, through the
    /// incremental path local changes take (<see cref="AccessModel.Apply"/>, then rebuilding only what the delta
    /// touches).</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="baseVersion">The version the change was made on.</param>
    /// <param name="version">The version the change makes; greater than <paramref name="baseVersion"/>.</param>
    /// <param name="delta">The change.</param>
    /// <param name="cancellationToken">Cancels waiting for the publish path; nothing is published then.</param>
    /// <returns><see cref="AccessStoreChangeOutcome.Applied"/>, <see cref="AccessStoreChangeOutcome.AlreadyApplied"/> when
    /// the evaluator holds <paramref name="version"/> or later, or <see cref="AccessStoreChangeOutcome.NotAtBaseVersion"/>
    /// when it holds another version than <paramref name="baseVersion"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="delta"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseVersion"/> is negative, or <paramref name="version"/>
    /// is not greater than it.</exception>
    /// <exception cref="AccessModelValidationException">The change does not apply to the evaluator's model, or the model
    /// after it would be invalid; nothing is published and the evaluator keeps its snapshot.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is published.</exception>
    public static async ValueTask<AccessStoreChangeOutcome> ApplyStoreChangeAsync(
        this AccessEvaluator evaluator, long baseVersion, long version, AccessModelDelta delta, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentOutOfRangeException.ThrowIfNegative(baseVersion);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(version, baseVersion);
        AccessStoreChangeOutcome outcome = AccessStoreChangeOutcome.Applied;
        await evaluator.PublishAsync(
            (current, _) =>
            {
                if (current.Version >= version)
                {
                    outcome = AccessStoreChangeOutcome.AlreadyApplied;
                    return ValueTask.FromResult<AccessSnapshot?>(null);
                }

                if (current.Version != baseVersion)
                {
                    outcome = AccessStoreChangeOutcome.NotAtBaseVersion;
                    return ValueTask.FromResult<AccessSnapshot?>(null);
                }

                AccessModel next = current.Model.Apply(delta);
                return ValueTask.FromResult<AccessSnapshot?>(Compilation.SnapshotCompiler.Apply(current, delta, next, version));
            },
            cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Publishes a whole model read again from a store, compiled at the store's version, unless the evaluator
    /// already holds that version or a later one.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="model">The model and its version.</param>
    /// <param name="cancellationToken">Cancels the compilation and waiting for the publish path; nothing is published then.</param>
    /// <returns><see langword="true"/> when the model was published; <see langword="false"/> when the evaluator already
    /// held its version or a later one.</returns>
    /// <remarks>The model is compiled before the publish path is entered, so other publishers do not wait for the
    /// compilation.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is published.</exception>
    public static async ValueTask<bool> ReplaceFromStoreAsync(this AccessEvaluator evaluator, VersionedAccessModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(model);
        if (evaluator.Snapshot.Version >= model.Version)
        {
            return false;
        }

        AccessSnapshot compiled = AccessSnapshot.Compile(model.Model, model.Version);
        cancellationToken.ThrowIfCancellationRequested();
        AccessSnapshot? published = await evaluator.PublishAsync(
            (current, _) => ValueTask.FromResult(current.Version < model.Version ? compiled : null),
            cancellationToken).ConfigureAwait(false);
        return published is not null;
    }
}
