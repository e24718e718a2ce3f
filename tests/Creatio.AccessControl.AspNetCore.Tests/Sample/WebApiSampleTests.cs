using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebApi;
using WebApi.Data;

namespace Creatio.AccessControl.AspNetCore.Tests.Sample;

/// <summary>samples/WebApi, started by <see cref="WebApplicationFactory{TEntryPoint}"/> as its tests would start it: its tour
/// passes, and its policy file is read from its content root, so a broken one there stops it.</summary>
public sealed class WebApiSampleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("creatio-ac-sample-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Tour_Passes()
    {
        await using var factory = new WebApplicationFactory<Program>();

        int failures = await SelfCheck.RunAsync(factory.CreateClient());

        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Sample_KeepsOneCopyOfTheRights_TheDatabase()
    {
        await using var factory = new WebApplicationFactory<Program>();
        HttpClient client = factory.CreateClient();
        AccessModel model = factory.Services.GetRequiredService<IAccessEvaluator>().Snapshot.Model;
        using var share = new HttpRequestMessage(HttpMethod.Post, new Uri("/opportunities/00000000-0000-4000-8000-00000000c002/shares", UriKind.Relative))
        {
            Content = JsonContent.Create(new { grantee = "00000000-0000-4000-8000-0000000a0002", operation = "Edit" }),
        };
        share.Headers.Add(WebApi.Development.DevelopmentAuthenticationHandler.UserHeader, "Ann");

        using HttpResponseMessage response = await client.SendAsync(share);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(model.Records, r => r.Object == OpportunityStore.ObjectName);   // the policy holds none
        Assert.Same(model, factory.Services.GetRequiredService<IAccessEvaluator>().Snapshot.Model);   // nothing published
        await using AsyncServiceScope scope = factory.Services.CreateAsyncScope();
        SalesDbContext db = scope.ServiceProvider.GetRequiredService<SalesDbContext>();
        Assert.Contains(await db.Set<EntityRecordRight>().AsNoTracking().ToListAsync(), r =>
            r.RecordId == new Guid("00000000-0000-4000-8000-00000000c002") && r.GranteeId == new Guid("00000000-0000-4000-8000-0000000a0002")
            && r.Operation == (short)RecordOperation.Edit);
    }

    [Fact]
    public async Task Health_ReportsTheSnapshot()
    {
        await using var factory = new WebApplicationFactory<Program>();

        using HttpResponseMessage response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        JsonElement check = body.RootElement.GetProperty("checks").GetProperty("creatio-access-control");
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Equal(1, check.GetProperty("data").GetProperty("version").GetInt64());
        Assert.EndsWith("access-policy.json", check.GetProperty("data").GetProperty("policyFile").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABrokenPolicyFileInTheContentRoot_StopsTheSample()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "access-policy.json"), """
            { "formatVersion": 1, "users": [ { "id": "00000000-0000-4000-8000-0000000a0001", "name": "Ann" } ],
              "memberships": [ { "user": "00000000-0000-4000-8000-0000000a0001", "role": "00000000-0000-4000-8000-0000000b0009" } ] }
            """);
        await using WebApplicationFactory<Program> factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseContentRoot(_directory));

        AccessModelValidationException error = Assert.Throws<AccessModelValidationException>(() => factory.CreateClient());

        Assert.Contains(Path.Combine(_directory, "access-policy.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains("00000000-0000-4000-8000-0000000b0009", error.Message, StringComparison.Ordinal);
    }
}
