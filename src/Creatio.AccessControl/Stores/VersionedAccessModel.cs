namespace Creatio.AccessControl.Stores;

/// <summary>A whole model as a store holds it, with the store's version of it: what a loader that keeps versions
/// (a database shared by several instances) returns, so that the evaluator's snapshot carries the store's version.</summary>
/// <remarks>This type is immutable.</remarks>
public sealed class VersionedAccessModel
{
    /// <summary>Creates a versioned model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="version">The store's version of it; 1 or more (version 0 is the empty snapshot an evaluator holds
    /// before anything is loaded).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public VersionedAccessModel(AccessModel model, long version)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Model = model;
        Version = version;
    }

    /// <summary>Gets the model.</summary>
    public AccessModel Model { get; }

    /// <summary>Gets the store's version of the model.</summary>
    public long Version { get; }

    /// <inheritdoc/>
    public override string ToString() => $"model version {Version}";
}
