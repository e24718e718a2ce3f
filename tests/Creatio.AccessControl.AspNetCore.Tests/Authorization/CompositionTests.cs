using System.Net;
using System.Security.Claims;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>Access requirements compose with the app's other authorization: its policies, <c>[AllowAnonymous]</c>, its own
/// policy provider and result handler.</summary>
public sealed class CompositionTests
{
    [Fact]
    public async Task AccessAndAnAppPolicy_BothMustPass()
    {
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/both", () => "both")
            .RequireAccess(Opportunity, ObjectOperation.Read)
            .RequireAuthorization(p => p.RequireClaim("department", "sales")));

        using HttpResponseMessage withoutClaim = await app.SendAsync(HttpMethod.Get, "/both", TestApp.As(Bob));
        using HttpResponseMessage withClaim = await app.SendAsync(HttpMethod.Get, "/both", TestApp.As(Bob, ("department", "sales")));
        using HttpResponseMessage deniedAccess = await app.SendAsync(HttpMethod.Get, "/both", TestApp.As(Ian, ("department", "sales")));

        Assert.Equal(HttpStatusCode.Forbidden, withoutClaim.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withClaim.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedAccess.StatusCode);
        Assert.Contains("InactiveUser", await deniedAccess.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowAnonymous_OverridesAccessRequirements()
    {
        await using TestApp app = await TestApp.StartAsync(endpoints: a => a.MapGet("/open", () => "open")
            .RequireAccess(Opportunity, ObjectOperation.Delete)
            .AllowAnonymous());

        using HttpResponseMessage response = await app.GetAsync("/open", Bob);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheAppsNamedAndFallbackPolicies_KeepWorking()
    {
        await using TestApp app = await TestApp.StartAsync(
            services: b => b.Services.AddAuthorization(o => o.AddPolicy("Sellers", p => p.RequireClaim("department", "sales"))),
            endpoints: a => a.MapGet("/sellers", () => "sellers").RequireAuthorization("Sellers"));

        using HttpResponseMessage without = await app.SendAsync(HttpMethod.Get, "/sellers", TestApp.As(Bob));
        using HttpResponseMessage with = await app.SendAsync(HttpMethod.Get, "/sellers", TestApp.As(Bob, ("department", "sales")));

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task APolicyProviderRegisteredBefore_IsAskedForEveryOtherName()
    {
        await using TestApp app = await TestApp.StartAsync(
            source: access =>
            {
                access.Services.AddAuthorization();
                access.Services.AddSingleton<IAuthorizationPolicyProvider, DepartmentPolicyProvider>();
                access.UseModel(Build());
            },
            endpoints: a =>
            {
                a.MapGet("/department", () => "department").RequireAuthorization("Department:sales");
                a.MapGet("/named", () => "named").RequireAuthorization(AccessPolicyNames.Object(Opportunity, ObjectOperation.Create));
            });

        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Get, "/department", TestApp.As(Bob, ("department", "sales")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Get, "/department", TestApp.As(Bob))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.GetAsync("/named", Ann)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.GetAsync("/named", Bob)).StatusCode);
    }

    [Fact]
    public async Task AResultHandlerRegisteredBefore_AnswersEveryOtherFailure()
    {
        await using TestApp app = await TestApp.StartAsync(
            source: access =>
            {
                access.Services.AddAuthorization();
                access.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, TeapotResultHandler>();
                access.UseModel(Build());
            },
            endpoints: a => a.MapGet("/claim", () => "claim").RequireAuthorization(p => p.RequireClaim("department")));

        using HttpResponseMessage other = await app.GetAsync("/claim", Bob);
        using HttpResponseMessage access = await app.SendAsync(HttpMethod.Post, "/opportunities", Bob);
        using HttpResponseMessage allowed = await app.GetAsync("/opportunities", Bob);

        Assert.Equal((HttpStatusCode)418, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, access.StatusCode);
        Assert.Equal((HttpStatusCode)418, allowed.StatusCode);
    }

    [Fact]
    public async Task AddAspNetCore_Twice_RegistersNothingTwice()
    {
        await using TestApp app = await TestApp.StartAsync(services: b => b.Services.AddCreatioAccessControl().AddAspNetCore(o => o.DenialDetail = AccessDenialDetail.Reason));

        Assert.Equal(4, app.Services.GetServices<IAuthorizationHandler>().Count(h => h.GetType().Assembly == typeof(ObjectAccessRequirement).Assembly));
        Assert.Single(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Assembly == typeof(ObjectAccessRequirement).Assembly);
        Assert.Equal(AccessDenialDetail.Reason, app.Services.GetRequiredService<IOptions<AccessControlAspNetCoreOptions>>().Value.DenialDetail);

        // One wrapping layer: the app's default provider answers the names the package does not make.
        Assert.Null(await app.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync("Unknown"));
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Post, "/opportunities", Bob)).StatusCode);
    }

    /// <summary>The app's own provider: <c>Department:{name}</c> requires that department's claim.</summary>
    private sealed class DepartmentPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
    {
        public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName) =>
            policyName.StartsWith("Department:", StringComparison.Ordinal)
                ? new AuthorizationPolicyBuilder().RequireClaim("department", policyName["Department:".Length..]).Build()
                : await base.GetPolicyAsync(policyName);
    }

    /// <summary>The app's own result handler: answers every result with 418, so that a test sees who answered.</summary>
    private sealed class TeapotResultHandler : IAuthorizationMiddlewareResultHandler
    {
        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            context.Response.StatusCode = 418;
            return Task.CompletedTask;
        }
    }
}
