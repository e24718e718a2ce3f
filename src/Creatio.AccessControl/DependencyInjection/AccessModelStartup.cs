using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl;

/// <summary>Runs the asynchronous loader registered with <c>UseModelLoader</c> once, and hands its model to the evaluator.</summary>
/// <remarks>
/// <para>The evaluator is created by a container factory, which cannot await. With a loader, the factory takes the loaded
/// model when the load has finished; when something resolves the evaluator before (a hosted service's constructor, say),
/// the evaluator starts on <see cref="AccessSnapshot.Empty"/> (version 0, every check denied) and the loaded model is
/// published at the loader's version (1 for a loader that keeps no versions) when the load finishes. Until then, an administration change is refused: the in-memory writer
/// holds version 1, not 0.</para>
/// <para>A failed load is not remembered: the next call to <see cref="InitializeAsync"/> loads again.
/// This type is safe for concurrent use.</para>
/// </remarks>
internal sealed class AccessModelStartup : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AccessModel? _model;
    private long _version;

    /// <summary>Gets the loaded model with the settings overrides applied, or <see langword="null"/> before the load.</summary>
    public AccessModel? Model => _model;

    /// <summary>Gets the store's version of the loaded model (1 for a loader that keeps no versions); meaningful once
    /// <see cref="Model"/> is set.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>Returns the evaluator's first snapshot when the model comes from a loader: the loaded model at the loader's version, or
    /// <see cref="AccessSnapshot.Empty"/> while it is loading. Returns <see langword="null"/> for every other source.</summary>
    public static AccessSnapshot? FirstSnapshot(IServiceProvider services)
    {
        if (services.GetRequiredService<AccessControlSource>().Kind != AccessControlSourceKind.Loader)
        {
            return null;
        }

        AccessModelStartup startup = services.GetRequiredService<AccessModelStartup>();
        AccessModel? model = startup.Model;
        return model is null ? AccessSnapshot.Empty : AccessSnapshot.Compile(model, startup.Version);
    }

    /// <summary>Loads the model unless it is loaded, then makes sure the evaluator holds it.</summary>
    public async Task InitializeAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        AccessControlSource source = services.GetRequiredService<AccessControlSource>();
        if (source.Kind == AccessControlSourceKind.Loader && _model is null)
        {
            // Resolving the options validates them: invalid options fail before anything is read.
            AccessControlOptions options = services.GetRequiredService<IOptions<AccessControlOptions>>().Value;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_model is null)
                {
                    Stores.VersionedAccessModel loaded = await source.Loader!(services, cancellationToken).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The access model loader returned no model.");
                    Interlocked.Exchange(ref _version, loaded.Version);
                    _model = WithOverrides(loaded.Model, options);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        AccessEvaluator evaluator = services.GetRequiredService<AccessEvaluator>();
        if (source.Kind == AccessControlSourceKind.Loader && evaluator.Snapshot.Version == 0)
        {
            // Through the evaluator's one publish path: another initialization may have published the model meanwhile.
            AccessModel model = _model!;
            long version = Version;
            await evaluator.PublishAsync(
                (current, _) => ValueTask.FromResult(current.Version == 0 ? AccessSnapshot.Compile(model, version) : null),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _gate.Dispose();

    private static AccessModel WithOverrides(AccessModel model, AccessControlOptions options)
    {
        if (!options.HasSettingsOverrides)
        {
            return model;
        }

        AccessModelBuilder builder = model.ToBuilder();
        builder.Settings = options.Apply(model.Settings);
        return builder.Build();
    }
}
