using System.Net;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Creatio.AccessControl.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Hosting;

/// <summary>A bad reload keeps the snapshot in use while requests go on, and turns the health check Degraded until a good
/// reload brings it back.</summary>
public sealed class ReloadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("creatio-ac-reload-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ABadReload_KeepsTheSnapshotWhileRequestsGoOn_AndHealthTurnsDegradedAndBack()
    {
        string path = Path.Combine(_directory, "access-policy.json");
        await File.WriteAllTextAsync(path, AccessPolicyJson.Serialize(Build()));
        await using TestApp app = await TestApp.StartAsync(source: a => a.UsePolicyFile(path));
        IAccessPolicyReloadStatus reload = app.Services.GetRequiredService<IAccessPolicyReloadStatus>();
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync(app)).Status);

        // Requests keep going while a broken file is reloaded: every one is answered by the snapshot in use.
        using var stop = new CancellationTokenSource();
        Task<List<HttpStatusCode>> requests = RequestUntilAsync(app, stop.Token);
        await File.WriteAllTextAsync(path, """{ "formatVersion": 1, "users": [ { "id": "not-a-guid", "name": "Ann" } ] }""");
        Assert.False(await reload.ReloadAsync());
        Assert.False(await reload.ReloadAsync());
        await stop.CancelAsync();
        List<HttpStatusCode> statuses = await requests;

        Assert.NotEmpty(statuses);
        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Forbidden, status));
        HealthReportEntry degraded = await HealthAsync(app);
        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Equal($"The last reload of `{path}` failed; snapshot version 1 stays in use.", degraded.Description);
        Assert.IsType<AccessModelValidationException>(degraded.Exception);
        Assert.Equal(path, degraded.Data["policyFile"]);
        Assert.Contains("not-a-guid", (string)degraded.Data["lastReloadError"], StringComparison.Ordinal);
        Assert.Equal("Degraded", await (await app.GetAsync("/health")).Content.ReadAsStringAsync());

        // A good file again: published as version 2 (Bob is a manager now, so he may create), and healthy.
        await File.WriteAllTextAsync(path, AccessPolicyJson.Serialize(Build(b => b.Add(new RoleMembership(Bob, SalesManagers)))));
        Assert.True(await reload.ReloadAsync());

        HealthReportEntry healthy = await HealthAsync(app);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Equal(2L, healthy.Data["version"]);
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Post, "/opportunities", Bob)).StatusCode);
        Assert.Equal("Healthy", await (await app.GetAsync("/health")).Content.ReadAsStringAsync());
    }

    internal static async Task<HealthReportEntry> HealthAsync(TestApp app)
    {
        HealthReport report = await app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[AccessControlHealthChecksBuilderExtensions.DefaultName];
    }

    private static async Task<List<HttpStatusCode>> RequestUntilAsync(TestApp app, CancellationToken stop)
    {
        var statuses = new List<HttpStatusCode>();
        do
        {
            // Bob may read but not create under the first model.
            using HttpResponseMessage response = await app.SendAsync(HttpMethod.Post, "/opportunities", Bob);
            statuses.Add(response.StatusCode);
        }
        while (!stop.IsCancellationRequested);

        return statuses;
    }
}
