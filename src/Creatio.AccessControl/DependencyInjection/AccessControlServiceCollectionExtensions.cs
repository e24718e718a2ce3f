using Creatio.AccessControl;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Creatio access control services in an <see cref="IServiceCollection"/>.</summary>
public static class AccessControlServiceCollectionExtensions
{
    /// <summary>Registers the access control services with the default options.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to choose the model's source and add audit sinks.</returns>
    /// <remarks>See <see cref="AddCreatioAccessControl(IServiceCollection, Action{AccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddCreatioAccessControl(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return AddCore(services, configure: null);
    }

    /// <summary>Registers the access control services and configures their options.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options; it runs when the options are first needed.</param>
    /// <returns>A builder to choose the model's source and add audit sinks.</returns>
    /// <remarks>
    /// <para>Registers, as singletons: <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is registered;
    /// <see cref="AccessEvaluator"/> and <see cref="IAccessEvaluator"/> (one instance); <see cref="AccessAdministration"/>
    /// and <see cref="IAccessAdministration"/>; <see cref="SupportSessions"/> and <see cref="ISupportSessions"/>;
    /// <see cref="AccessAuditLog"/> and <see cref="IAccessAuditLog"/>, which reads the registered
    /// <see cref="IAccessAuditReader"/>, or else the first registered audit sink that can be read;
    /// <see cref="InMemoryAccessStore"/> as every store contract and <see cref="IAccessStoreWriter"/>;
    /// <see cref="InMemorySupportSessionStore"/> as <see cref="ISupportSessionStore"/>; <see cref="IAccessPolicyReloadStatus"/>;
    /// and <see cref="AccessControlOptions"/> with their validation at start-up. Audit events go to every registered
    /// <see cref="IAccessAuditSink"/>; a sink that throws is logged when an <see cref="ILogger{TCategoryName}"/> can be
    /// resolved.</para>
    /// <para>Every registration is a try-add: a service registered before wins, and calling this method again adds nothing
    /// but <paramref name="configure"/>.</para>
    /// <para>The evaluator's first snapshot is loaded when it is first resolved, from the source chosen on the builder
    /// (the stores by default); the options are validated then too, so that invalid options fail without a host.</para>
    /// <para>The administration API and the policy file reloader publish through the evaluator's one serialized publish
    /// path (<see cref="AccessEvaluator.PublishAsync"/>), so that they never race. The administration API commits to
    /// <see cref="IAccessStoreWriter"/>, except with a policy file, which is the source of truth: there its changes live in
    /// memory until the next reload replaces them.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddCreatioAccessControl(this IServiceCollection services, Action<AccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(services, configure);
    }

    private static AccessControlBuilder AddCore(IServiceCollection services, Action<AccessControlOptions>? configure)
    {
        AccessControlSource? source = FindSource(services);
        if (source is null)
        {
            source = new AccessControlSource();
            services.AddSingleton(source);

            // ValidateOnStart adds a configuration each time it is called; the source descriptor guards against that.
            services.AddOptions<AccessControlOptions>().ValidateOnStart();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessControlOptions>, AccessControlOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new InMemoryAccessStore(sp.GetRequiredService<AccessControlSource>().Model));
        services.TryAddSingleton<IAdminUnitStore>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<IPermissionStore>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<IRecordRightStore>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<ISystemOperationStore>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<ISettingsStore>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<IAccessStoreWriter>(sp => sp.GetRequiredService<InMemoryAccessStore>());
        services.TryAddSingleton<InMemorySupportSessionStore>();
        services.TryAddSingleton<ISupportSessionStore>(sp => sp.GetRequiredService<InMemorySupportSessionStore>());

        services.TryAddSingleton(sp => new AccessAuditDispatcher(
            sp.GetServices<IAccessAuditSink>(), sp.GetService<ILogger<AccessAuditDispatcher>>()));
        services.TryAddSingleton(sp => new AccessPolicyReloader(
            sp.GetRequiredService<AccessControlSource>(),
            sp.GetRequiredService<IOptions<AccessControlOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AccessPolicyReloader>>()));
        services.TryAddSingleton(CreateEvaluator);
        services.TryAddSingleton<IAccessEvaluator>(sp => sp.GetRequiredService<AccessEvaluator>());
        services.TryAddSingleton(sp => new AccessAdministration(
            sp.GetRequiredService<AccessEvaluator>(),
            sp.GetRequiredService<AccessControlSource>().Kind == AccessControlSourceKind.PolicyFile ? null : sp.GetService<IAccessStoreWriter>(),
            sp.GetRequiredService<AccessAuditDispatcher>()));
        services.TryAddSingleton<IAccessAdministration>(sp => sp.GetRequiredService<AccessAdministration>());
        services.TryAddSingleton(sp => new SupportSessions(
            sp.GetRequiredService<AccessEvaluator>(), sp.GetRequiredService<ISupportSessionStore>(), sp.GetRequiredService<AccessAuditDispatcher>()));
        services.TryAddSingleton<ISupportSessions>(sp => sp.GetRequiredService<SupportSessions>());
        services.TryAddSingleton(sp => new AccessAuditLog(
            sp.GetRequiredService<AccessEvaluator>(),
            sp.GetService<IAccessAuditReader>() ?? sp.GetServices<IAccessAuditSink>().OfType<IAccessAuditReader>().FirstOrDefault(),
            sp.GetRequiredService<AccessAuditDispatcher>()));
        services.TryAddSingleton<IAccessAuditLog>(sp => sp.GetRequiredService<AccessAuditLog>());
        services.TryAddSingleton<IAccessPolicyReloadStatus>(sp =>
        {
            sp.GetRequiredService<AccessEvaluator>();
            return sp.GetRequiredService<AccessPolicyReloader>();
        });

        return new AccessControlBuilder(services, source);
    }

    private static AccessEvaluator CreateEvaluator(IServiceProvider services)
    {
        // Resolving the options validates them, so invalid options fail here even without a host.
        _ = services.GetRequiredService<IOptions<AccessControlOptions>>().Value;
        AccessPolicyReloader reloader = services.GetRequiredService<AccessPolicyReloader>();
        AccessSnapshot first = AccessModelStartup.FirstSnapshot(services) ?? AccessSnapshot.Compile(reloader.LoadInitial(services));
        AccessAuditDispatcher audit = services.GetRequiredService<AccessAuditDispatcher>();
        var evaluator = new AccessEvaluator(first, services.GetRequiredService<TimeProvider>(), audit.HasSinks ? audit : null);
        reloader.Attach(evaluator);
        return evaluator;
    }

    private static AccessControlSource? FindSource(IServiceCollection services)
    {
        foreach (ServiceDescriptor descriptor in services)
        {
            if (descriptor.ServiceType == typeof(AccessControlSource) && !descriptor.IsKeyedService
                && descriptor.ImplementationInstance is AccessControlSource source)
            {
                return source;
            }
        }

        return null;
    }
}
