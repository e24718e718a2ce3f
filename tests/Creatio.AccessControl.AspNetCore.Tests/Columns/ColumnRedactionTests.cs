using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Columns;

/// <summary>JSON records show only the columns the request's principal may read: removed or masked, matched by name ignoring
/// case; a property that is no column stays.</summary>
public sealed class ColumnRedactionTests(ColumnRedactionTests.Fixture fixture) : IClassFixture<ColumnRedactionTests.Fixture>
{
    private readonly TestApp _app = fixture.App;

    [Fact]
    public async Task RecordPage_HidesTheColumnsTheUserMayNotRead()
    {
        JsonElement bob = await GetAsync($"/opportunities/{BobsDeal}", Bob);
        JsonElement ann = await GetAsync($"/opportunities/{BobsDeal}", Ann);

        Assert.Equal(["amount", "id", "note", "title"], Names(bob));
        Assert.Equal(["amount", "id", "margin", "note", "title"], Names(ann));
        Assert.Equal(0.25m, ann.GetProperty("margin").GetDecimal());
    }

    [Fact]
    public async Task Mask_KeepsThePropertyWithoutItsValue()
    {
        JsonElement bob = await GetAsync($"/masked/{BobsDeal}", Bob);

        Assert.Equal(JsonValueKind.Null, bob.GetProperty("margin").ValueKind);
        Assert.Equal("Deal", bob.GetProperty("title").GetString());
    }

    [Fact]
    public async Task PortalUser_NeverReadsTheSystemColumns()
    {
        JsonElement pat = await GetAsync($"/opportunities/{PatsDeal}", Pat);

        Assert.Equal(["amount", "note", "title"], Names(pat));
    }

    [Fact]
    public async Task List_HidesColumnsRecordByRecord()
    {
        using HttpResponseMessage response = await _app.GetAsync("/list", Bob);
        JsonElement[] records = [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()];

        Assert.Equal(2, records.Length);
        Assert.All(records, r => Assert.False(r.TryGetProperty("margin", out _)));
        Assert.All(records, r => Assert.True(r.TryGetProperty("title", out _)));
    }

    [Fact]
    public void RedactColumns_ForAnUnknownPrincipal_RemovesEverything()
    {
        var json = new JsonObject { ["title"] = "Deal", ["note"] = "not a column" };

        default(AccessPrincipal).RedactColumns(Opportunity, BobsDeal, json);

        Assert.Empty(json);
    }

    [Fact]
    public void RedactColumns_MatchesDeclaredColumnsWhateverTheirCase()
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(Build(b => b
            .Add(new ObjectDefinition("Invoice") { Columns = ["URL", "Total"] })
            .Add(new ColumnRightRow("Invoice", "URL", BuiltInRoles.AllEmployees, Position: 0, ColumnRightLevel.Deny))));
        AccessPrincipal bob = snapshot.GetPrincipal(Bob, DateTimeOffset.UnixEpoch);
        var json = new JsonObject { ["url"] = "https://example.test", ["total"] = 3, ["extra"] = true };

        bob.RedactColumns("Invoice", null, json);

        Assert.Equal(["extra", "total"], json.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RedactColumns_AnUndefinedRedaction_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => default(AccessPrincipal).RedactColumns(Opportunity, null, [], (ColumnRedaction)7));
    }

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private async Task<JsonElement> GetAsync(string path, UserId user)
    {
        using HttpResponseMessage response = await _app.GetAsync(path, user);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        internal TestApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await TestApp.StartAsync(endpoints: a =>
        {
            a.MapGet("/masked/{id}", (RecordId id) => AccessResults.Record(
                    Opportunity, id, new TestApp.OpportunityView(id.Value, "Deal", 100m, 0.25m, "note"), ColumnRedaction.Mask))
                .RequireRecordAccess(Opportunity, RecordOperation.Read);
            a.MapGet("/list", (HttpContext http) =>
            {
                IReadOnlyList<RecordId> readable = http.GetAccessPrincipal().FilterRecords(Opportunity, RecordOperation.Read, [BobsDeal, AnnsDeal, SharedDeal]);
                return AccessResults.Records(Opportunity, readable.Select(id => new TestApp.OpportunityView(id.Value, "Deal", 1m, 0.1m, "n")), v => new RecordId(v.Id));
            }).RequireAccess(Opportunity, ObjectOperation.Read);
        });

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
