using Creatio.AccessControl.Tests.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 3 (the reload status half): a reload that failed with anything but a validation or I/O error
/// escaped, and <see cref="IAccessPolicyReloadStatus"/> kept showing the previous error and time.</summary>
public sealed class Issue13_PublishReloadStatusTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly PolicyFileFixture _file = new();
    private readonly FakeTimeProvider _clock = new(s_start);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ReloadAsync_DocumentWithALoneSurrogateAfterABadFile_ReportsThisErrorAtThisTimeAndKeepsTheSnapshot()
    {
        _file.Write(PolicyFileFixture.Model());
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddCreatioAccessControl().UsePolicyFile(_file.FilePath);
        using ServiceProvider provider = services.BuildServiceProvider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        AccessSnapshot good = evaluator.Snapshot;
        _file.Write(PolicyFileFixture.BadDocument);
        await reload.ReloadAsync();
        Exception? first = reload.LastReloadError;
        _clock.Advance(TimeSpan.FromMinutes(1));
        _file.Write("""{ "formatVersion": 1, "users": [ { "id": "00000000-0000-0000-0000-000000000001", "name": "\ud800" } ] }""");

        bool published = await reload.ReloadAsync();

        Assert.False(published);
        Assert.NotNull(first);
        Assert.NotNull(reload.LastReloadError);
        Assert.NotSame(first, reload.LastReloadError);
        Assert.Equal(s_start.AddMinutes(1), reload.LastReloadAt);
        Assert.Same(good, evaluator.Snapshot);
    }
}
