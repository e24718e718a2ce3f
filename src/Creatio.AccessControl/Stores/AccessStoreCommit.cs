namespace Creatio.AccessControl.Stores;

/// <summary>One batch of changes for an <see cref="IAccessStoreWriter"/>, as the model delta it makes.</summary>
/// <param name="BaseVersion">The snapshot version the changes were made on.</param>
/// <param name="Version">The snapshot version the changes make.</param>
/// <param name="Actor">Who made them, as text (<c>user …</c>, <c>support session …</c> or <c>system</c>), for the
/// store's own records.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Delta">The row-level edits of the batch, in order: what a store that keeps rows (or a change log) writes;
/// applied to the model at <paramref name="BaseVersion"/> with <see cref="AccessModel.Apply"/> it gives
/// <paramref name="Model"/>.</param>
/// <param name="Model">The whole model after the changes, for stores that keep whole models.</param>
public sealed record AccessStoreCommit(
    long BaseVersion,
    long Version,
    string Actor,
    DateTimeOffset Timestamp,
    AccessModelDelta Delta,
    AccessModel Model);
