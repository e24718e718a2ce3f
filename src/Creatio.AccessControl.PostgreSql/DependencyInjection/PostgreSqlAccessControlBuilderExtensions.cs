using System.Diagnostics;
using Creatio.AccessControl;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps the access model, the audit log and the support-session log in PostgreSQL.</summary>
public static partial class PostgreSqlAccessControlBuilderExtensions
{
    /// <summary>Uses PostgreSQL through the container's <see cref="NpgsqlDataSource"/> (registered, for example, by
    /// Npgsql.DependencyInjection's <c>AddNpgsqlDataSource</c>), with the default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="UsePostgreSql(IAccessControlBuilder, NpgsqlDataSource, Action{PostgreSqlAccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Register(builder, FromContainer, configure: null);
    }

    /// <summary>Uses PostgreSQL through the container's <see cref="NpgsqlDataSource"/> (registered, for example, by
    /// Npgsql.DependencyInjection's <c>AddNpgsqlDataSource</c>).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="UsePostgreSql(IAccessControlBuilder, NpgsqlDataSource, Action{PostgreSqlAccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder, Action<PostgreSqlAccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, FromContainer, configure);
    }

    /// <summary>Uses PostgreSQL through a connection string, with the default options; the data source created from it is
    /// disposed with the container.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="UsePostgreSql(IAccessControlBuilder, NpgsqlDataSource, Action{PostgreSqlAccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="connectionString"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Register(builder, _ => new PostgreSqlDataSourceHolder(NpgsqlDataSource.Create(connectionString), owned: true), configure: null);
    }

    /// <summary>Uses PostgreSQL through a connection string; the data source created from it is disposed with the container.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="UsePostgreSql(IAccessControlBuilder, NpgsqlDataSource, Action{PostgreSqlAccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="connectionString"/> or
    /// <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty or white space.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder, string connectionString, Action<PostgreSqlAccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, _ => new PostgreSqlDataSourceHolder(NpgsqlDataSource.Create(connectionString), owned: true), configure);
    }

    /// <summary>Uses PostgreSQL through a data source, with the default options.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="dataSource">The database. The container does not dispose it.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="UsePostgreSql(IAccessControlBuilder, NpgsqlDataSource, Action{PostgreSqlAccessControlOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder, NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        return Register(builder, _ => new PostgreSqlDataSourceHolder(dataSource, owned: false), configure: null);
    }

    /// <summary>Uses PostgreSQL: the model is loaded from its tables while the host starts, audit events and support
    /// sessions are written to it.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="dataSource">The database. The container does not dispose it.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>Registers <see cref="PostgreSqlAccessStore"/> (also as every store reader contract and as the
    /// <see cref="IAccessStoreWriter"/> the administration API commits through),
    /// <see cref="PostgreSqlSupportSessionStore"/> as <see cref="ISupportSessionStore"/>, <see cref="PostgreSqlAccessAuditSink"/>
    /// as an <see cref="IAccessAuditSink"/> and as the <see cref="IAccessAuditReader"/> that <see cref="IAccessAuditLog"/>
    /// reads, <see cref="PostgreSqlAccessControlOptions"/> validated at start-up, and a hosted
    /// service, the instance's <see cref="PostgreSqlChangeFeed"/> (run as a hosted service unless
    /// <see cref="PostgreSqlAccessControlOptions.ChangeFeedEnabled"/> is off) and its <see cref="PostgreSqlChangeFeedHealthCheck"/>.
    /// In the host's first start-up step (before any hosted service's <c>StartAsync</c>) it creates or upgrades the
    /// schema (unless <see cref="PostgreSqlAccessControlOptions.MigrateSchemaOnStart"/> is off) and loads the whole model
    /// asynchronously with <see cref="PostgreSqlAccessStore.LoadVersionedModelAsync"/>, published at the database's model
    /// version; a database that cannot be reached or holds an
    /// invalid model fails the start. Without a host, await <c>IServiceProvider.InitializeCreatioAccessControlAsync</c>
    /// before the first check: until the model is loaded, every check is denied.</para>
    /// <para>Changes made through <see cref="IAccessAdministration"/> are committed to PostgreSQL with the change log before
    /// they are published; a batch made on another version than the database holds is refused
    /// (<see cref="AccessChangeRefusal.StoreConflict"/>) and may be retried once the change feed has caught up. The change
    /// feed brings the changes of every other instance to this one.</para>
    /// <para>Like the other source methods, the last one called wins; calling this method again replaces the data source
    /// and adds <paramref name="configure"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="dataSource"/> or
    /// <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder UsePostgreSql(this IAccessControlBuilder builder, NpgsqlDataSource dataSource, Action<PostgreSqlAccessControlOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(configure);
        return Register(builder, _ => new PostgreSqlDataSourceHolder(dataSource, owned: false), configure);
    }

    private static PostgreSqlDataSourceHolder FromContainer(IServiceProvider services) =>
        new(services.GetRequiredService<NpgsqlDataSource>(), owned: false);

    private static IAccessControlBuilder Register(
        IAccessControlBuilder builder, Func<IServiceProvider, PostgreSqlDataSourceHolder> dataSource, Action<PostgreSqlAccessControlOptions>? configure)
    {
        IServiceCollection services = builder.Services;
        if (!services.Any(d => d.ServiceType == typeof(PostgreSqlAccessControlStartup) || d.ImplementationType == typeof(PostgreSqlAccessControlStartup)))
        {
            // ValidateOnStart adds a configuration each time it is called: register it once.
            services.AddOptions<PostgreSqlAccessControlOptions>().ValidateOnStart();
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlAccessControlOptions>, PostgreSqlAccessControlOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(dataSource));
        services.TryAddSingleton(sp => new PostgreSqlAccessStore(DataSource(sp), Options(sp).SchemaName, Options(sp).NotificationChannel));
        services.Replace(ServiceDescriptor.Singleton<IAccessStoreWriter>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.TryAddSingleton(sp => new PostgreSqlChangeFeed(
            sp.GetRequiredService<PostgreSqlAccessStore>(), sp.GetRequiredService<AccessEvaluator>(), Options(sp), sp.GetService<ILogger<PostgreSqlChangeFeed>>()));
        services.TryAddSingleton(sp => new PostgreSqlChangeFeedHealthCheck(sp.GetRequiredService<PostgreSqlChangeFeed>(), sp.GetRequiredService<AccessEvaluator>()));
        services.Replace(ServiceDescriptor.Singleton<IAdminUnitStore>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.Replace(ServiceDescriptor.Singleton<IPermissionStore>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.Replace(ServiceDescriptor.Singleton<IRecordRightStore>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.Replace(ServiceDescriptor.Singleton<ISystemOperationStore>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.Replace(ServiceDescriptor.Singleton<ISettingsStore>(sp => sp.GetRequiredService<PostgreSqlAccessStore>()));
        services.TryAddSingleton(sp => new PostgreSqlSupportSessionStore(DataSource(sp), Options(sp).SchemaName));
        services.Replace(ServiceDescriptor.Singleton<ISupportSessionStore>(sp => sp.GetRequiredService<PostgreSqlSupportSessionStore>()));
        services.TryAddSingleton(sp => new PostgreSqlAccessAuditSink(DataSource(sp), Options(sp), sp.GetService<ILogger<PostgreSqlAccessAuditSink>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAccessAuditSink, PostgreSqlAccessAuditSink>(sp => sp.GetRequiredService<PostgreSqlAccessAuditSink>()));
        services.TryAddSingleton<IAccessAuditReader>(sp => sp.GetRequiredService<PostgreSqlAccessAuditSink>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgreSqlAccessControlStartup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgreSqlChangeFeedService>(sp =>
            new PostgreSqlChangeFeedService(sp.GetRequiredService<PostgreSqlChangeFeed>(), Options(sp).ChangeFeedEnabled)));
        return builder.UseModelLoader(LoadAsync);
    }

    private static async ValueTask<VersionedAccessModel> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        PostgreSqlAccessControlOptions options = Options(services);
        NpgsqlDataSource dataSource = DataSource(services);
        ILogger? logger = services.GetService<ILogger<PostgreSqlAccessStore>>();
        if (options.MigrateSchemaOnStart)
        {
            PostgreSqlSchemaUpgrade upgrade = await PostgreSqlAccessSchema.MigrateAsync(dataSource, options.SchemaName, cancellationToken).ConfigureAwait(false);
            if (upgrade.Applied && logger is not null)
            {
                LogSchemaUpgraded(logger, options.SchemaName, upgrade.FromVersion, upgrade.ToVersion);
            }
        }

        long start = Stopwatch.GetTimestamp();
        VersionedAccessModel loaded = await services.GetRequiredService<PostgreSqlAccessStore>().LoadVersionedModelAsync(cancellationToken).ConfigureAwait(false);
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (logger is not null)
        {
            AccessModel model = loaded.Model;
            LogLoaded(logger, options.SchemaName, loaded.Version, model.Users.Length, model.Roles.Length, model.RecordRightRows.Length, milliseconds);
        }

        return loaded;
    }

    private static NpgsqlDataSource DataSource(IServiceProvider services) => services.GetRequiredService<PostgreSqlDataSourceHolder>().DataSource;

    private static PostgreSqlAccessControlOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PostgreSqlAccessControlOptions>>().Value;

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "PostgreSQL schema {Schema} upgraded from version {FromVersion} to {ToVersion}.")]
    private static partial void LogSchemaUpgraded(ILogger logger, string schema, int fromVersion, int toVersion);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Access model version {Version} loaded from PostgreSQL schema {Schema}: {Users} users, {Roles} roles, {RecordRights} record rights in {Milliseconds:F0} ms.")]
    private static partial void LogLoaded(ILogger logger, string schema, long version, int users, int roles, int recordRights, double milliseconds);
}
