using Creatio.AccessControl;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Loads the access model asynchronously, for sources that must not block a thread while they are read (a database).</summary>
public static class AccessControlStartupExtensions
{
    /// <summary>Loads the first snapshot with an asynchronous loader, run once by
    /// <see cref="InitializeCreatioAccessControlAsync"/> (an integration package's hosted service calls it while the host starts).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="loader">Reads the whole model; it is given the container and a token that cancels the load.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>Like the other source methods, the last one called wins. The <see cref="AccessControlOptions"/> settings
    /// overrides are applied to the loaded model.</para>
    /// <para>The evaluator never waits for the loader. Resolved after the load, it starts on the loaded model (version 1).
    /// Resolved before, it starts on <see cref="AccessSnapshot.Empty"/> (version 0), which denies every check, and receives
    /// the loaded model as version 1 when the load finishes; administration changes are refused until then.</para>
    /// <para>A loader that throws makes <see cref="InitializeCreatioAccessControlAsync"/> throw (and a host's start fail);
    /// calling it again loads again.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="loader"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseModelLoader(
        this IAccessControlBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<AccessModel>> loader)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(loader);
        return SetLoader(builder, async (services, cancellationToken) =>
        {
            AccessModel model = await loader(services, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The access model loader returned no model.");
            return new VersionedAccessModel(model, 1);
        });
    }

    /// <summary>Loads the first snapshot with an asynchronous loader that reads the store's version with the model, run
    /// once by <see cref="InitializeCreatioAccessControlAsync"/>: the evaluator's first snapshot then has the store's
    /// version, which the store sees as the base version of the first commit.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="loader">Reads the whole model and its version; it is given the container and a token that cancels the load.</param>
    /// <returns>The builder.</returns>
    /// <remarks>As <see cref="UseModelLoader(IAccessControlBuilder, Func{IServiceProvider, CancellationToken, ValueTask{AccessModel}})"/>,
    /// except that the loaded model is published at the version the loader returns rather than at version 1.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="loader"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UseModelLoader(
        this IAccessControlBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<VersionedAccessModel>> loader)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(loader);
        return SetLoader(builder, loader);
    }

    private static IAccessControlBuilder SetLoader(IAccessControlBuilder builder, Func<IServiceProvider, CancellationToken, ValueTask<VersionedAccessModel>> loader)
    {
        AccessControlSource source = (builder as AccessControlBuilder ?? (AccessControlBuilder)builder.Services.AddCreatioAccessControl()).Source;
        source.Kind = AccessControlSourceKind.Loader;
        source.Loader = loader;
        source.Model = null;
        builder.Services.TryAddSingleton<AccessModelStartup>();
        return builder;
    }

    /// <summary>Loads the first model when a loader is registered (<see cref="UseModelLoader(IAccessControlBuilder, Func{IServiceProvider, CancellationToken, ValueTask{VersionedAccessModel}})"/>), and creates the evaluator.</summary>
    /// <param name="services">The container that <c>AddCreatioAccessControl</c> registered the services in.</param>
    /// <param name="cancellationToken">Cancels the load; a cancelled load publishes nothing.</param>
    /// <returns>A task that completes when the evaluator holds the loaded model.</returns>
    /// <remarks>A host runs this while it starts when an integration package registers its hosted service; without a host,
    /// await it before the first check. Once the model is loaded, calling it again does nothing. For other sources it only
    /// creates the evaluator, which loads them as it always does.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException"><c>AddCreatioAccessControl</c> was not called on the container's services.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static Task InitializeCreatioAccessControlAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        AccessModelStartup startup = services.GetService<AccessModelStartup>() ?? new AccessModelStartup();
        return startup.InitializeAsync(services, cancellationToken);
    }
}
