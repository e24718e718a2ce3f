using System.Net;
using System.Text.Json;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>Endpoints protected by <c>RequireAccess</c>, <c>RequireRecordAccess</c> and <c>RequireSystemOperation</c> answer
/// 200 when the library allows, 403 with the deciding stage and reason when it denies, and 401 when nobody is signed in.</summary>
public sealed class EndpointAuthorizationTests(DefaultAppFixture fixture) : IClassFixture<DefaultAppFixture>
{
    private readonly TestApp _app = fixture.App;

    public static TheoryData<string, string, string?, HttpStatusCode, string?> Cases() => new()
    {
        // method, path, user, status, reason of a denial
        { "GET", "/opportunities", null, HttpStatusCode.Unauthorized, null },
        { "GET", "/opportunities", "Ann", HttpStatusCode.OK, null },
        { "GET", "/opportunities", "Bob", HttpStatusCode.OK, null },
        { "GET", "/opportunities", "Carol", HttpStatusCode.OK, null },
        { "GET", "/opportunities", "Pat", HttpStatusCode.OK, null },
        { "GET", "/opportunities", "Ian", HttpStatusCode.Forbidden, "InactiveUser" },
        { "GET", "/opportunities", "Stranger", HttpStatusCode.Forbidden, "UnknownUser" },
        { "POST", "/opportunities", "Ann", HttpStatusCode.OK, null },
        { "POST", "/opportunities", "Bob", HttpStatusCode.Forbidden, "ObjectRowDenies" },
        { "POST", "/opportunities", "Carol", HttpStatusCode.OK, null },
        { "GET", $"/opportunities/{BobsDeal}", null, HttpStatusCode.Unauthorized, null },
        { "GET", $"/opportunities/{BobsDeal}", "Bob", HttpStatusCode.OK, null },
        { "GET", $"/opportunities/{BobsDeal}", "Ann", HttpStatusCode.OK, null },
        { "GET", $"/opportunities/{BobsDeal}", "Pat", HttpStatusCode.Forbidden, "NoRecordRight" },
        { "GET", $"/opportunities/{AnnsDeal}", "Bob", HttpStatusCode.Forbidden, "NoRecordRight" },
        { "GET", $"/opportunities/{SharedDeal}", "Bob", HttpStatusCode.OK, null },
        { "GET", $"/opportunities/{PatsDeal}", "Pat", HttpStatusCode.OK, null },
        { "DELETE", $"/opportunities/{BobsDeal}", "Bob", HttpStatusCode.Forbidden, "ObjectRowDenies" },
        { "DELETE", $"/opportunities/{BobsDeal}", "Ann", HttpStatusCode.NoContent, null },
        { "PUT", $"/deals/{SharedDeal}", "Bob", HttpStatusCode.Forbidden, "NoRecordRight" },
        { "PUT", $"/deals/{SharedDeal}", "Carol", HttpStatusCode.NoContent, null },
        { "PUT", $"/deals/{BobsDeal}", "Bob", HttpStatusCode.NoContent, null },
        { "GET", "/approvals", null, HttpStatusCode.Unauthorized, null },
        { "GET", "/approvals", "Ann", HttpStatusCode.OK, null },
        { "GET", "/approvals", "Bob", HttpStatusCode.Forbidden, "NoMatchingSystemOperationRow" },
        { "GET", "/currencies", "Bob", HttpStatusCode.OK, null },
        { "GET", "/currencies", "Pat", HttpStatusCode.Forbidden, "NotAvailableForPortal" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_AnswersAsTheLibraryDecides(string method, string path, string? user, HttpStatusCode status, string? reason)
    {
        using HttpResponseMessage response = await _app.SendAsync(new HttpMethod(method), path, user is null ? null : UserNamed(user));

        Assert.Equal(status, response.StatusCode);
        if (reason is not null)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(reason, body.RootElement.GetProperty("reason").GetString());
        }
    }

    [Fact]
    public async Task RecordRouteValue_NotAGuid_IsDeniedSayingWhy()
    {
        using HttpResponseMessage response = await _app.SendAsync(HttpMethod.Put, "/deals/not-a-guid", Bob);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("The route value `deal` is `not-a-guid`, not a record id.", body.RootElement.GetProperty("detail").GetString());
        Assert.False(body.RootElement.TryGetProperty("reason", out _));
    }

    [Theory]
    [InlineData("Bob", "BobsDeal", HttpStatusCode.NoContent)]
    [InlineData("Ann", "BobsDeal", HttpStatusCode.NoContent)]
    [InlineData("Bob", "AnnsDeal", HttpStatusCode.Forbidden)]
    [InlineData("Bob", "SharedDeal", HttpStatusCode.Forbidden)]
    [InlineData("Stranger", "BobsDeal", HttpStatusCode.Forbidden)]
    public async Task AuthorizationService_WithARecordResource_DecidesTheRecord(string user, string record, HttpStatusCode status)
    {
        RecordId id = record switch { "BobsDeal" => BobsDeal, "AnnsDeal" => AnnsDeal, _ => SharedDeal };

        using HttpResponseMessage response = await _app.SendAsync(HttpMethod.Put, $"/opportunities/{id}", UserNamed(user));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task Denial_IsLoggedWithItsEventId()
    {
        using HttpResponseMessage response = await _app.SendAsync(HttpMethod.Post, "/opportunities", Bob);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        LogCollector.LogEntry entry = _app.Logs.Entries.First(
            e => e.EventId.Id == 110 && e.Message.StartsWith($"Access denied to {Bob} for Create Opportunity:", StringComparison.Ordinal));
        Assert.Equal("AccessDenied", entry.EventId.Name);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, entry.Level);
        Assert.Contains("Deny at Object: ObjectRowDenies", entry.Message, StringComparison.Ordinal);
    }

    internal static UserId UserNamed(string name) => name switch
    {
        "Ann" => Ann,
        "Bob" => Bob,
        "Carol" => Carol,
        "Ian" => Ian,
        "Pat" => Pat,
        _ => Stranger,
    };
}
