using System.Net;
using System.Text.Json.Nodes;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests;

/// <summary>Issue 19: record requirements and column redaction on an object that keeps its records in the database, over
/// real HTTP, the records and rights in a real SQLite database read through the Entity Framework Core package.</summary>
public sealed class DatabaseRecordTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly s_today = DateOnly.FromDateTime(s_now.UtcDateTime);
    private static readonly SupportGrantId s_isolated = new(new Guid("00000000-0000-4000-8000-0000000d0001"));

    /// <summary>A record Carol created in a support session under <see cref="s_isolated"/>.</summary>
    private static readonly RecordId s_grantDeal = new(new Guid("00000000-0000-4000-8000-00000000c005"));

    private static readonly RecordId s_absent = new(new Guid("00000000-0000-4000-8000-00000000c0ff"));

    private readonly SqliteConnection _keepAlive = new($"Data Source=deals-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    public DatabaseRecordTests()
    {
        _keepAlive.Open();
        using DealsContext db = Open();
        db.Database.EnsureCreated();
        db.Deals.AddRange(
            new Deal { Id = BobsDeal.Value, CreatedById = Bob.Value, OwnerId = Bob.Value },
            new Deal { Id = AnnsDeal.Value, CreatedById = Ann.Value, OwnerId = Ann.Value },
            new Deal { Id = SharedDeal.Value, CreatedById = Carol.Value, OwnerId = Carol.Value },
            new Deal { Id = PatsDeal.Value, CreatedById = Pat.Value, OwnerId = Pat.Value },
            new Deal { Id = s_grantDeal.Value, CreatedById = Carol.Value, OwnerId = Carol.Value, SupportAccessGrantId = s_isolated.Value });
        db.Set<EntityRecordRight>().Add(EntityRecordRight.From(new RecordRightRow(Opportunity, SharedDeal, Sales, RecordOperation.Read, RecordRightLevel.Allow)));
        db.SaveChanges();
    }

    public void Dispose() => _keepAlive.Dispose();

    [Theory]
    [InlineData("Bob", "GET", "BobsDeal", HttpStatusCode.OK, null)]                  // the author
    [InlineData("Bob", "GET", "SharedDeal", HttpStatusCode.OK, null)]                // a right of his division
    [InlineData("Bob", "GET", "AnnsDeal", HttpStatusCode.Forbidden, "NoRecordRight")]
    [InlineData("Bob", "GET", "absent", HttpStatusCode.Forbidden, "UnknownRecord")]
    [InlineData("Ann", "GET", "BobsDeal", HttpStatusCode.OK, null)]                  // the manager of the author
    [InlineData("Ann", "DELETE", "BobsDeal", HttpStatusCode.NoContent, null)]
    [InlineData("Bob", "DELETE", "BobsDeal", HttpStatusCode.Forbidden, "ObjectRowDenies")]   // decided before the record
    [InlineData("Pat", "GET", "PatsDeal", HttpStatusCode.OK, null)]                  // an external user, his own
    [InlineData("Pat", "GET", "SharedDeal", HttpStatusCode.Forbidden, "NoRecordRight")]
    [InlineData("Stranger", "GET", "BobsDeal", HttpStatusCode.Forbidden, "UnknownUser")]
    [InlineData("support", "GET", "SharedDeal", HttpStatusCode.Forbidden, "SupportDataIsolation")]
    [InlineData("support", "GET", "GrantDeal", HttpStatusCode.OK, null)]             // created in the session's grant
    public async Task RecordRoute_IsDecidedByTheRowsInTheDatabase(string who, string method, string record, HttpStatusCode status, string? reason)
    {
        await using TestApp app = await StartAsync();

        using HttpResponseMessage response = await app.SendAsync(new HttpMethod(method), $"/opportunities/{Record(record)}", Claims(who));

        string body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, body);
        if (reason is not null)
        {
            Assert.Contains($"\"reason\":\"{reason}\"", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordRoute_NamedRouteValueAndResource_AreDecidedInTheDatabaseToo()
    {
        await using TestApp app = await StartAsync();

        // PUT /deals/{deal}: the route value "deal"; PUT /opportunities/{id}: IAuthorizationService with a RecordId resource.
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, $"/deals/{BobsDeal}", Bob)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Put, $"/deals/{SharedDeal}", Bob)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Put, $"/opportunities/{BobsDeal}", Bob)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Put, $"/opportunities/{AnnsDeal}", Bob)).StatusCode);
    }

    [Fact]
    public async Task AllowedRecord_ShowsTheColumnsTheUserMayRead()
    {
        await using TestApp app = await StartAsync();

        JsonObject bobs = await JsonAsync(app, $"/opportunities/{BobsDeal}", Claims("Bob"));
        JsonObject anns = await JsonAsync(app, $"/opportunities/{BobsDeal}", Claims("Ann"));

        Assert.Equal(["id", "title", "amount", "note"], bobs.Select(p => p.Key));   // only managers read the margin
        Assert.Equal(["id", "title", "amount", "margin", "note"], anns.Select(p => p.Key));
    }

    [Fact]
    public async Task SupportSessionUnderDataIsolation_SeesTheColumnsOfARecordCreatedInItsGrant()
    {
        await using TestApp app = await StartAsync();

        JsonObject record = await JsonAsync(app, $"/opportunities/{s_grantDeal}", Claims("support"));
        JsonObject grantors = await JsonAsync(app, $"/opportunities/{s_grantDeal}", TestApp.As(Carol));

        // The grantor's columns (a system administrator reads the margin), not none as isolation would hide.
        Assert.Equal(["id", "title", "amount", "margin", "note"], record.Select(p => p.Key));
        Assert.Equal(grantors.Select(p => p.Key), record.Select(p => p.Key));
    }

    [Fact]
    public async Task AccessResultsRecords_ReadsThePageOnce_AndShowsNoColumnOfARecordTheUserMayNotRead()
    {
        var counting = new CountingReader();
        await using TestApp app = await StartAsync(
            reader: sp => counting.Over(new EntityRecordRightReader(sp.GetRequiredService<DealsContext>())),
            endpoints: MapPage);

        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, "/page", Bob);

        JsonArray page = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["id", "title", "amount", "note"], page[0]!.AsObject().Select(p => p.Key));   // Bob's
        Assert.Equal(["note"], page[1]!.AsObject().Select(p => p.Key));                            // Ann's: not a column stays
        Assert.Equal(1, counting.Calls);
    }

    [Fact]
    public async Task RedactColumnsAsync_ReadsTheRecordThroughTheReader()
    {
        await using TestApp app = await StartAsync();
        AccessPrincipal bob = app.Services.GetRequiredService<IAccessEvaluator>().GetPrincipal(Bob);
        await using AsyncServiceScope scope = app.Services.CreateAsyncScope();
        IRecordRightReader reader = scope.ServiceProvider.GetRequiredService<IRecordRightReader>();

        JsonObject own = await bob.RedactColumnsAsync(reader, Opportunity, BobsDeal, new JsonObject { ["title"] = "Deal", ["margin"] = 0.2m, ["note"] = "x" });
        JsonObject other = await bob.RedactColumnsAsync(reader, Opportunity, AnnsDeal, new JsonObject { ["title"] = "Deal", ["margin"] = 0.2m, ["note"] = "x" }, ColumnRedaction.Mask);

        Assert.Equal(["title", "note"], own.Select(p => p.Key));
        Assert.Equal("{\"title\":null,\"margin\":null,\"note\":\"x\"}", other.ToJsonString());
    }

    [Fact]
    public async Task FailingReader_Denies_WithoutA500_AndLogsTheFailure()
    {
        await using TestApp app = await StartAsync(reader: _ => new ThrowingReader(), endpoints: MapPage);

        using HttpResponseMessage route = await app.SendAsync(HttpMethod.Get, $"/opportunities/{BobsDeal}", Bob);
        JsonArray page = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "/page", Bob)).Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.Forbidden, route.StatusCode);
        Assert.Contains("\"reason\":\"RecordKeptInDatabase\"", await route.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(page, record => Assert.Equal(["note"], record!.AsObject().Select(p => p.Key)));
        Assert.Equal(2, app.Logs.Entries.Count(e => e.EventId.Id == 113 && e.Level == LogLevel.Error && e.Exception?.Message == "the database is down"
            && e.Message.Contains("`Opportunity`", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task NoReaderRegistered_AndAnEndpointRequiringRecordAccess_StopsStartUp_NamingTheEndpointAndTheRegistration()
    {
        await using WebApplication app = TestApp.Build(
            source: access => access.UseModel(Model()),
            options: null,
            services: b => b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(s_now)),
            endpoints: null,
            environment: "Development",
            contentRoot: null,
            out LogCollector logs);

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(logs.Entries, e => e.EventId.Id == 102 && e.Level == LogLevel.Critical && ReferenceEquals(e.Exception, thrown));
        Assert.Contains("`Opportunity`", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Read Opportunity record {id}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Edit Opportunity record {deal}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("UseEntityFrameworkCoreRecordRights<TContext>()", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReaderRegistered_AndAnEndpointNamingARecordPolicy_StopsStartUp()
    {
        // RequireAuthorization(name) and [Authorize(Policy = name)] are endpoint metadata: start-up reads the names.
        await using WebApplication app = TestApp.Build(
            source: access => access.UseModel(Model()),
            options: null,
            services: b => b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(s_now)),
            endpoints: a => a.MapGet("/named/{id}", () => "ok").RequireAuthorization(AccessPolicyNames.Record(Opportunity, RecordOperation.Read)),
            environment: "Development",
            contentRoot: null,
            out LogCollector logs,
            mapDefaults: false);

        InvalidOperationException thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(logs.Entries, e => e.EventId.Id == 102 && ReferenceEquals(e.Exception, thrown));
        Assert.Contains("/named/{id}", thrown.Message, StringComparison.Ordinal);
        Assert.Contains("Read Opportunity record {id}", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReaderRegistered_ARecordCheckStartUpCannotSee_DeniesAndLogsTheMissingRegistration()
    {
        // A requirement asked in the handler (resource-based authorization) is not endpoint metadata: the request is denied,
        // fail closed, and the log names the registration to add.
        await using TestApp app = await TestApp.StartAsync(
            source: access => access.UseModel(Model()),
            services: b => b.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(s_now)),
            endpoints: a => a.MapGet("/in-code/{id:guid}", async (Guid id, HttpContext context, IAuthorizationService authorization) =>
                    (await authorization.AuthorizeAsync(context.User, new RecordId(id), new RecordAccessRequirement(Opportunity, RecordOperation.Read))).Succeeded
                        ? Results.Ok()
                        : Results.Forbid())
                .RequireAuthorization(),
            mapDefaults: false);

        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, $"/in-code/{BobsDeal}", Bob);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(app.Logs.Entries, e => e.EventId.Id == 112 && e.Level == LogLevel.Warning
            && e.Message.Contains("`Opportunity`", StringComparison.Ordinal) && e.Message.Contains("UseEntityFrameworkCoreRecordRights", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ObjectHeldInMemory_NeverCallsTheReader()
    {
        await using TestApp app = await TestApp.StartAsync(
            source: access => access.UseModel(Build()).UseRecordRights(_ => new ThrowingReader(), _ => new ThrowingReader()),
            endpoints: MapPage);

        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Get, $"/opportunities/{BobsDeal}", Bob)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.SendAsync(HttpMethod.Get, $"/opportunities/{AnnsDeal}", Bob)).StatusCode);
        JsonArray page = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "/page", Bob)).Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(["id", "title", "amount", "note"], page[0]!.AsObject().Select(p => p.Key));
        Assert.DoesNotContain(app.Logs.Entries, e => e.EventId.Id is 112 or 113);
    }

    private static void MapPage(WebApplication app) =>
        app.MapGet("/page", () => AccessResults.Records(
                Opportunity,
                new[] { BobsDeal, AnnsDeal }.Select(id => new TestApp.OpportunityView(id.Value, "Deal", 100m, 0.25m, "not a column")),
                o => new RecordId(o.Id)))
            .RequireAccess(Opportunity, ObjectOperation.Read);

    private static RecordId Record(string name) => name switch
    {
        "BobsDeal" => BobsDeal,
        "AnnsDeal" => AnnsDeal,
        "SharedDeal" => SharedDeal,
        "PatsDeal" => PatsDeal,
        "GrantDeal" => s_grantDeal,
        _ => s_absent,
    };

    private static string[] Claims(string who) => who switch
    {
        "Ann" => TestApp.As(Ann),
        "Bob" => TestApp.As(Bob),
        "Pat" => TestApp.As(Pat),
        "support" => [$"{AccessClaimTypes.SupportGrant}={s_isolated}"],
        _ => TestApp.As(Stranger),
    };

    private static async Task<JsonObject> JsonAsync(TestApp app, string path, string[] claims)
    {
        using HttpResponseMessage response = await app.SendAsync(HttpMethod.Get, path, claims);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The test model with Opportunity keeping its records in the database (none in the model) and a support grant
    /// of Carol's under data isolation.</summary>
    private static AccessModel Model()
    {
        AccessModelBuilder builder = Build().ToBuilder();
        builder.Records.Clear();
        builder.RecordRightRows.Clear();
        for (int i = 0; i < builder.Objects.Count; i++)
        {
            if (builder.Objects[i].Name == Opportunity)
            {
                builder.Objects[i] = builder.Objects[i] with { KeepsRecordsInDatabase = true };
            }
        }

        return builder.Add(new SupportAccessGrant(s_isolated, "Ticket 1", s_today, s_today.AddDays(5), Carol, Carol)).Build();
    }

    private Task<TestApp> StartAsync(Func<IServiceProvider, IRecordRightReader>? reader = null, Action<WebApplication>? endpoints = null) => TestApp.StartAsync(
        source: access =>
        {
            access.UseModel(Model());
            if (reader is null)
            {
                access.UseEntityFrameworkCoreRecordRights<DealsContext>();
            }
            else
            {
                access.UseRecordRights(reader, sp => new EntityRecordRightWriter(sp.GetRequiredService<DealsContext>()));
            }
        },
        services: b => b.Services
            .AddSingleton<TimeProvider>(new FakeTimeProvider(s_now))
            .AddDbContext<DealsContext>(o => o.UseSqlite(_keepAlive.ConnectionString)),
        endpoints: endpoints);

    private DealsContext Open() => new(new DbContextOptionsBuilder<DealsContext>().UseSqlite(_keepAlive.ConnectionString).Options);

    private sealed class ThrowingReader : IRecordRightReader, IRecordRightWriter
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the database is down");

        public ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the database is down");
    }

    private sealed class CountingReader
    {
        private int _calls;

        public int Calls => _calls;

        public IRecordRightReader Over(IRecordRightReader inner) => new Counted(this, inner);

        private sealed class Counted(CountingReader owner, IRecordRightReader inner) : IRecordRightReader
        {
            public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._calls);
                return inner.ReadRecordsAsync(objectName, operation, records, cancellationToken);
            }
        }
    }
}

/// <summary>The test app's database: the opportunities' rows (with the support grant they were created in) and the rights.</summary>
public sealed class DealsContext(DbContextOptions<DealsContext> options) : DbContext(options)
{
    public DbSet<Deal> Deals => Set<Deal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.HasAccessObject<Deal>(TestModel.Opportunity, d => d.CreatedById, d => d.OwnerId, d => d.SupportAccessGrantId);
}

/// <summary>An opportunity's row: the record id, its author, owner and creating support grant.</summary>
public sealed class Deal
{
    public Guid Id { get; set; }

    public Guid? CreatedById { get; set; }

    public Guid? OwnerId { get; set; }

    public Guid? SupportAccessGrantId { get; set; }
}
