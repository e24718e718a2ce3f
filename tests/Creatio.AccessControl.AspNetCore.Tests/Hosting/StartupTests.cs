using System.Net;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore.Tests.Hosting;

/// <summary>The model is loaded and validated while the host starts: a bad model or bad options stop start-up listing every
/// problem, before the server takes a request.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("creatio-ac-startup-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task ABadPolicyFile_StopsStartUp_ListingEveryProblem()
    {
        string path = Path.Combine(_directory, "access-policy.json");
        await File.WriteAllTextAsync(path, """
            {
              "formatVersion": 1,
              "users": [ { "id": "00000000-0000-4000-8000-0000000a0001", "name": "Ann" } ],
              "memberships": [
                { "user": "00000000-0000-4000-8000-0000000a0001", "role": "00000000-0000-4000-8000-0000000b00aa" },
                { "user": "00000000-0000-4000-8000-0000000a0001", "role": "00000000-0000-4000-8000-0000000b00bb" }
              ],
              "objectOperationRows": [
                { "object": "Nowhere", "grantee": "00000000-0000-4000-8000-0000000a0001", "position": 0, "operations": [ "Read" ] }
              ]
            }
            """);
        WebApplication app = TestApp.Build(a => a.UsePolicyFile(path), null, null, null, "Production", null, out LogCollector logs);

        AccessModelValidationException error = await Assert.ThrowsAsync<AccessModelValidationException>(() => app.StartAsync());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.True(error.Errors.Count >= 3, error.Message);
        Assert.Contains("00000000-0000-4000-8000-0000000b00aa", error.Message, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-0000000b00bb", error.Message, StringComparison.Ordinal);
        Assert.Contains("`Nowhere`", error.Message, StringComparison.Ordinal);
        LogCollector.LogEntry entry = Assert.Single(logs.Entries, e => e.EventId.Id == 101);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Same(error, entry.Exception);
        Assert.DoesNotContain(logs.Entries, e => e.Message.StartsWith("Application started", StringComparison.Ordinal));
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("Access:Recrod:Opportunity:Read")]          // a misspelt kind
    [InlineData("Access:Object:Opportunity:edit")]          // an operation not spelt as ObjectOperation spells it
    [InlineData("Access:Object:Opportunity:2")]             // an operation by number
    [InlineData("access:record:Opportunity")]               // no operation
    public async Task AnEndpointNamingAnAccessPolicyThePackageCannotRead_StopsStartUp_NamingItAndTheEndpoint(string policy)
    {
        WebApplication app = TestApp.Build(
            null, null, null, a => a.MapGet("/misnamed", () => "ok").RequireAuthorization(policy), "Production", null, out LogCollector logs);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains($"({policy})", error.Message, StringComparison.Ordinal);
        Assert.Contains("/misnamed", error.Message, StringComparison.Ordinal);
        Assert.Contains("AccessPolicyNames", error.Message, StringComparison.Ordinal);
        LogCollector.LogEntry entry = Assert.Single(logs.Entries, e => e.EventId.Id == 103);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Same(error, entry.Exception);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task AnAccessPolicyTheAppDefines_AndThePackagesOwnNames_StartTheHost()
    {
        await using TestApp app = await TestApp.StartAsync(
            services: b => b.Services.AddAuthorization(o => o.AddPolicy("Access:Audit", p => p.RequireAuthenticatedUser())),
            endpoints: a =>
            {
                a.MapGet("/audit", () => "ok").RequireAuthorization("Access:Audit");
                a.MapGet("/named/{id}", () => "ok").RequireAuthorization(AccessPolicyNames.Record(TestModel.Opportunity, RecordOperation.Read));
                a.MapGet("/other", () => "ok").RequireAuthorization("AccessControlAdmins");
            });

        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Get, "/audit", TestApp.As(TestModel.Bob))).StatusCode);
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id == 103);
    }

    [Fact]
    public async Task AMissingPolicyFile_StopsStartUp()
    {
        string path = Path.Combine(_directory, "missing.json");
        WebApplication app = TestApp.Build(a => a.UsePolicyFile(path), null, null, null, "Production", null, out _);

        FileNotFoundException error = await Assert.ThrowsAsync<FileNotFoundException>(() => app.StartAsync());

        Assert.Contains("missing.json", error.Message, StringComparison.Ordinal);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task BadOptions_StopStartUp_ListingEveryProblem()
    {
        WebApplication app = TestApp.Build(
            null, o => { o.UserIdClaimType = " "; o.SupportGrantClaimType = ""; o.DenialDetail = (AccessDenialDetail)9; }, null, null, "Production", null, out _);

        OptionsValidationException error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(
            [
                "Property UserIdClaimType: must not be empty or white space; it is ` `.",
                "Property SupportGrantClaimType: must not be empty or white space; it is ``.",
                "Property DenialDetail: `9` is not a defined AccessDenialDetail value.",
            ],
            error.Failures);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task ARelativePolicyPath_IsReadFromTheContentRoot_NotTheCurrentDirectory()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "relative-policy.json"), Creatio.AccessControl.Serialization.AccessPolicyJson.Serialize(TestModel.Build()));
        Assert.False(File.Exists(Path.GetFullPath("relative-policy.json")));

        await using TestApp app = await TestApp.StartAsync(source: a => a.UsePolicyFile("relative-policy.json"), contentRoot: _directory);

        Assert.Equal(Path.Combine(_directory, "relative-policy.json"), app.Services.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/opportunities", TestModel.Bob)).StatusCode);
    }

    [Fact]
    public async Task ABasePathTheAppSets_WinsOverTheContentRoot()
    {
        string elsewhere = Directory.CreateDirectory(Path.Combine(_directory, "elsewhere")).FullName;
        await File.WriteAllTextAsync(Path.Combine(elsewhere, "access-policy.json"), Creatio.AccessControl.Serialization.AccessPolicyJson.Serialize(TestModel.Build()));

        await using TestApp app = await TestApp.StartAsync(
            source: a => a.UsePolicyFile("access-policy.json"),
            services: b => b.Services.Configure<AccessControlOptions>(o => o.PolicyFileBasePath = elsewhere),
            contentRoot: _directory);

        Assert.Equal(Path.Combine(elsewhere, "access-policy.json"), app.Services.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
    }

    [Fact]
    public async Task AGoodModel_IsLoadedBeforeTheFirstRequest_AndLogged()
    {
        await using TestApp app = await TestApp.StartAsync();

        LogCollector.LogEntry entry = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 100);
        Assert.Equal("Access model loaded at start-up: snapshot version 1, 5 users, 2 objects.", entry.Message);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/opportunities", TestModel.Bob)).StatusCode);
    }
}
