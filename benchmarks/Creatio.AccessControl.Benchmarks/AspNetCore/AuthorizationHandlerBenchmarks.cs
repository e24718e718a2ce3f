using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Benchmarks.AspNetCore;

/// <summary>What the ASP.NET Core integration adds per request to an object check: the check alone, the check with the
/// request's principal resolved, and the same question through <see cref="IAuthorizationService"/> and the package's
/// handler, as the authorization middleware asks it (the <see cref="HttpContext"/> as resource).</summary>
/// <remarks>A small model (a role, a user, one object with operation permissions); the user may edit.</remarks>
[MemoryDiagnoser]
[MedianColumn]
public class AuthorizationHandlerBenchmarks
{
    private static readonly ObjectName s_object = new("Opportunity");

    private readonly IAuthorizationRequirement[] _requirements = [new ObjectAccessRequirement(s_object, ObjectOperation.Edit)];
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private IAccessEvaluator _evaluator = null!;
    private IAuthorizationService _authorization = null!;
    private IAuthorizationHandler[] _handlers = [];
    private ClaimsPrincipal _user = null!;
    private UserId _userId;
    private AccessPrincipal _principal;
    private DefaultHttpContext _request = null!;
    private DefaultHttpContext _fresh = null!;

    [GlobalSetup]
    public void Setup()
    {
        var sales = new RoleId(Guid.NewGuid());
        _userId = new UserId(Guid.NewGuid());
        AccessModel model = new AccessModelBuilder()
            .Add(new RoleDefinition(sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new UserDefinition(_userId, "Ann")).Add(new RoleMembership(_userId, sales))
            .Add(new ObjectDefinition(s_object) { UseOperationPermissions = true })
            .Add(new ObjectOperationRow(s_object, sales, Position: 0, ObjectOperations.All))
            .Add(new ObjectOperationRow(s_object, BuiltInRoles.AllEmployees, Position: 1, ObjectOperations.Read))
            .Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddCreatioAccessControl().UseModel(model).AddAspNetCore();
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new BenchmarkEnvironment());
        _services = services.BuildServiceProvider();
        _scope = _services.CreateScope();
        _evaluator = _services.GetRequiredService<IAccessEvaluator>();
        _authorization = _scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        _handlers = [.. _services.GetServices<IAuthorizationHandler>().Where(h => h.GetType().Assembly == typeof(ObjectAccessRequirement).Assembly)];
        _user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _userId.ToString())], "Benchmark"));
        _principal = _evaluator.GetPrincipal(_userId);
        _request = NewRequest();
        _fresh = NewRequest();
        if (!Through(_request).GetAwaiter().GetResult() || !CheckDirectly())
        {
            throw new InvalidOperationException("The benchmark's user must be allowed.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    /// <summary>The check on a principal resolved beforehand.</summary>
    [Benchmark(Baseline = true)]
    public bool CheckDirectly() => _principal.CheckObject(s_object, ObjectOperation.Edit).IsAllowed;

    /// <summary>The check with the principal resolved for the request, as a host without the package would do it.</summary>
    [Benchmark]
    public bool ResolveAndCheck() => _evaluator.GetPrincipal(_userId).CheckObject(s_object, ObjectOperation.Edit).IsAllowed;

    /// <summary>The package's four handlers alone, on a new handler context, the request's principal already resolved: what
    /// the package adds to ASP.NET Core's own authorization service.</summary>
    [Benchmark]
    public async Task<bool> HandlersSameRequest()
    {
        var context = new AuthorizationHandlerContext(_requirements, _user, _request);
        foreach (IAuthorizationHandler handler in _handlers)
        {
            await handler.HandleAsync(context);
        }

        return context.HasSucceeded;
    }

    /// <summary>Through the authorization service and the package's handler, the request's principal already resolved (a
    /// second requirement of the same request).</summary>
    [Benchmark]
    public Task<bool> AuthorizationServiceSameRequest() => Through(_request);

    /// <summary>Through the authorization service and the package's handler for a new request: the principal is resolved
    /// from the claims, then checked. The request object is reused (a host has one anyway); its principal is dropped.</summary>
    [Benchmark]
    public Task<bool> AuthorizationServiceNewRequest()
    {
        _fresh.Features.Set<CurrentAccessPrincipal>(null);
        return Through(_fresh);
    }

    private async Task<bool> Through(HttpContext request)
    {
        AuthorizationResult result = await _authorization.AuthorizeAsync(_user, request, _requirements);
        return result.Succeeded;
    }

    private DefaultHttpContext NewRequest() => new() { RequestServices = _scope.ServiceProvider, User = _user };

    private sealed class BenchmarkEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Benchmarks";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
