using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>A policy file as the model's source: start-up, explicit reloads and the watcher.</summary>
public sealed class AccessPolicyFileTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly PolicyFileFixture _file = new();
    private readonly FakeTimeProvider _clock = new(s_start);

    public void Dispose() => _file.Dispose();

    [Fact]
    public void GetEvaluator_GoodFile_LoadsIt()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();

        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();

        Assert.Equal(1, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.False(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.Equal(_file.FilePath, provider.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
    }

    [Fact]
    public void GetEvaluator_BadFile_ThrowsNamingTheFileAndEveryProblem()
    {
        _file.Write(PolicyFileFixture.BadDocument);
        using ServiceProvider provider = Provider();

        var exception = Assert.Throws<AccessModelValidationException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.Equal(
            $"The policy file `{_file.FilePath}` is invalid: 2 problems.\n"
            + "- $.bogus (line 3): Member `bogus` is not part of the format here; expected one of `$schema`, `formatVersion`, `settings`, `users`, "
            + "`roles`, `memberships`, `functionalLinks`, `delegations`, `rolesNotInheritedByManagers`, `objects`, `objectOperationRows`, "
            + "`columnRightRows`, `records`, `recordRightRows`, `defaultRecordRightRules`, `systemOperations`, `systemOperationRows`, `workplaces`, `supportGrants`.\n"
            + "- $.users[0] (line 4): Required member `id` is missing.",
            exception.Message);
        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void GetEvaluator_MissingFile_ThrowsFileNotFound()
    {
        using ServiceProvider provider = Provider();

        var exception = Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.Equal(_file.FilePath, exception.FileName);
    }

    [Fact]
    public void GetEvaluator_FileLargerThanTheLimit_Throws()
    {
        _file.Write(PolicyFileFixture.Model());
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o => o.MaxPolicyDocumentBytes = 16).UsePolicyFile(_file.FilePath);
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<AccessModelValidationException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.StartsWith($"The policy file `{_file.FilePath}` is invalid: 1 problem.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadAsync_GoodFile_PublishesANewVersion()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.Model(bobReads: true));
        _clock.Advance(TimeSpan.FromMinutes(1));

        bool published = await reload.ReloadAsync();

        Assert.True(published);
        Assert.Equal(2, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.Null(reload.LastReloadError);
        Assert.Equal(s_start.AddMinutes(1), reload.LastReloadAt);
    }

    [Fact]
    public async Task ReloadAsync_BadFile_KeepsTheOldSnapshotAndReportsWhy()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        AccessSnapshot before = evaluator.Snapshot;
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.BadDocument);

        bool published = await reload.ReloadAsync();

        Assert.False(published);
        Assert.Same(before, evaluator.Snapshot);
        var error = Assert.IsType<AccessModelValidationException>(reload.LastReloadError);
        Assert.StartsWith($"The policy file `{_file.FilePath}` is invalid: 2 problems.", error.Message, StringComparison.Ordinal);
        Assert.Equal(s_start, reload.LastReloadAt);
    }

    [Fact]
    public async Task ReloadAsync_FixedAfterABadFile_ClearsTheError()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.BadDocument);
        await reload.ReloadAsync();
        _file.Write(PolicyFileFixture.Model(bobReads: true));

        bool published = await reload.ReloadAsync();

        Assert.True(published);
        Assert.Null(reload.LastReloadError);
        Assert.Equal(2, provider.GetRequiredService<IAccessEvaluator>().Snapshot.Version);
    }

    [Fact]
    public async Task ReloadAsync_ReadingThrowsSomethingElse_ReportsThatErrorAtThatTimeAndKeepsTheSnapshot()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        AccessSnapshot before = evaluator.Snapshot;
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        var failure = new NotSupportedException("The reader cannot read this.");
        provider.GetRequiredService<AccessPolicyReloader>().ReadDocument = (_, _, _) => throw failure;
        _file.Write(PolicyFileFixture.Model(bobReads: true));
        _clock.Advance(TimeSpan.FromMinutes(3));

        bool published = await reload.ReloadAsync();

        Assert.False(published);
        Assert.Same(failure, reload.LastReloadError);
        Assert.Equal(s_start.AddMinutes(3), reload.LastReloadAt);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task ReloadAsync_GoodAfterAFailureOfAnyKind_PublishesAndClearsTheError()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        AccessPolicyReloader reloader = provider.GetRequiredService<AccessPolicyReloader>();
        var read = reloader.ReadDocument;
        reloader.ReadDocument = (_, _, _) => throw new InvalidOperationException("Broken.");
        await reload.ReloadAsync();
        reloader.ReadDocument = read;
        _file.Write(PolicyFileFixture.Model(bobReads: true));
        _clock.Advance(TimeSpan.FromMinutes(1));

        bool published = await reload.ReloadAsync();

        Assert.True(published);
        Assert.Null(reload.LastReloadError);
        Assert.Equal(s_start.AddMinutes(1), reload.LastReloadAt);
        Assert.True(provider.GetRequiredService<IAccessEvaluator>().CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task ReloadAsync_Canceled_ThrowsAndLeavesTheStatusAndTheSnapshot()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        AccessSnapshot before = evaluator.Snapshot;
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.Model(bobReads: true));
        using var cancellation = new CancellationTokenSource();
        provider.GetRequiredService<AccessPolicyReloader>().ReadDocument = async (_, _, token) =>
        {
            await cancellation.CancelAsync();
            token.ThrowIfCancellationRequested();
            return PolicyFileFixture.Model(bobReads: true);
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reload.ReloadAsync(cancellation.Token).AsTask());

        Assert.Null(reload.LastReloadAt);
        Assert.Null(reload.LastReloadError);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task ReloadAsync_AfterAdministrationChanges_TheFileReplacesThemAndLaterChangesStay()
    {
        _file.Write(PolicyFileFixture.Model());
        var log = new LogRecorder();
        using ServiceProvider provider = Provider(log: log);
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        IAccessAdministration administration = provider.GetRequiredService<IAccessAdministration>();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        UserId carl = Ids.User("Carl");
        UserId dora = Ids.User("Dora");
        Assert.True((await administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(carl, "Carl")))).IsApplied);
        Assert.True((await administration.ApplyAsync(AccessActor.System, new DeactivateUser(PolicyFileFixture.Ann))).IsApplied);

        Assert.True(await reload.ReloadAsync());
        AccessChangeResult after = await administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(dora, "Dora")));

        Assert.Equal(5, after.Version);
        Assert.False(evaluator.GetPrincipal(carl).IsKnown);
        Assert.True(evaluator.GetPrincipal(PolicyFileFixture.Ann).IsActive);
        Assert.True(evaluator.GetPrincipal(dora).IsKnown);
        Assert.Contains(
            $"Policy file {_file.FilePath} reloaded as snapshot version 4 replaces the administration changes of versions 2 to 3; the file is the source of truth.",
            log.Warnings);
    }

    [Fact]
    public async Task ReloadAsync_NoAdministrationChangeSinceTheLastLoad_WarnsOfNothing()
    {
        _file.Write(PolicyFileFixture.Model());
        var log = new LogRecorder();
        using ServiceProvider provider = Provider(log: log);
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();

        Assert.True(await reload.ReloadAsync());
        Assert.True(await reload.ReloadAsync());

        Assert.Empty(log.Warnings);
        Assert.Equal(3, provider.GetRequiredService<IAccessEvaluator>().Snapshot.Version);
    }

    [Fact]
    public async Task ReloadAsync_FileDeleted_KeepsTheOldSnapshotAndReportsWhy()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        File.Delete(_file.FilePath);

        bool published = await reload.ReloadAsync();

        Assert.False(published);
        Assert.IsType<FileNotFoundException>(reload.LastReloadError);
        Assert.Equal(1, provider.GetRequiredService<IAccessEvaluator>().Snapshot.Version);
    }

    [Fact]
    public async Task ReloadAsync_ModelNotFromAFile_ReturnsFalse()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModel(PolicyFileFixture.Model());
        using ServiceProvider provider = services.BuildServiceProvider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();

        Assert.False(await reload.ReloadAsync());
        Assert.Null(reload.LastReloadAt);
    }

    [Fact]
    public async Task ReloadAsync_AfterTheContainerIsDisposed_Throws()
    {
        _file.Write(PolicyFileFixture.Model());
        ServiceProvider provider = Provider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        await provider.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => reload.ReloadAsync().AsTask());
    }

    [Fact]
    public async Task Watcher_FileChanged_ReloadsOnTheNextPoll()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider(reloadOnChange: true);
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        _file.Write(PolicyFileFixture.Model(bobReads: true));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, evaluator.Snapshot.Version);
        _clock.Advance(TimeSpan.FromSeconds(1));

        await WaitUntil(() => evaluator.Snapshot.Version == 2);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task Watcher_BadFile_KeepsTheOldSnapshotAndReportsWhy()
    {
        _file.Write(PolicyFileFixture.Model());
        using ServiceProvider provider = Provider(reloadOnChange: true);
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.BadDocument);

        _clock.Advance(TimeSpan.FromSeconds(2));

        await WaitUntil(() => reload.LastReloadError is not null);
        Assert.Equal(1, evaluator.Snapshot.Version);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    private ServiceProvider Provider(bool reloadOnChange = false, LogRecorder? log = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        if (log is not null)
        {
            services.AddSingleton(log);
            services.AddSingleton(typeof(ILogger<>), typeof(RecordingLogger<>));
        }

        services.AddCreatioAccessControl(o => o.PolicyFilePollInterval = TimeSpan.FromSeconds(2)).UsePolicyFile(_file.FilePath, reloadOnChange);
        return services.BuildServiceProvider();
    }

    /// <summary>Keeps the warnings logged through <see cref="RecordingLogger{T}"/>.</summary>
    private sealed class LogRecorder
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public void Add(LogLevel level, string message)
        {
            if (level == LogLevel.Warning)
            {
                _warnings.Enqueue(message);
            }
        }
    }

    private sealed class RecordingLogger<T>(LogRecorder recorder) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            recorder.Add(logLevel, formatter(state, exception));
    }
}
