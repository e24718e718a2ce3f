using System.Text.Json.Serialization;
using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using WebApi;
using WebApi.Data;
using WebApi.Development;

// A web API protected by Creatio.AccessControl. Try it with curl (see samples/README.md), or run
// `dotnet run --project samples/WebApi -- --self-check` to start it on a free port, ask it the questions below and stop.
WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
bool selfCheck = args.Contains("--self-check");
if (selfCheck)
{
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
}

// Who is asking: a development scheme signs requests in by a header. Use your real authentication instead.
builder.Services.AddAuthentication(DevelopmentAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, DevelopmentAuthenticationHandler>(DevelopmentAuthenticationHandler.SchemeName, null);

// The app's database (in-memory SQLite here), with a context per request. It holds the one copy of the opportunities'
// records and rights: the policy declares Opportunity "keepsRecordsInDatabase".
builder.Services.AddSingleton<SalesDatabase>();
builder.Services.AddDbContext<SalesDbContext>((services, options) => options.UseSqlite(services.GetRequiredService<SalesDatabase>().ConnectionString));
builder.Services.AddScoped<OpportunityStore>();

// The access model: a policy file beside the app (relative to the content root), reloaded when it changes. A broken file
// stops start-up; a broken change keeps the model in use and turns /health Degraded. Denials say the stage and reason.
// UseEntityFrameworkCoreRecordRights: record checks read the request's SalesDbContext, and the administration API writes
// shares and new records to it.
builder.Services.AddCreatioAccessControl()
    .UsePolicyFile("access-policy.json", reloadOnChange: true)
    .UseEntityFrameworkCoreRecordRights<SalesDbContext>()
    .AddAspNetCore(options => options.DenialDetail = AccessDenialDetail.Reason);
builder.Services.AddHealthChecks().AddCreatioAccessControl();
builder.Services.AddProblemDetails();
builder.Services.AddControllers();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

WebApplication app = builder.Build();
app.Services.GetRequiredService<SalesDatabase>();   // created and seeded before the first request
app.UseAuthentication();
app.UseAuthorization();

// Who am I: the request's principal, resolved once from the claims.
app.MapGet("/me", (CurrentAccessPrincipal current) => new
{
    user = current.UserId?.ToString(),
    supportGrant = current.SupportGrant?.ToString(),
    supportSession = current.SupportSession?.ToString(),
    snapshotVersion = current.Snapshot.Version,
}).RequireAuthorization();

// A list filtered by record permissions in the database (Creatio.AccessControl.EntityFrameworkCore): one SQL query returns
// only the records the user may read; each is returned without the columns they may not read.
app.MapGet("/opportunities", async (HttpContext http, OpportunityStore store) =>
{
    IReadOnlyList<Opportunity> readable = await store.ListAsync(http.GetAccessPrincipal(), RecordOperation.Read, http.RequestAborted);
    return AccessResults.Records(OpportunityStore.ObjectName, readable, o => new RecordId(o.Id));
}).RequireAccess(OpportunityStore.ObjectName, ObjectOperation.Read);

// A record page: the record check runs on the route's id before the handler, reading the record's rights in the database;
// the columns are hidden in the response.
app.MapGet("/opportunities/{id}", async (RecordId id, OpportunityStore store, HttpContext http) =>
        await store.FindAsync(id, http.RequestAborted) is { } opportunity ? AccessResults.Record(OpportunityStore.ObjectName, id, opportunity) : Results.NotFound())
    .RequireRecordAccess(OpportunityStore.ObjectName, RecordOperation.Read);

// A creation: the row and the record (author, owner, the policy's default rights) in one transaction, through the
// administration API, which checks the Create permission.
app.MapPost("/opportunities", async (OpportunityCreate create, OpportunityStore store, CurrentAccessPrincipal current, IAccessAdministration administration, HttpContext http) =>
{
    AccessDecision margin = current.Principal.CheckColumn(OpportunityStore.ObjectName, "Margin", ColumnOperation.Edit);
    if (create.Margin is not null && !margin.IsAllowed)
    {
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"Margin: {margin}");
    }

    var opportunity = new Opportunity(Guid.NewGuid(), create.Title, create.Customer, create.Amount, create.Margin ?? 0m);
    AccessChangeResult result = await store.CreateAsync(opportunity, current.UserId!.Value, current.Actor!.Value, administration, http.RequestAborted);
    return result.IsApplied ? Results.Created($"/opportunities/{opportunity.Id}", new { id = opportunity.Id.ToString() }) : Refused(result);
}).RequireAccess(OpportunityStore.ObjectName, ObjectOperation.Create);

// An edit, refused with 403 to users without Edit on the record (and on the Margin column when it changes). A change made in
// a support session goes to the session's log.
app.MapPut("/opportunities/{id}", async (RecordId id, OpportunityEdit edit, OpportunityStore store, CurrentAccessPrincipal current, ISupportSessions sessions, HttpContext http) =>
{
    if (await store.FindAsync(id, http.RequestAborted) is null)
    {
        return Results.NotFound();
    }

    // RequireRecordAccess checked Edit on the record in the database; the column rule is the object's.
    AccessDecision margin = current.Principal.CheckColumn(OpportunityStore.ObjectName, "Margin", ColumnOperation.Edit);
    if (edit.Margin is not null && !margin.IsAllowed)
    {
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: $"Margin: {margin}");
    }

    IReadOnlyList<ColumnName> changed = await store.UpdateAsync(id, edit, http.RequestAborted);
    if (current.SupportSession is { } session)
    {
        await sessions.RecordChangeAsync(session, OpportunityStore.ObjectName, id, "Edit", changed);
    }

    return Results.NoContent();
}).RequireRecordAccess(OpportunityStore.ObjectName, RecordOperation.Edit);

// Administration: share a record. The administration API checks the sharer on the record's rights in the database
// (AllowAndGrant on the operation, or CanChangeEntitySchemaRecordRight) and writes the right there: lists and record
// checks see it at once, and the app keeps no copy of its own.
app.MapPost("/opportunities/{id}/shares", async (RecordId id, ShareRequest share, CurrentAccessPrincipal current, IAccessAdministration administration, HttpContext http) =>
{
    var right = new RecordRightRow(OpportunityStore.ObjectName, id, new AdminUnitId(share.Grantee), share.Operation, share.Level);
    AccessChangeResult result = await administration.ApplyAsync(current.Actor!.Value, new ShareRecord(right), http.RequestAborted);
    return result.IsApplied ? Results.Ok(new { version = result.Version }) : Refused(result);
}).RequireAuthorization();

// Administration: grant support access under one's own permissions (System administrators with Read and Create on
// SysExternalAccess), from today for a number of days.
app.MapPost("/support-grants", async (GrantRequest request, CurrentAccessPrincipal current, IAccessAdministration administration, TimeProvider time) =>
{
    UserId grantor = current.UserId!.Value;
    DateOnly today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
    var grant = new SupportAccessGrant(new SupportGrantId(Guid.NewGuid()), request.Reason, today, today.AddDays(request.Days), grantor, grantor)
    {
        DenyDataAccess = request.DenyDataAccess,
        Level = request.Level,
    };
    AccessChangeResult result = await administration.ApplyAsync(current.Actor!.Value, new GrantSupportAccess(grant));
    return result.IsApplied ? Results.Created($"/support-grants/{grant.Id}", new { id = grant.Id.ToString() }) : Refused(result);
}).RequireAuthorization();

// A support session: the vendor's specialist starts one under a grant (no account of this app), works with
// X-Support-Session: {id}, and ends it. The grantor reads the session log.
app.MapPost("/support-sessions", async (StartSessionRequest request, ISupportSessions sessions) =>
{
    (SupportSession? session, AccessDecision decision) = await sessions.StartAsync(new SupportGrantId(request.Grant));
    return session is null
        ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: decision.ToString())
        : Results.Created($"/support-sessions/{session.Id}", new { id = session.Id.ToString() });
}).AllowAnonymous();
app.MapDelete("/support-sessions/{id}", async (SupportSessionId id, ISupportSessions sessions) =>
{
    SupportSession ended = await sessions.EndAsync(id);
    return Results.Ok(new { id = ended.Id.ToString(), endedAt = ended.EndedAt });
}).AllowAnonymous();
app.MapGet("/support-grants/{id}/sessions", async (SupportGrantId id, ISupportSessions sessions) =>
        (await sessions.GetSessionsAsync(id)).Select(s => new
        {
            id = s.Id.ToString(),
            s.StartedAt,
            s.EndedAt,
            changes = s.Changes.Select(c => $"{c.Operation} {c.Object} {c.Record} [{string.Join(", ", c.ChangedColumns)}]"),
        }))
    .RequireAccess(GrantSupportAccess.ExternalAccessObject, ObjectOperation.Read);

// A lookup: configuration data support may read even when business data is hidden from it.
app.MapGet("/currencies", () => new[] { new { code = "EUR", name = "Euro" }, new { code = "USD", name = "US dollar" } })
    .RequireAccess("Currency", ObjectOperation.Read);

app.MapControllers();

// Health: the model is loaded, its version and age, the last reload error, the policy file there.
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });

if (selfCheck)
{
    await app.StartAsync();
    int failures = await SelfCheck.RunAsync(app.Urls.First());
    await app.StopAsync();
    return failures == 0 ? 0 : 1;
}

await app.RunAsync();
return 0;

static IResult Refused(AccessChangeResult result) => Results.Problem(
    statusCode: result.Refusal switch
    {
        AccessChangeRefusal.NotPermitted or AccessChangeRefusal.SupportSessionForbidden or AccessChangeRefusal.LicenseForbidsSupportAccess
            => StatusCodes.Status403Forbidden,
        AccessChangeRefusal.NotFound => StatusCodes.Status404NotFound,
        AccessChangeRefusal.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    },
    title: result.Refusal.ToString(),
    detail: result.Message);

/// <summary>The sample's entry point, public so that tests can start it with WebApplicationFactory.</summary>
public partial class Program;
