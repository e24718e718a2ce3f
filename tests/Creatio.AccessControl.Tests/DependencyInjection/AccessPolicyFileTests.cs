using Microsoft.Extensions.DependencyInjection;
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
            + "- $.bogus (line 3): Member `bogus` is not part of the format here; expected one of `formatVersion`, `settings`, `users`, "
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

    private ServiceProvider Provider(bool reloadOnChange = false)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddCreatioAccessControl(o => o.PolicyFilePollInterval = TimeSpan.FromSeconds(2)).UsePolicyFile(_file.FilePath, reloadOnChange);
        return services.BuildServiceProvider();
    }
}
