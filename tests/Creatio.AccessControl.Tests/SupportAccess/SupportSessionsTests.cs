using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Administration;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>DESIGN.md §8 "Sessions are logged", through <see cref="SupportSessions"/> and <see cref="InMemorySupportSessionStore"/>.</summary>
public sealed class SupportSessionsTests
{
    private static readonly ObjectName Account = AdminHarness.Account;

    private static (AdminHarness Harness, SupportSessions Sessions, InMemorySupportSessionStore Store) Create(
        Func<SupportAccessGrant, SupportAccessGrant>? grant = null, IReadOnlyList<AccessAuditEventType>? enabled = null, SupportAccessSettings? settings = null)
    {
        AdminHarness h = SupportHarness.Create(grant, settings, enabled: enabled);
        var store = new InMemorySupportSessionStore();
        return (h, new SupportSessions(h.Evaluator, store, h.Dispatcher), store);
    }

    private static IReadOnlyList<AccessAuditEvent> SupportEvents(AdminHarness h) =>
        [.. h.Sink.Events.Where(e => e.Type == AccessAuditEventType.SupportAccess)];

    [Fact]
    public async Task StartAsync_ValidGrant_StartsAndStoresASession()
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store) = Create();
        using AdminHarness owned = h;

        (SupportSession? session, AccessDecision decision) = await sessions.StartAsync(G);

        Assert.True(decision.IsAllowed);
        Assert.NotNull(session);
        Assert.Equal((G, AdminHarness.Now, (DateTimeOffset?)null), (session.Grant, session.StartedAt, session.EndedAt));
        Assert.Empty(session.Changes);
        Assert.Equal(session, await store.GetSessionAsync(session.Id, CancellationToken.None));
        AccessAuditEvent audit = Assert.Single(SupportEvents(h));
        Assert.Equal(("SessionStarted", AccessActor.ForSupportSession(G)), (audit.Action, audit.Actor));
    }

    public static TheoryData<string, AccessReason> Refusals => new()
    {
        { "inactive", AccessReason.SupportGrantInactive },
        { "not started", AccessReason.SupportGrantNotStarted },
        { "expired", AccessReason.SupportGrantExpired },
        { "sandbox", AccessReason.SupportWrongEnvironment },
        { "unknown", AccessReason.UnknownSupportGrant },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task StartAsync_GrantAllowsNothing_IsRefusedWithTheReason(string state, AccessReason reason)
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store) = Create(g => state switch
        {
            "inactive" => g with { IsActive = false },
            "not started" => g with { StartDate = new DateOnly(2026, 3, 2) },
            "expired" => g with { StartDate = new DateOnly(2026, 2, 20), CloseDate = new DateOnly(2026, 2, 28) },
            "sandbox" => g with { Environment = "sandbox" },
            _ => g,
        });
        using AdminHarness owned = h;
        SupportGrantId grant = state == "unknown" ? new SupportGrantId(Guid.NewGuid()) : G;

        (SupportSession? session, AccessDecision decision) = await sessions.StartAsync(grant);

        Assert.Null(session);
        SupportModel.AssertSupportDenied(reason, decision);
        Assert.Empty(await store.GetSessionsAsync(grant, CancellationToken.None));
        Assert.DoesNotContain(SupportEvents(h), e => e.Action == "SessionStarted");
    }

    [Fact]
    public async Task StartAsync_LastTickOfTheCloseDateThenNextDay_StartsThenIsRefusedAsExpired()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;

        h.Time.SetUtcNow(EndsAt.AddTicks(-1));
        Assert.NotNull((await sessions.StartAsync(G)).Session);

        h.Time.SetUtcNow(EndsAt);
        (SupportSession? session, AccessDecision decision) = await sessions.StartAsync(G);
        Assert.Null(session);
        SupportModel.AssertSupportDenied(AccessReason.SupportGrantExpired, decision);
    }

    [Fact]
    public async Task StartAsync_BerlinCloseDateIsTheFallBackDay_ValidUntilLocalMidnight()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create(
            g => g with { StartDate = new DateOnly(2026, 10, 20), CloseDate = new DateOnly(2026, 10, 25) },
            settings: new SupportAccessSettings { TimeZoneId = "Europe/Berlin" });
        using AdminHarness owned = h;
        var end = new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.FromHours(1));

        h.Time.SetUtcNow(end.AddTicks(-1));
        Assert.NotNull((await sessions.StartAsync(G)).Session);

        h.Time.SetUtcNow(end);
        SupportModel.AssertSupportDenied(AccessReason.SupportGrantExpired, (await sessions.StartAsync(G)).Decision);
    }

    [Fact]
    public async Task StartAsync_AfterDeactivation_IsRefusedAsInactive()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        SupportModel.AssertSupportDenied(AccessReason.SupportGrantInactive, (await sessions.StartAsync(G)).Decision);
    }

    [Fact]
    public async Task RecordChangeAsync_RunningSession_AppendsTheChangeAtTheCurrentTime()
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store) = Create();
        using AdminHarness owned = h;
        SupportSession session = (await sessions.StartAsync(G)).Session!;
        h.Time.Advance(TimeSpan.FromMinutes(3));

        (SupportSessionChange? logged, AccessDecision decision) = await sessions.RecordChangeAsync(session.Id, Account, R3, "Edit", [AdminHarness.Revenue, "Name"]);

        Assert.True(decision.IsAllowed);
        SupportSessionChange change = Assert.IsType<SupportSessionChange>(logged);

        Assert.Equal((AdminHarness.Now.AddMinutes(3), Account, (RecordId?)R3, "Edit"), (change.At, change.Object, change.Record, change.Operation));
        Assert.Equal([AdminHarness.Revenue, "Name"], change.ChangedColumns);
        SupportSession stored = (await store.GetSessionAsync(session.Id, CancellationToken.None))!;
        Assert.Equal(change, Assert.Single(stored.Changes));
        AccessAuditEvent audit = Assert.Single(SupportEvents(h), e => e.Action == "DataChanged");
        Assert.Equal("Revenue, Name", audit.After);
    }

    [Fact]
    public async Task EndAsync_RunningSession_StampsTheEnd()
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store) = Create();
        using AdminHarness owned = h;
        SupportSession session = (await sessions.StartAsync(G)).Session!;
        h.Time.Advance(TimeSpan.FromHours(1));

        SupportSession ended = await sessions.EndAsync(session.Id);

        Assert.Equal(AdminHarness.Now.AddHours(1), ended.EndedAt);
        Assert.Equal(ended, await store.GetSessionAsync(session.Id, CancellationToken.None));
        Assert.Equal(["SessionStarted", "SessionEnded"], SupportEvents(h).Select(e => e.Action));
    }

    [Fact]
    public async Task EndAsync_Twice_Throws()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        SupportSession session = (await sessions.StartAsync(G)).Session!;
        await sessions.EndAsync(session.Id);

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await sessions.EndAsync(session.Id));

        Assert.Equal($"Support session `{session.Id}` ended at {AdminHarness.Now:O}.", error.Message);
    }

    [Fact]
    public async Task RecordChangeAsync_EndedSession_Throws()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        SupportSession session = (await sessions.StartAsync(G)).Session!;
        await sessions.EndAsync(session.Id);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await sessions.RecordChangeAsync(session.Id, Account, null, "Create", []));
    }

    [Fact]
    public async Task EndAsync_UnknownSession_Throws()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        var unknown = new SupportSessionId(Guid.NewGuid());

        InvalidOperationException error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await sessions.EndAsync(unknown));

        Assert.Equal($"Support session `{unknown}` does not exist.", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task RecordChangeAsync_BlankOperation_Throws(string operation)
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        SupportSession session = (await sessions.StartAsync(G)).Session!;

        await Assert.ThrowsAsync<ArgumentException>(async () => await sessions.RecordChangeAsync(session.Id, Account, null, operation, []));
    }

    [Fact]
    public async Task GetSessionsAsync_AGrantsSessions_ListsThemOldestFirstWithTheirChanges()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        SupportSession first = (await sessions.StartAsync(G)).Session!;
        await sessions.RecordChangeAsync(first.Id, Account, null, "Create", ["Name"]);
        await sessions.RecordChangeAsync(first.Id, Account, R3, "Delete", []);
        await sessions.EndAsync(first.Id);
        h.Time.Advance(TimeSpan.FromDays(1));
        SupportSession second = (await sessions.StartAsync(G)).Session!;
        await sessions.RecordChangeAsync(second.Id, Account, R3, SystemOperations.CanExportGrid.Value, []);

        IReadOnlyList<SupportSession> listed = await sessions.GetSessionsAsync(G);

        Assert.Equal([first.Id, second.Id], listed.Select(s => s.Id));
        Assert.Equal(["Create", "Delete"], listed[0].Changes.Select(c => c.Operation));
        Assert.NotNull(listed[0].EndedAt);
        Assert.Equal(["CanExportGrid"], listed[1].Changes.Select(c => c.Operation));
        Assert.Null(listed[1].EndedAt);
        Assert.Empty(await sessions.GetSessionsAsync(NewGrant));
    }

    [Fact]
    public async Task Sessions_SupportAuditDisabled_WriteNoEvents()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create(enabled: [AccessAuditEventType.UserRoleChange]);
        using AdminHarness owned = h;

        SupportSession session = (await sessions.StartAsync(G)).Session!;
        await sessions.RecordChangeAsync(session.Id, Account, null, "Create", []);
        await sessions.EndAsync(session.Id);
        h.Time.SetUtcNow(EndsAt);
        Assert.Equal([G], sessions.ReportExpirations());

        Assert.Equal(0, h.Sink.Count);
        Assert.Single(await sessions.GetSessionsAsync(G));
    }

    [Fact]
    public async Task ReportExpirations_BeforeAndAfterExpiry_ReportsEachGrantOnce()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;

        h.Time.SetUtcNow(EndsAt.AddTicks(-1));
        Assert.Empty(sessions.ReportExpirations());

        h.Time.SetUtcNow(EndsAt);
        Assert.Equal([G], sessions.ReportExpirations());
        Assert.Empty(sessions.ReportExpirations());
        Assert.Null((await sessions.StartAsync(G)).Session);

        AccessAuditEvent audit = Assert.Single(SupportEvents(h));
        Assert.Equal(("Expired", EndsAt), (audit.Action, audit.Timestamp));
    }

    [Fact]
    public async Task StartAsync_ExpiredGrant_ReportsTheExpiryOnce()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create();
        using AdminHarness owned = h;
        h.Time.SetUtcNow(EndsAt);

        await sessions.StartAsync(G);
        await sessions.StartAsync(G);

        Assert.Equal(["Expired"], SupportEvents(h).Select(e => e.Action));
        Assert.Empty(sessions.ReportExpirations());
    }

    [Fact]
    public async Task ReportExpirations_InactiveGrant_IsNotReported()
    {
        (AdminHarness h, SupportSessions sessions, _) = Create(g => g with { IsActive = false });
        using AdminHarness owned = h;
        h.Time.SetUtcNow(EndsAt.AddDays(1));

        Assert.Empty(sessions.ReportExpirations());
        Assert.Empty(SupportEvents(h));
        Assert.Null((await sessions.StartAsync(G)).Session);
    }

    [Fact]
    public void Constructor_NullArguments_Throw()
    {
        using AdminHarness h = SupportHarness.Create();

        Assert.Equal("evaluator", Assert.Throws<ArgumentNullException>(() => new SupportSessions(null!, new InMemorySupportSessionStore())).ParamName);
        Assert.Equal("store", Assert.Throws<ArgumentNullException>(() => new SupportSessions(h.Evaluator, null!)).ParamName);
    }
}
