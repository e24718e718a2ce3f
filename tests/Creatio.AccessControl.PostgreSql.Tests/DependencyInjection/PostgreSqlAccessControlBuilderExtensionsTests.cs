using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Serialization;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.DependencyInjection;

/// <summary><c>UsePostgreSql</c>: the schema and the first load at host start, the logs in PostgreSQL, options checked at start.</summary>
public sealed class PostgreSqlAccessControlBuilderExtensionsTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    [Fact]
    public async Task UsePostgreSql_HostStarts_SchemaCreatedAndModelLoadedBeforeAnyHostedServiceStarts()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("host_start");
        await new PostgreSqlAccessStore(dataSource).ImportAsync(PolicyExamples.EveryFeature());
        long versionSeenByAnotherService = -1;
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IHostedService>(sp => new ProbeService(sp.GetRequiredService<IAccessEvaluator>(), v => versionSeenByAnotherService = v));
        builder.Services.AddCreatioAccessControl().UsePostgreSql(dataSource);
        using IHost host = builder.Build();

        await host.StartAsync();

        IAccessEvaluator evaluator = host.Services.GetRequiredService<IAccessEvaluator>();
        Assert.Equal(1, versionSeenByAnotherService);
        Assert.Equal(1, evaluator.Snapshot.Version);
        ModelAssert.EqualIgnoringOrder(PolicyExamples.EveryFeature(), evaluator.Snapshot.Model);
        Assert.IsType<PostgreSqlSupportSessionStore>(host.Services.GetRequiredService<ISupportSessionStore>());
        Assert.IsType<PostgreSqlAccessStore>(host.Services.GetRequiredService<IAdminUnitStore>());
        Assert.Contains(host.Services.GetServices<IAccessAuditSink>(), s => s is PostgreSqlAccessAuditSink);
        await host.StopAsync();
    }

    [Fact]
    public async Task UsePostgreSql_EmptyDatabaseAndConnectionString_CreatesTheSchemaInTheChosenSchemaAndLoadsTheEmptyModel()
    {
        string connectionString = await Server.CreateDatabaseAsync("host_empty");
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePostgreSql(connectionString, options => options.SchemaName = "tenant_a");
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.Equal(1, provider.GetRequiredService<AccessEvaluator>().Snapshot.Version);
        ModelAssert.EqualIgnoringOrder(AccessModel.Empty, provider.GetRequiredService<AccessEvaluator>().Snapshot.Model);
        NpgsqlDataSource check = Server.CreateDataSource(connectionString);
        Assert.Equal(PostgreSqlAccessSchema.LatestVersion, await ScalarAsync<int>(check, """SELECT max("Version") FROM tenant_a."SchemaVersion" """));
    }

    [Fact]
    public async Task UsePostgreSql_DataSourceFromTheContainer_AuditAndSessionsWrittenToIt()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("host_container");
        AccessModel model = PolicyExamples.EveryFeature();
        await new PostgreSqlAccessStore(dataSource).ImportAsync(model);
        var services = new ServiceCollection();
        services.AddSingleton(dataSource);
        services.AddCreatioAccessControl(options => options.EnabledAuditEvents = [AccessAuditEventType.UserAuthorization]).UsePostgreSql();
        await using ServiceProvider provider = services.BuildServiceProvider();
        await provider.InitializeCreatioAccessControlAsync();

        var session = new SupportSession(new SupportSessionId(Guid.NewGuid()), model.SupportGrants[0].Id, DateTimeOffset.UnixEpoch, null, []);
        await provider.GetRequiredService<ISupportSessionStore>().SaveSessionAsync(session, CancellationToken.None);
        provider.GetRequiredService<IAccessAuditLog>().Write(
            new AccessAuditEvent(AccessAuditEventType.UserAuthorization, DateTimeOffset.UnixEpoch, AccessActor.System, "SignIn", "signed in", null, null, 1));
        await provider.GetRequiredService<PostgreSqlAccessAuditSink>().FlushAsync();

        Assert.Equal(1L, await ScalarAsync<long>(dataSource, """SELECT count(*) FROM access_control."SysSupportSession" """));
        Assert.Equal("SignIn", await ScalarAsync<string>(dataSource, """SELECT "Action" FROM access_control."SysOperationAudit" """));
    }

    [Fact]
    public async Task UsePostgreSql_InvalidOptions_HostStartFailsListingEveryProblem()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCreatioAccessControl().UsePostgreSql(DataSource, options =>
        {
            options.SchemaName = "bad name";
            options.AuditBatchSize = 0;
        });
        using IHost host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal(
            [
                "Property SchemaName: the schema name `bad name` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).",
                "Property AuditBatchSize: the audit batch size is 0; it must be from 1 to 100,000.",
            ],
            failure.Failures);
    }

    [Fact]
    public async Task UsePostgreSql_DatabaseUnreachable_HostStartFailsAndNothingIsAllowed()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCreatioAccessControl().UsePostgreSql(unreachable);
        using IHost host = builder.Build();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => host.StartAsync());

        IAccessEvaluator evaluator = host.Services.GetRequiredService<IAccessEvaluator>();
        Assert.Equal(0, evaluator.Snapshot.Version);
        Assert.False(evaluator.CheckObject(new UserId(Guid.NewGuid()), "Contact", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UsePostgreSql_ContainerDisposedSynchronously_DisposesWithoutThrowing()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePostgreSql(ConnectionString);
        ServiceProvider provider = services.BuildServiceProvider();
        await provider.InitializeCreatioAccessControlAsync();
        PostgreSqlAccessAuditSink sink = provider.GetRequiredService<PostgreSqlAccessAuditSink>();

        provider.Dispose();

        Assert.Equal(0, sink.DroppedCount);
    }

    [Fact]
    public void UsePostgreSql_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePostgreSql(DataSource);
        int once = services.Count;

        services.AddCreatioAccessControl().UsePostgreSql(DataSource);

        Assert.Equal(once, services.Count);
    }

    [Fact]
    public async Task UsePostgreSql_ThenUsePolicyFileOrModel_TheLastSourceWins()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePostgreSql("Host=127.0.0.1;Port=1").UseModel(PolicyExamples.EveryFeature());
        await using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.Equal(PolicyExamples.EveryFeature().Users.Length, provider.GetRequiredService<AccessEvaluator>().Snapshot.Model.Users.Length);
    }

    [Fact]
    public async Task UsePostgreSql_TwoHosts_StartAtTheDatabaseVersionAndAChangeOnOneReachesTheOther()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("two_hosts");
        var store = new PostgreSqlAccessStore(dataSource);
        AccessModel model = PolicyExamples.EveryFeature();
        await store.ImportAsync(model);
        AccessModelDelta first = new([new AddMembershipEdit(new RoleMembership(Ids.User("Boss"), Ids.Role("Sales")))]);
        Assert.True((await store.CommitAsync(new AccessStoreCommit(1, 2, "system", DateTimeOffset.UnixEpoch, first, model.Apply(first)), CancellationToken.None)).IsCommitted);
        using IHost one = StartHost(dataSource);
        using IHost other = StartHost(dataSource);
        await one.StartAsync();
        await other.StartAsync();
        Assert.Equal(2, one.Services.GetRequiredService<AccessEvaluator>().Snapshot.Version);
        Assert.IsType<PostgreSqlAccessStore>(one.Services.GetRequiredService<IAccessStoreWriter>());

        var newcomer = new UserId(Guid.NewGuid());
        AccessChangeResult result = await one.Services.GetRequiredService<IAccessAdministration>().ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(newcomer, "Newcomer")));

        Assert.True(result.IsApplied, result.Message);
        AccessEvaluator evaluator = other.Services.GetRequiredService<AccessEvaluator>();
        await ChangeFeed.Eventually.TrueAsync(() => evaluator.Snapshot.Version == 3, "the other host holds version 3");
        Assert.Contains(evaluator.Snapshot.Model.Users, u => u.Id == newcomer);
        Assert.Equal(
            Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
            (await other.Services.GetRequiredService<PostgreSqlChangeFeedHealthCheck>().CheckHealthAsync(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext())).Status);
        await one.StopAsync();
        await other.StopAsync();
    }

    private static IHost StartHost(NpgsqlDataSource dataSource)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddCreatioAccessControl().UsePostgreSql(dataSource, options => options.ChangeFeedPollInterval = TimeSpan.FromSeconds(30));
        return builder.Build();
    }

    private sealed class ProbeService(IAccessEvaluator evaluator, Action<long> seen) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            seen(evaluator.Snapshot.Version);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
