using System.Net;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests;

/// <summary>A request whose identity carries a support grant claim is a support session: the grantor's permissions under the
/// support rules, never the identity's own.</summary>
public sealed class SupportSessionTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly s_today = DateOnly.FromDateTime(s_now.UtcDateTime);
    private static readonly SupportGrantId s_isolated = new(new Guid("00000000-0000-4000-8000-0000000d0001"));
    private static readonly SupportGrantId s_withData = new(new Guid("00000000-0000-4000-8000-0000000d0002"));
    private static readonly SupportGrantId s_inactive = new(new Guid("00000000-0000-4000-8000-0000000d0003"));

    [Theory]
    [InlineData("isolated", "GET", "/opportunities", HttpStatusCode.Forbidden, "SupportDataIsolation")]
    [InlineData("isolated", "GET", "/currencies", HttpStatusCode.OK, null)]
    [InlineData("withData", "GET", "/opportunities/00000000-0000-4000-8000-00000000c003", HttpStatusCode.OK, null)]
    [InlineData("withData", "DELETE", "/opportunities/00000000-0000-4000-8000-00000000c003", HttpStatusCode.NoContent, null)]
    [InlineData("withData", "GET", "/approvals", HttpStatusCode.Forbidden, null)]
    [InlineData("inactive", "GET", "/currencies", HttpStatusCode.Forbidden, "SupportGrantInactive")]
    [InlineData("unknown", "GET", "/currencies", HttpStatusCode.Forbidden, "UnknownSupportGrant")]
    public async Task SupportSession_IsDecidedAsTheGrantorUnderTheSupportRules(string grant, string method, string path, HttpStatusCode status, string? reason)
    {
        await using TestApp app = await StartAsync(new FakeTimeProvider(s_now));
        SupportGrantId id = grant switch
        {
            "isolated" => s_isolated,
            "withData" => s_withData,
            "inactive" => s_inactive,
            _ => new SupportGrantId(Guid.NewGuid()),
        };

        using HttpResponseMessage response = await app.SendAsync(new HttpMethod(method), path, [$"{AccessClaimTypes.SupportGrant}={id}"]);

        Assert.Equal(status, response.StatusCode);
        if (reason is not null)
        {
            Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SupportGrantClaim_WinsOverTheUserIdClaim()
    {
        await using TestApp app = await StartAsync(new FakeTimeProvider(s_now));

        // Ann may read opportunities; in a session under the isolated grant, nobody may.
        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/opportunities", TestApp.As(Ann, (AccessClaimTypes.SupportGrant, s_isolated.ToString())));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task ASupportGrantClaimThatIsNotAnId_DeniesEverything_NeverFallingBackToTheUser()
    {
        await using TestApp app = await StartAsync(new FakeTimeProvider(s_now));

        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/currencies", TestApp.As(Ann, (AccessClaimTypes.SupportGrant, "garbage")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 121 && e.Message.Contains("`garbage`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnExpiredGrant_IsDeniedAtTheNextRequest()
    {
        var time = new FakeTimeProvider(s_now);
        await using TestApp app = await StartAsync(time);
        string[] claims = [$"{AccessClaimTypes.SupportGrant}={s_isolated}"];
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Get, "/currencies", claims)).StatusCode);

        time.Advance(TimeSpan.FromDays(6));
        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/currencies", claims);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("SupportGrantExpired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupportClaimTypes_AreConfigurable()
    {
        await using TestApp app = await StartAsync(new FakeTimeProvider(s_now), o => o.SupportGrantClaimType = "grant");

        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/opportunities", [$"grant={s_isolated}"]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("SupportDataIsolation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<TestApp> StartAsync(FakeTimeProvider time, Action<AccessControlAspNetCoreOptions>? options = null) => TestApp.StartAsync(
        source: access => access.UseModel(Build(b => b
            .Add(new SupportAccessGrant(s_isolated, "Ticket 1", s_today, s_today.AddDays(5), Carol, Carol))
            .Add(new SupportAccessGrant(s_withData, "Ticket 2", s_today, s_today.AddDays(5), Carol, Carol)
            {
                DenyDataAccess = false,
                Level = SupportAccessLevel.Manage,
            })
            .Add(new SupportAccessGrant(s_inactive, "Ticket 3", s_today, s_today.AddDays(5), Carol, Carol) { IsActive = false }))),
        options: options,
        services: b => b.Services.AddSingleton<TimeProvider>(time));
}
