using System.Net;
using System.Text.Json;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>A denial answers 403 with a problem details body whose detail level is configurable; nobody signed in answers 401
/// with one too.</summary>
public sealed class ProblemDetailsTests
{
    [Fact]
    public async Task Development_ByDefault_SaysEverything()
    {
        await using TestApp app = await TestApp.StartAsync(environment: "Development");

        JsonElement body = await ForbiddenBodyAsync(app, HttpMethod.Post, "/opportunities", Bob);

        Assert.Equal(403, body.GetProperty("status").GetInt32());
        Assert.Equal("Forbidden", body.GetProperty("title").GetString());
        Assert.Equal("Object", body.GetProperty("stage").GetString());
        Assert.Equal("ObjectRowDenies", body.GetProperty("reason").GetString());
        Assert.Equal("Create Opportunity", body.GetProperty("request").GetString());
        Assert.Equal(BuiltInRoles.AllEmployees.Value.ToString(), body.GetProperty("grantee").GetString());
        Assert.Equal(1, body.GetProperty("position").GetInt32());
        Assert.Equal(1, body.GetProperty("snapshotVersion").GetInt64());
        Assert.Equal(
            $"Create Opportunity: Deny at Object: ObjectRowDenies (grantee {BuiltInRoles.AllEmployees.Value}, position 1)",
            body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Production_ByDefault_SaysOnlyTheStatus()
    {
        await using TestApp app = await TestApp.StartAsync(environment: "Production");

        JsonElement body = await ForbiddenBodyAsync(app, HttpMethod.Post, "/opportunities", Bob);

        Assert.Equal(403, body.GetProperty("status").GetInt32());
        Assert.Equal("Forbidden", body.GetProperty("title").GetString());
        Assert.False(body.TryGetProperty("detail", out _));
        Assert.False(body.TryGetProperty("stage", out _));
        Assert.False(body.TryGetProperty("reason", out _));
        Assert.False(body.TryGetProperty("request", out _));
    }

    [Fact]
    public async Task ReasonLevel_SaysTheStageAndReason_NotTheRequestNorTheRow()
    {
        await using TestApp app = await TestApp.StartAsync(options: o => o.DenialDetail = AccessDenialDetail.Reason, environment: "Production");

        JsonElement body = await ForbiddenBodyAsync(app, HttpMethod.Get, $"/opportunities/{AnnsDeal}", Bob);

        Assert.Equal("Record", body.GetProperty("stage").GetString());
        Assert.Equal("NoRecordRight", body.GetProperty("reason").GetString());
        Assert.Equal("Denied at Record: NoRecordRight.", body.GetProperty("detail").GetString());
        Assert.False(body.TryGetProperty("request", out _));
        Assert.False(body.TryGetProperty("grantee", out _));
        Assert.DoesNotContain(AnnsDeal.ToString(), body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoneLevel_InDevelopment_SaysOnlyTheStatus()
    {
        await using TestApp app = await TestApp.StartAsync(options: o => o.DenialDetail = AccessDenialDetail.None, environment: "Development");

        JsonElement body = await ForbiddenBodyAsync(app, HttpMethod.Get, "/approvals", Bob);

        Assert.False(body.TryGetProperty("reason", out _));
        Assert.False(body.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task NobodySignedIn_Answers401WithProblemDetails()
    {
        await using TestApp app = await TestApp.StartAsync();

        using HttpResponseMessage response = await app.GetAsync("/approvals");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, body.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Sign in to access this resource.", body.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AnEndpointWithoutAccessRequirements_KeepsTheAppsOwn401()
    {
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/plain", () => "plain").RequireAuthorization());

        using HttpResponseMessage response = await app.GetAsync("/plain");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AProblemDetailsService_WritesTheBody_WithTheAppsCustomization()
    {
        await using TestApp app = await TestApp.StartAsync(services: b => b.Services.AddProblemDetails(
            o => o.CustomizeProblemDetails = c => c.ProblemDetails.Extensions["app"] = "customized"));

        JsonElement body = await ForbiddenBodyAsync(app, HttpMethod.Post, "/opportunities", Bob);

        Assert.Equal("customized", body.GetProperty("app").GetString());
        Assert.Equal("ObjectRowDenies", body.GetProperty("reason").GetString());
    }

    private static async Task<JsonElement> ForbiddenBodyAsync(TestApp app, HttpMethod method, string path, UserId user)
    {
        using HttpResponseMessage response = await app.SendAsync(method, path, user);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
