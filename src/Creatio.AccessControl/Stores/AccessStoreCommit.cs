namespace Creatio.AccessControl.Stores;

/// <summary>One batch of changes for an <see cref="IAccessStoreWriter"/>.</summary>
/// <param name="BaseVersion">The snapshot version the changes were made on.</param>
/// <param name="Version">The snapshot version the changes make.</param>
/// <param name="Actor">Who made them.</param>
/// <param name="Timestamp">When.</param>
/// <param name="Changes">The changes, in order.</param>
/// <param name="Model">The whole model after the changes, for stores that keep whole models.</param>
public sealed record AccessStoreCommit(
    long BaseVersion,
    long Version,
    AccessActor Actor,
    DateTimeOffset Timestamp,
    IReadOnlyList<AccessChange> Changes,
    AccessModel Model);
