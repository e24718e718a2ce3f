using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>What <c>AddCreatioAccessControl</c> registers and how the services it registers fit together.</summary>
public sealed class AccessControlServiceCollectionExtensionsTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddCreatioAccessControl_Resolve_EveryServiceResolves()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl();
        using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Same(provider.GetRequiredService<AccessEvaluator>(), provider.GetRequiredService<IAccessEvaluator>());
        Assert.Same(provider.GetRequiredService<AccessAdministration>(), provider.GetRequiredService<IAccessAdministration>());
        Assert.NotNull(provider.GetRequiredService<AccessAuditDispatcher>());
        InMemoryAccessStore store = provider.GetRequiredService<InMemoryAccessStore>();
        Assert.Same(store, provider.GetRequiredService<IAdminUnitStore>());
        Assert.Same(store, provider.GetRequiredService<IPermissionStore>());
        Assert.Same(store, provider.GetRequiredService<IRecordRightStore>());
        Assert.Same(store, provider.GetRequiredService<ISystemOperationStore>());
        Assert.Same(store, provider.GetRequiredService<ISettingsStore>());
        Assert.Same(store, provider.GetRequiredService<IAccessStoreWriter>());
        Assert.Same(provider.GetRequiredService<InMemorySupportSessionStore>(), provider.GetRequiredService<ISupportSessionStore>());
        Assert.Same(provider.GetRequiredService<SupportSessions>(), provider.GetRequiredService<ISupportSessions>());
        Assert.Same(provider.GetRequiredService<AccessAuditLog>(), provider.GetRequiredService<IAccessAuditLog>());
        Assert.Null(provider.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
        Assert.NotNull(provider.GetRequiredService<IOptions<AccessControlOptions>>().Value);
        Assert.Contains(provider.GetServices<IValidateOptions<AccessControlOptions>>(), v => v is AccessControlOptionsValidator);
        Assert.Equal(1, provider.GetRequiredService<IAccessEvaluator>().Snapshot.Version);
    }

    [Fact]
    public void AddCreatioAccessControl_CalledTwice_RegistersNothingTwice()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().AddAuditSink<InMemoryAccessAuditSink>();
        int once = services.Count;

        services.AddCreatioAccessControl().AddAuditSink<InMemoryAccessAuditSink>();

        Assert.Equal(once, services.Count);
    }

    [Fact]
    public void AddCreatioAccessControl_HostTimeProvider_EvaluatorUsesIt()
    {
        var clock = new FakeTimeProvider(s_start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCreatioAccessControl().UseModel(PolicyFileFixture.Model());
        using ServiceProvider provider = services.BuildServiceProvider();

        AccessEvaluator evaluator = provider.GetRequiredService<AccessEvaluator>();

        Assert.Same(clock, evaluator.TimeProvider);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public void AddCreatioAccessControl_TimeProviderRegisteredAfterwards_StillWins()
    {
        var clock = new FakeTimeProvider(s_start);
        var services = new ServiceCollection();
        services.AddCreatioAccessControl();
        services.AddSingleton<TimeProvider>(clock);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<AccessEvaluator>().TimeProvider);
    }

    [Fact]
    public async Task UseModel_AdministrationChange_PublishedAndStored()
    {
        var sink = new InMemoryAccessAuditSink();
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o => o.EnabledAuditEvents = [AccessAuditEventType.UserChange])
            .UseModel(PolicyFileFixture.Model())
            .AddAuditSink(sink)
            .AddAuditSink(sink);
        using ServiceProvider provider = services.BuildServiceProvider();
        IAccessAdministration administration = provider.GetRequiredService<IAccessAdministration>();
        var carl = new UserId(Guid.NewGuid());

        AccessChangeResult result = await administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(carl, "Carl")));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(2, provider.GetRequiredService<IAccessEvaluator>().Snapshot.Version);
        Assert.Equal(2, provider.GetRequiredService<InMemoryAccessStore>().Version);
        Assert.Contains(provider.GetRequiredService<InMemoryAccessStore>().Model.Users, u => u.Id == carl);
        Assert.Equal(1, sink.Count);
    }

    [Fact]
    public void UseStore_CustomStore_LoadsFromItAndWritesToIt()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseStore<FixedStore>();
        using ServiceProvider provider = services.BuildServiceProvider();

        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();

        Assert.Same(provider.GetRequiredService<FixedStore>(), provider.GetRequiredService<IAccessStoreWriter>());
        Assert.Same(provider.GetRequiredService<FixedStore>(), provider.GetRequiredService<ISettingsStore>());
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.Single(provider.GetServices<IAccessStoreWriter>());
    }

    [Fact]
    public void AddAuditSink_SinksOfTheContainer_ReceiveDeniedChecks()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o => o.EnabledAuditEvents = [AccessAuditEventType.DeniedOperation])
            .UseModel(PolicyFileFixture.Model())
            .AddAuditSink<RecordingSink>();
        using ServiceProvider provider = services.BuildServiceProvider();

        provider.GetRequiredService<IAccessEvaluator>().CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read);

        var sink = (RecordingSink)Assert.Single(provider.GetServices<IAccessAuditSink>());
        Assert.Equal(AccessAuditEventType.DeniedOperation, Assert.Single(sink.Types));
    }

    /// <summary>Records the types of the events it receives.</summary>
    private sealed class RecordingSink : IAccessAuditSink
    {
        public List<AccessAuditEventType> Types { get; } = [];

        public void Write(in AccessAuditEvent auditEvent) => Types.Add(auditEvent.Type);
    }

    /// <summary>A store over a fixed model, as a host's own store would be.</summary>
    private sealed class FixedStore : IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore, IAccessStoreWriter
    {
        private readonly InMemoryAccessStore _inner = new(PolicyFileFixture.Model());

        public ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken) => _inner.ReadAdminUnitsAsync(cancellationToken);

        public ValueTask<PermissionRows> ReadPermissionsAsync(CancellationToken cancellationToken) => _inner.ReadPermissionsAsync(cancellationToken);

        public ValueTask<RecordRightRows> ReadRecordRightsAsync(CancellationToken cancellationToken) => _inner.ReadRecordRightsAsync(cancellationToken);

        public ValueTask<SystemOperationRows> ReadSystemOperationsAsync(CancellationToken cancellationToken) => _inner.ReadSystemOperationsAsync(cancellationToken);

        public ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken) => _inner.ReadSettingsAsync(cancellationToken);

        public ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken) => _inner.CommitAsync(commit, cancellationToken);
    }
}
