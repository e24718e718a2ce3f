using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebApi;

/// <summary>The sample's tour, run against itself: each request with the status it must answer, printed one per line.</summary>
public static class SelfCheck
{
    private const string Bob = "00000000-0000-4000-8000-0000000a0002";
    private const string FleetRenewal = "00000000-0000-4000-8000-00000000c001";
    private const string DataCenterMove = "00000000-0000-4000-8000-00000000c002";
    private const string SupportContract = "00000000-0000-4000-8000-00000000c003";

    /// <summary>Runs the tour against a running app.</summary>
    /// <param name="baseAddress">The app's address.</param>
    /// <returns>The number of requests that did not answer as expected.</returns>
    public static async Task<int> RunAsync(string baseAddress)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseAddress) };
        return await RunAsync(client);
    }

    /// <summary>Runs the tour with a client of the app.</summary>
    /// <param name="client">The client, whose base address is the app's.</param>
    /// <returns>The number of requests that did not answer as expected.</returns>
    public static async Task<int> RunAsync(HttpClient client)
    {
        var tour = new Tour(client);

        await tour.ExpectAsync("health", HttpMethod.Get, "/health", null, null, HttpStatusCode.OK, body => body.Contains("\"Healthy\"", StringComparison.Ordinal));
        await tour.ExpectAsync("nobody signed in", HttpMethod.Get, "/opportunities", null, null, HttpStatusCode.Unauthorized);
        await tour.ExpectAsync("Bob's list: his and the shared one, no margin", HttpMethod.Get, "/opportunities", "Bob", null, HttpStatusCode.OK,
            body => Count(body) == 2 && !body.Contains("margin", StringComparison.Ordinal));
        await tour.ExpectAsync("Ann's list: all three, with margins", HttpMethod.Get, "/opportunities", "Ann", null, HttpStatusCode.OK,
            body => Count(body) == 3 && body.Contains("margin", StringComparison.Ordinal));
        await tour.ExpectAsync("Bob may not open Ann's record", HttpMethod.Get, $"/opportunities/{DataCenterMove}", "Bob", null, HttpStatusCode.Forbidden,
            body => body.Contains("NoRecordRight", StringComparison.Ordinal));
        await tour.ExpectAsync("Bob edits his record", HttpMethod.Put, $"/opportunities/{FleetRenewal}", "Bob", new { amount = 125_000 }, HttpStatusCode.NoContent);
        await tour.ExpectAsync("Bob may only read the shared record", HttpMethod.Put, $"/opportunities/{SupportContract}", "Bob", new { amount = 1 }, HttpStatusCode.Forbidden);
        await tour.ExpectAsync("Bob may not change a margin", HttpMethod.Put, $"/opportunities/{FleetRenewal}", "Bob", new { margin = 0.5 }, HttpStatusCode.Forbidden);
        await tour.ExpectAsync("Ann shares her record with Bob", HttpMethod.Post, $"/opportunities/{DataCenterMove}/shares", "Ann",
            new { grantee = Bob, operation = "Read" }, HttpStatusCode.OK);
        await tour.ExpectAsync("now Bob opens it", HttpMethod.Get, $"/opportunities/{DataCenterMove}", "Bob", null, HttpStatusCode.OK,
            body => !body.Contains("margin", StringComparison.Ordinal));
        await tour.ExpectAsync("and his list, filtered by the database, has it", HttpMethod.Get, "/opportunities", "Bob", null, HttpStatusCode.OK,
            body => Count(body) == 3);
        string bobs = await tour.ExpectAsync("Bob creates an opportunity: the row, its author and owner, in the database", HttpMethod.Post, "/opportunities", "Bob",
            new { title = "Warehouse robots", customer = "Tailspin", amount = 75_000 }, HttpStatusCode.Created);
        await tour.ExpectAsync("Bob opens his new record", HttpMethod.Get, $"/opportunities/{Id(bobs)}", "Bob", null, HttpStatusCode.OK,
            body => body.Contains("Warehouse robots", StringComparison.Ordinal));
        await tour.ExpectAsync("Bob may not set a margin", HttpMethod.Post, "/opportunities", "Bob",
            new { title = "Cheap deal", customer = "Tailspin", amount = 1, margin = 0.9 }, HttpStatusCode.Forbidden);
        string anns = await tour.ExpectAsync("Ann creates one: the policy's default rule lets Sales read it", HttpMethod.Post, "/opportunities", "Ann",
            new { title = "Branch network", customer = "Woodgrove", amount = 210_000, margin = 0.22 }, HttpStatusCode.Created);
        await tour.ExpectAsync("Bob opens Ann's new record, by the default right", HttpMethod.Get, $"/opportunities/{Id(anns)}", "Bob", null, HttpStatusCode.OK,
            body => !body.Contains("margin", StringComparison.Ordinal));
        await tour.ExpectAsync("Bob's list has both", HttpMethod.Get, "/opportunities", "Bob", null, HttpStatusCode.OK, body => Count(body) == 5);
        await tour.ExpectAsync("Bob may not share what he only reads", HttpMethod.Post, $"/opportunities/{SupportContract}/shares", "Bob",
            new { grantee = Bob, operation = "Edit" }, HttpStatusCode.Forbidden);
        await tour.ExpectAsync("Bob may not export", HttpMethod.Get, "/reports/pipeline", "Bob", null, HttpStatusCode.Forbidden);
        await tour.ExpectAsync("Carol exports", HttpMethod.Get, "/reports/pipeline", "Carol", null, HttpStatusCode.OK);
        await tour.ExpectAsync("Bob may not grant support access", HttpMethod.Post, "/support-grants", "Bob", new { reason = "Ticket 42" }, HttpStatusCode.Forbidden);

        string grant = await tour.ExpectAsync("Carol grants support access", HttpMethod.Post, "/support-grants", "Carol", new { reason = "Ticket 42" }, HttpStatusCode.Created);
        string session = await tour.ExpectAsync("support starts a session", HttpMethod.Post, "/support-sessions", null, new { grant = Id(grant) }, HttpStatusCode.Created);
        tour.SupportSession = Id(session);
        await tour.ExpectAsync("support reads a lookup", HttpMethod.Get, "/currencies", null, null, HttpStatusCode.OK);
        await tour.ExpectAsync("support sees no business data", HttpMethod.Get, "/opportunities", null, null, HttpStatusCode.Forbidden,
            body => body.Contains("SupportDataIsolation", StringComparison.Ordinal));
        tour.SupportSession = null;
        await tour.ExpectAsync("support ends the session", HttpMethod.Delete, $"/support-sessions/{Id(session)}", null, null, HttpStatusCode.OK);
        await tour.ExpectAsync("Carol reads the session log", HttpMethod.Get, $"/support-grants/{Id(grant)}/sessions", "Carol", null, HttpStatusCode.OK,
            body => Count(body) == 1);

        Console.WriteLine($"self-check: {tour.Passed} passed, {tour.Failed} failed");
        return tour.Failed;
    }

    private static int Count(string json) => JsonDocument.Parse(json).RootElement.GetArrayLength();

    private static string Id(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;

    private sealed class Tour(HttpClient client)
    {
        public int Passed { get; private set; }

        public int Failed { get; private set; }

        public string? SupportSession { get; set; }

        public async Task<string> ExpectAsync(
            string what, HttpMethod method, string path, string? user, object? body, HttpStatusCode expected, Func<string, bool>? check = null)
        {
            using var request = new HttpRequestMessage(method, path);
            if (user is not null)
            {
                request.Headers.Add(Development.DevelopmentAuthenticationHandler.UserHeader, user);
            }
            else if (SupportSession is not null)
            {
                request.Headers.Add(Development.DevelopmentAuthenticationHandler.SupportSessionHeader, SupportSession);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            using HttpResponseMessage response = await client.SendAsync(request);
            string text = await response.Content.ReadAsStringAsync();
            bool ok = response.StatusCode == expected && (check is null || check(text));
            Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {method} {path} as {user ?? (SupportSession is null ? "nobody" : "support")}: {(int)response.StatusCode} ({what})");
            if (!ok)
            {
                Console.WriteLine($"     expected {(int)expected}; body: {text}");
                Failed++;
            }
            else
            {
                Passed++;
            }

            return text;
        }
    }
}
