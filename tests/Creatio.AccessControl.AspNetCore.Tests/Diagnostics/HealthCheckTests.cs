using Creatio.AccessControl.AspNetCore.Tests.Hosting;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Diagnostics;

/// <summary>The health check reports the model loaded, its version and age, the last reload error and whether its source answers.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task ALoadedModel_IsHealthy_WithItsVersionAndAge()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using TestApp app = await TestApp.StartAsync(services: b => b.Services.AddSingleton<TimeProvider>(time));
        time.Advance(TimeSpan.FromSeconds(90));

        HealthReportEntry entry = await ReloadTests.HealthAsync(app);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("Snapshot version 1 is in use.", entry.Description);
        Assert.Equal(1L, entry.Data["version"]);
        Assert.Equal(90.0, entry.Data["ageSeconds"]);
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", entry.Data["loadedAt"]);
        Assert.Equal(5, entry.Data["users"]);
    }

    [Fact]
    public async Task AnOldModel_IsDegraded_UntilANewVersionIsPublished()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using TestApp app = await TestApp.StartAsync(services: b =>
        {
            b.Services.AddSingleton<TimeProvider>(time);
            b.Services.AddHealthChecks().AddCreatioAccessControl("aged", configure: o => o.MaxModelAge = TimeSpan.FromMinutes(5));
        });
        time.Advance(TimeSpan.FromMinutes(6));

        HealthReport old = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        AccessEvaluator evaluator = app.Services.GetRequiredService<AccessEvaluator>();
        await evaluator.ReplaceAsync(AccessSnapshot.Compile(Build()));
        HealthReport fresh = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Degraded, old.Entries["aged"].Status);
        Assert.Equal("Snapshot version 1 is 360 s old, more than the 300 s allowed.", old.Entries["aged"].Description);
        Assert.Equal(HealthStatus.Healthy, old.Entries[AccessControlHealthChecksBuilderExtensions.DefaultName].Status);
        Assert.Equal(HealthStatus.Healthy, fresh.Entries["aged"].Status);
        Assert.Equal(0.0, fresh.Entries["aged"].Data["ageSeconds"]);
    }

    [Fact]
    public async Task AStoreThatDoesNotAnswer_IsDegraded_AndBack()
    {
        var settings = new SwitchableSettingsStore();
        await using TestApp app = await TestApp.StartAsync(services: b => b.Services.Replace(ServiceDescriptor.Singleton<ISettingsStore>(settings)));

        settings.Broken = true;
        HealthReportEntry broken = await ReloadTests.HealthAsync(app);
        settings.Broken = false;
        HealthReportEntry back = await ReloadTests.HealthAsync(app);

        Assert.Equal(HealthStatus.Degraded, broken.Status);
        Assert.Equal("The access model's source does not answer; snapshot version 1 stays in use.", broken.Description);
        Assert.Equal("The database is down.", broken.Data["sourceError"]);
        Assert.Equal(HealthStatus.Healthy, back.Status);
    }

    [Fact]
    public async Task APolicyFileThatIsGone_IsDegraded()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("creatio-ac-health-").FullName, "access-policy.json");
        await File.WriteAllTextAsync(path, Creatio.AccessControl.Serialization.AccessPolicyJson.Serialize(Build()));
        await using TestApp app = await TestApp.StartAsync(source: a => a.UsePolicyFile(path));

        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        HealthReportEntry entry = await ReloadTests.HealthAsync(app);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.IsType<FileNotFoundException>(entry.Exception);
    }

    [Fact]
    public async Task AModelThatCannotLoad_IsUnhealthy_WithTheRegistrationsFailureStatus()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCreatioAccessControl().UsePolicyFile(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.json"));
        services.AddHealthChecks()
            .AddCreatioAccessControl()
            .AddCreatioAccessControl("soft", failureStatus: HealthStatus.Degraded, tags: ["access"]);
        await using ServiceProvider provider = services.BuildServiceProvider();

        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Entries[AccessControlHealthChecksBuilderExtensions.DefaultName].Status);
        Assert.Equal("The access model is not loaded.", report.Entries[AccessControlHealthChecksBuilderExtensions.DefaultName].Description);
        Assert.IsType<FileNotFoundException>(report.Entries["soft"].Exception);
        Assert.Equal(HealthStatus.Degraded, report.Entries["soft"].Status);
        Assert.Equal(["access"], report.Entries["soft"].Tags);
    }

    [Fact]
    public void MaxModelAge_NotPositive_Throws()
    {
        IHealthChecksBuilder builder = new ServiceCollection().AddHealthChecks();

        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddCreatioAccessControl(configure: o => o.MaxModelAge = TimeSpan.Zero));
    }

    /// <summary>A settings store whose database can be switched off.</summary>
    private sealed class SwitchableSettingsStore : ISettingsStore
    {
        public bool Broken { get; set; }

        public ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken) =>
            Broken ? throw new IOException("The database is down.") : ValueTask.FromResult(AccessSettings.Default);
    }
}
