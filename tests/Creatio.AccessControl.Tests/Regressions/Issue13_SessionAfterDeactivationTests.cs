using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.SupportAccess;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, rule: a support session's data change was still logged after its grant was deactivated. A session's
/// access ends with its grant (DESIGN.md §8 "Revocation"), so <see cref="SupportSessions.RecordChangeAsync"/> refuses the
/// change with the grant's reason and logs nothing.</summary>
public sealed class Issue13_SessionAfterDeactivationTests
{
    private static async Task<(AdminHarness Harness, SupportSessions Sessions, InMemorySupportSessionStore Store, SupportSession Session)> Running()
    {
        AdminHarness h = SupportHarness.Create();
        var store = new InMemorySupportSessionStore();
        var sessions = new SupportSessions(h.Evaluator, store, h.Dispatcher);
        SupportSession session = (await sessions.StartAsync(G)).Session!;
        return (h, sessions, store, session);
    }

    private static IReadOnlyList<AccessAuditEvent> DataChanged(AdminHarness h) =>
        [.. h.Sink.Events.Where(e => e.Type == AccessAuditEventType.SupportAccess && e.Action == "DataChanged")];

    [Fact]
    public async Task RecordChangeAsync_GrantDeactivatedDuringTheSession_IsRefusedAsInactiveAndNotLogged()
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store, SupportSession session) = await Running();
        using AdminHarness owned = h;
        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        (SupportSessionChange? change, AccessDecision decision) = await sessions.RecordChangeAsync(session.Id, AdminHarness.Account, R3, "Edit", ["Name"]);

        Assert.Null(change);
        SupportModel.AssertSupportDenied(AccessReason.SupportGrantInactive, decision);
        Assert.Empty((await store.GetSessionAsync(session.Id, CancellationToken.None))!.Changes);
        Assert.Empty(DataChanged(h));
    }

    [Fact]
    public async Task RecordChangeAsync_GrantExpiredDuringTheSession_IsRefusedAsExpiredAndTheExpiryReportedOnce()
    {
        (AdminHarness h, SupportSessions sessions, InMemorySupportSessionStore store, SupportSession session) = await Running();
        using AdminHarness owned = h;
        h.Time.SetUtcNow(EndsAt);

        (SupportSessionChange? first, AccessDecision decision) = await sessions.RecordChangeAsync(session.Id, AdminHarness.Account, null, "Create", []);
        (SupportSessionChange? second, _) = await sessions.RecordChangeAsync(session.Id, AdminHarness.Account, null, "Create", []);

        Assert.Equal((null, null), (first, second));
        SupportModel.AssertSupportDenied(AccessReason.SupportGrantExpired, decision);
        Assert.Empty((await store.GetSessionAsync(session.Id, CancellationToken.None))!.Changes);
        Assert.Single(h.Sink.Events, e => e.Action == "Expired");
        Assert.Empty(DataChanged(h));
    }

    [Fact]
    public async Task RecordChangeAsync_LastTickOfTheGrant_IsLogged()
    {
        (AdminHarness h, SupportSessions sessions, _, SupportSession session) = await Running();
        using AdminHarness owned = h;
        h.Time.SetUtcNow(EndsAt.AddTicks(-1));

        (SupportSessionChange? change, AccessDecision decision) = await sessions.RecordChangeAsync(session.Id, AdminHarness.Account, null, "Create", []);

        Assert.NotNull(change);
        Assert.True(decision.IsAllowed);
        Assert.Single(DataChanged(h));
    }
}
