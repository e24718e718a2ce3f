namespace Creatio.AccessControl.Stores;

/// <summary>One batch of changes for an <see cref="IAccessStoreWriter"/>, as the model delta it makes.</summary>
public sealed record AccessStoreCommit
{
    /// <summary>Creates a commit.</summary>
    /// <param name="BaseVersion">The snapshot version the changes were made on.</param>
    /// <param name="Version">The snapshot version the changes make.</param>
    /// <param name="Actor">Who made them, as text (<c>user …</c>, <c>support session …</c> or <c>system</c>), for the
    /// store's own records.</param>
    /// <param name="Timestamp">When the changes were made.</param>
    /// <param name="Delta">The row-level edits of the batch, in order: what a store that keeps rows (or a change log) writes;
    /// applied to the model at <paramref name="BaseVersion"/> with <see cref="AccessModel.Apply"/> it gives
    /// <paramref name="Model"/>.</param>
    /// <param name="Model">The whole model after the changes, for stores that keep whole models.</param>
    public AccessStoreCommit(
        long BaseVersion,
        long Version,
        string Actor,
        DateTimeOffset Timestamp,
        AccessModelDelta Delta,
        AccessModel Model)
    {
        this.BaseVersion = BaseVersion;
        this.Version = Version;
        this.Actor = Actor;
        this.Timestamp = Timestamp;
        this.Delta = Delta;
        this.Model = Model;
    }

    /// <summary>Gets the snapshot version the changes were made on.</summary>
    public long BaseVersion { get; init; }

    /// <summary>Gets the snapshot version the changes make.</summary>
    public long Version { get; init; }

    /// <summary>Gets who made the changes, as text (<c>user …</c>, <c>support session …</c> or <c>system</c>), for the
    /// store's own records.</summary>
    public string Actor { get; init; }

    /// <summary>Gets when the changes were made.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the row-level edits of the batch, in order: what a store that keeps rows (or a change log) writes;
    /// applied to the model at <see cref="BaseVersion"/> with <see cref="AccessModel.Apply"/> it gives
    /// <see cref="Model"/>.</summary>
    public AccessModelDelta Delta { get; init; }

    /// <summary>Gets the whole model after the changes, for stores that keep whole models.</summary>
    public AccessModel Model { get; init; }
}
