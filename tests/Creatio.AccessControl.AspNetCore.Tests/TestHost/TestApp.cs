using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore.Tests.TestHost;

/// <summary>A web app on a <see cref="TestServer"/> with the package, the test sign-in scheme and the endpoints most tests
/// call: real HTTP through the whole pipeline, nothing of the library mocked.</summary>
internal sealed class TestApp : IAsyncDisposable
{
    private TestApp(WebApplication app, LogCollector logs)
    {
        App = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public LogCollector Logs { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Builds and starts an app.</summary>
    /// <param name="source">Chooses the model's source; the test model by default.</param>
    /// <param name="options">Configures the integration.</param>
    /// <param name="services">Adds services.</param>
    /// <param name="endpoints">Maps endpoints besides the default ones.</param>
    /// <param name="environment">The host environment.</param>
    /// <param name="contentRoot">The content root; the current directory by default.</param>
    /// <param name="mapDefaults">Whether to map the endpoints most tests call.</param>
    public static async Task<TestApp> StartAsync(
        Action<IAccessControlBuilder>? source = null,
        Action<AccessControlAspNetCoreOptions>? options = null,
        Action<WebApplicationBuilder>? services = null,
        Action<WebApplication>? endpoints = null,
        string environment = "Development",
        string? contentRoot = null,
        bool mapDefaults = true)
    {
        WebApplication app = Build(source, options, services, endpoints, environment, contentRoot, out LogCollector logs, mapDefaults);
        await app.StartAsync();
        return new TestApp(app, logs);
    }

    /// <summary>Builds an app without starting it.</summary>
    public static WebApplication Build(
        Action<IAccessControlBuilder>? source,
        Action<AccessControlAspNetCoreOptions>? options,
        Action<WebApplicationBuilder>? services,
        Action<WebApplication>? endpoints,
        string environment,
        string? contentRoot,
        out LogCollector logs,
        bool mapDefaults = true)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = contentRoot ?? Directory.GetCurrentDirectory(),
        });
        builder.WebHost.UseTestServer();
        logs = new LogCollector();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(TestAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
        IAccessControlBuilder access = builder.Services.AddCreatioAccessControl();
        (source ?? (b => b.UseModel(TestModel.Build())))(access);
        access.AddAspNetCore(options ?? (_ => { }));
        builder.Services.AddHealthChecks().AddCreatioAccessControl();
        services?.Invoke(builder);

        WebApplication app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        if (mapDefaults)
        {
            MapDefaults(app);
        }

        endpoints?.Invoke(app);
        app.MapHealthChecks("/health");
        return app;
    }

    public static string[] As(UserId user, params (string Type, string Value)[] claims) =>
        [$"{ClaimTypes.NameIdentifier}={user}", .. claims.Select(c => $"{c.Type}={c.Value}")];

    public Task<HttpResponseMessage> GetAsync(string path, UserId? user = null) => SendAsync(HttpMethod.Get, path, user);

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, UserId? user = null, object? body = null) =>
        SendAsync(method, path, user is { } u ? As(u) : [], body);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string[] claims, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        foreach (string claim in claims)
        {
            request.Headers.Add(TestAuthenticationHandler.ClaimHeader, claim);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    private static void MapDefaults(WebApplication app)
    {
        app.MapGet("/opportunities", () => "list").RequireAccess(TestModel.Opportunity, ObjectOperation.Read);
        app.MapPost("/opportunities", () => "created").RequireAccess(TestModel.Opportunity, ObjectOperation.Create);
        app.MapGet("/opportunities/{id}", (RecordId id) => AccessResults.Record(
                TestModel.Opportunity, id, new OpportunityView(id.Value, "Deal", 100m, 0.25m, "not a column")))
            .RequireRecordAccess(TestModel.Opportunity, RecordOperation.Read);
        app.MapDelete("/opportunities/{id}", (RecordId id) => Results.NoContent())
            .RequireRecordAccess(TestModel.Opportunity, RecordOperation.Delete);
        app.MapPut("/deals/{deal}", (RecordId deal) => Results.NoContent())
            .RequireRecordAccess(TestModel.Opportunity, RecordOperation.Edit, "deal");
        app.MapPut("/opportunities/{id}", async (RecordId id, HttpContext http, IAuthorizationService authorization) =>
        {
            AuthorizationResult result = await authorization.AuthorizeAsync(
                http.User, id, new RecordAccessRequirement(TestModel.Opportunity, RecordOperation.Edit));
            return result.Succeeded ? Results.NoContent() : Results.Forbid();
        }).RequireAuthorization();
        app.MapGet("/approvals", () => "approvals").RequireSystemOperation(TestModel.ApproveDeals);
        app.MapGet("/currencies", () => "currencies").RequireAccess(TestModel.Currency, ObjectOperation.Read);
    }

    /// <summary>What the record page returns: four columns of the object and a property that is none.</summary>
    public sealed record OpportunityView(Guid Id, string Title, decimal Amount, decimal Margin, string Note);
}
