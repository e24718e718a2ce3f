namespace Creatio.AccessControl;

/// <summary>Where the evaluator's first snapshot comes from, as the builder methods set it; the last call wins.</summary>
internal sealed class AccessControlSource
{
    /// <summary>Gets or sets the kind of source.</summary>
    public AccessControlSourceKind Kind { get; set; } = AccessControlSourceKind.Stores;

    /// <summary>Gets or sets the full path of the policy file.</summary>
    public string? PolicyFilePath { get; set; }

    /// <summary>Gets or sets the policy file's path as <c>UsePolicyFile</c> was given it, when relative; <see cref="PolicyFilePath"/>
    /// is then that path resolved against the current directory, until <see cref="ResolvePolicyFile"/> names another base.</summary>
    public string? RelativePolicyFilePath { get; set; }

    /// <summary>Resolves a relative policy file path against a base directory
    /// (<see cref="AccessControlOptions.PolicyFileBasePath"/>); does nothing without either.</summary>
    /// <param name="basePath">The base directory; a relative one is itself resolved against the current directory.</param>
    public void ResolvePolicyFile(string? basePath)
    {
        if (RelativePolicyFilePath is { } relative && !string.IsNullOrWhiteSpace(basePath))
        {
            PolicyFilePath = Path.GetFullPath(relative, Path.GetFullPath(basePath));
        }
    }

    /// <summary>Gets or sets a value indicating whether the policy file is watched.</summary>
    public bool ReloadOnChange { get; set; }

    /// <summary>Gets or sets the model given with <c>UseModel</c>.</summary>
    public AccessModel? Model { get; set; }

    /// <summary>Gets or sets the loader given with <c>UseModelLoader</c>, returning the model with the store's version.</summary>
    public Func<IServiceProvider, CancellationToken, ValueTask<Stores.VersionedAccessModel>>? Loader { get; set; }
}

/// <summary>The kinds of <see cref="AccessControlSource"/>.</summary>
internal enum AccessControlSourceKind
{
    /// <summary>The registered stores, read with <see cref="Stores.AccessStoreLoader"/>.</summary>
    Stores = 0,

    /// <summary>A JSON policy file, read with <see cref="Serialization.AccessPolicyJson"/>.</summary>
    PolicyFile = 1,

    /// <summary>A model given in code.</summary>
    Model = 2,

    /// <summary>An asynchronous loader, run by <see cref="AccessModelStartup"/>.</summary>
    Loader = 3,
}
