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

    /// <summary>Answers whether one change would be applied now, without applying it ("May I?").</summary>
    /// <param name="actor">Who would make the change.</param>
    /// <param name="change">The change.</param>
    /// <returns>What <see cref="ApplyAsync"/> would answer on the current snapshot, with the same refusal and message,
    /// but with <see cref="AccessChangeResult.IsApplied"/> <see langword="false"/>: not refused when it would be applied.</returns>
    /// <remarks>Nothing is stored, published or audited. The answer holds for the snapshot it names
    /// (<see cref="AccessChangeResult.Version"/>); a store that has moved on (<see cref="AccessChangeRefusal.StoreConflict"/>)
    /// is only found by applying.</remarks>
    AccessChangeResult Check(AccessActor actor, AccessChange change);

    /// <summary>Answers whether a batch of changes would be applied now, without applying it.</summary>
    /// <param name="actor">Who would make the changes.</param>
    /// <param name="changes">The changes, in order.</param>
    /// <returns>What <see cref="ApplyBatchAsync"/> would answer on the current snapshot, with the same refusal, message
    /// and refused change's index, but with <see cref="AccessChangeResult.IsApplied"/> <see langword="false"/>.</returns>
    /// <remarks>Nothing is stored, published or audited. A batch on records an object keeps in the database is answered by
    /// <see cref="CheckBatchAsync"/>, which reads them.</remarks>
    AccessChangeResult CheckBatch(AccessActor actor, IReadOnlyList<AccessChange> changes);

    /// <summary>Answers whether one change would be applied now, reading what it needs from where the records are kept.</summary>
    /// <param name="actor">Who would make the change.</param>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What <see cref="ApplyAsync"/> would answer now, as <see cref="Check"/> answers.</returns>
    /// <remarks>A change to records an object keeps in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>)
    /// is answered by reading them, with the rules <see cref="ApplyAsync"/> applies, and nothing is written. By default,
    /// <see cref="Check"/>'s answer.</remarks>
    ValueTask<AccessChangeResult> CheckAsync(AccessActor actor, AccessChange change, CancellationToken cancellationToken = default) =>
        new(Check(actor, change));

    /// <summary>Answers whether a batch of changes would be applied now, reading what it needs from where the records are kept.</summary>
    /// <param name="actor">Who would make the changes.</param>
    /// <param name="changes">The changes, in order.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What <see cref="ApplyBatchAsync"/> would answer now, as <see cref="CheckBatch"/> answers.</returns>
    /// <remarks>A batch on records an object keeps in the database is answered by reading them, with the rules
    /// <see cref="ApplyBatchAsync"/> applies, and nothing is written. By default, <see cref="CheckBatch"/>'s answer.</remarks>
    ValueTask<AccessChangeResult> CheckBatchAsync(AccessActor actor, IReadOnlyList<AccessChange> changes, CancellationToken cancellationToken = default) =>
        new(CheckBatch(actor, changes));
}
