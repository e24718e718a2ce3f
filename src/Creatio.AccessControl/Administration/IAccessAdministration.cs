namespace Creatio.AccessControl;

/// <summary>Changes the access model while checks go on: checks the actor's permissions (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md">administration and audit</see>), validates,
/// stores, publishes a new snapshot with one reference swap, and writes audit events.</summary>
/// <remarks>Changes are applied one batch at a time; readers are never blocked. A refused batch changes nothing.</remarks>
public interface IAccessAdministration
{
    /// <summary>Applies one change.</summary>
    /// <param name="actor">Who makes the change.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the change before it is stored.</param>
    /// <returns>The result: applied with the new snapshot version, or refused with the reason.</returns>
    ValueTask<AccessChangeResult> ApplyAsync(AccessActor actor, AccessChange change, CancellationToken cancellationToken = default);

    /// <summary>Applies a batch of changes atomically: all of them or none.</summary>
    /// <param name="actor">Who makes the changes; every change is checked against the snapshot before the batch.</param>
    /// <param name="changes">The changes, applied in order.</param>
    /// <param name="cancellationToken">Cancels the batch before it is stored.</param>
    /// <returns>The result: applied with the new snapshot version, or refused with the reason and the refused change's index.</returns>
    ValueTask<AccessChangeResult> ApplyBatchAsync(AccessActor actor, IReadOnlyList<AccessChange> changes, CancellationToken cancellationToken = default);
}
