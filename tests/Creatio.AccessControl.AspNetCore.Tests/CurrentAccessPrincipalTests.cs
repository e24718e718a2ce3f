using System.Net;
using System.Net.Http.Json;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests;

/// <summary>Who is asking: the user id from a configurable claim, one principal per request resolved once, reachable from
/// <see cref="HttpContext"/> and dependency injection.</summary>
public sealed class CurrentAccessPrincipalTests
{
    [Fact]
    public async Task OnePrincipalPerRequest_FromHttpContextAndInjection()
    {
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/same", (HttpContext http, CurrentAccessPrincipal injected) =>
        {
            CurrentAccessPrincipal fromContext = http.GetCurrentAccess();
            return new { same = ReferenceEquals(fromContext, injected), user = injected.UserId?.ToString(), signedIn = injected.IsSignedIn };
        }).RequireAccess(Opportunity, ObjectOperation.Read));

        SameView? body = await (await app.GetAsync("/same", Bob)).Content.ReadFromJsonAsync<SameView>();

        Assert.Equal(new SameView(true, Bob.ToString(), true), body);
    }

    [Fact]
    public async Task Principal_KeepsItsSnapshot_ForTheWholeRequest()
    {
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/publish", async (HttpContext http, AccessEvaluator evaluator) =>
        {
            AccessPrincipal before = http.GetAccessPrincipal();
            await evaluator.ReplaceAsync(AccessSnapshot.Compile(Build()));
            AccessPrincipal after = http.GetAccessPrincipal();
            return new[] { before.Snapshot!.Version, after.Snapshot!.Version, evaluator.Snapshot.Version };
        }).RequireAccess(Opportunity, ObjectOperation.Read));

        long[]? versions = await (await app.GetAsync("/publish", Bob)).Content.ReadFromJsonAsync<long[]>();

        Assert.Equal([1L, 1L, 2L], versions!);
    }

    [Fact]
    public async Task UserIdClaimType_IsConfigurable()
    {
        await using TestApp app = await TestApp.StartAsync(options: o => o.UserIdClaimType = "sub");

        using HttpResponseMessage bySub = await app.SendAsync(HttpMethod.Get, "/approvals", [$"sub={Ann}"]);
        using HttpResponseMessage byNameIdentifier = await app.GetAsync("/approvals", Ann);

        Assert.Equal(HttpStatusCode.OK, bySub.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byNameIdentifier.StatusCode);
        Assert.Contains("UnknownUser", await byNameIdentifier.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignedInUserWithoutAUserId_IsAnUnknownUser_AndIsLogged()
    {
        await using TestApp app = await TestApp.StartAsync();

        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/opportunities", ["name=someone", $"{System.Security.Claims.ClaimTypes.NameIdentifier}=not-a-guid"]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("UnknownUser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        LogCollector.LogEntry entry = Assert.Single(app.Logs.Entries, e => e.EventId.Id == 120);
        Assert.Contains("`not-a-guid`", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actor_IsTheUser_OrTheSupportGrant()
    {
        var grant = new SupportGrantId(Guid.NewGuid());
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/actor", (CurrentAccessPrincipal current) => current.Actor?.ToString() ?? "none"));

        string user = await (await app.GetAsync("/actor", Bob)).Content.ReadAsStringAsync();
        string support = await (await app.SendAsync(HttpMethod.Get, "/actor", [$"{AccessClaimTypes.SupportGrant}={grant}"])).Content.ReadAsStringAsync();
        string nobody = await (await app.GetAsync("/actor")).Content.ReadAsStringAsync();

        Assert.Equal(AccessActor.ForUser(Bob).ToString(), user);
        Assert.Equal(AccessActor.ForSupportSession(grant).ToString(), support);
        Assert.Equal("none", nobody);
    }

    [Fact]
    public async Task OutsideARequest_TheInjectedPrincipalIsNobody()
    {
        await using TestApp app = await TestApp.StartAsync();
        using IServiceScope scope = app.Services.CreateScope();

        CurrentAccessPrincipal current = scope.ServiceProvider.GetRequiredService<CurrentAccessPrincipal>();

        Assert.False(current.IsSignedIn);
        Assert.Null(current.UserId);
        Assert.False(current.Principal.CheckObject(Opportunity, ObjectOperation.Read).IsAllowed);
    }

    private sealed record SameView(bool Same, string? User, bool SignedIn);
}
