using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.SupportAccess;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 15: <see cref="AccessEvaluator"/> read its clock on every check, which costs more than the check itself
/// in a server's access pattern. The clock is read only when the snapshot holds a rule that depends on time; every rule that
/// does is still decided at the clock's instant.</summary>
/// <remarks>The rules that depend on time: a delegation with an end date (the only one that changes a user's <c>E(u)</c>, and
/// so the principal the evaluator resolves); a support grant's window (always given its instant: support sessions and
/// support principals read the clock themselves); the instant of an audit event.</remarks>
public sealed class Issue15_ClockTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Fay's Finance grants Ledger Read and the Invoices record <c>i1</c>; Dan holds nothing of his own.</summary>
    private static Org Ledger(DateTimeOffset? delegationEndsAt, bool delegation = true)
    {
        Org org = new Org()
            .Role("Finance", "All employees")
            .User("Fay", "Finance")
            .User("Dan")
            .Object("Ledger", operations: true)
            .ObjectRow("Ledger", "Finance", 0, ObjectOperations.Read)
            .Object("Invoices", records: true)
            .Record("Invoices", "i1")
            .Right("Invoices", "i1", "Finance", RecordOperation.Read);
        return delegation ? org.Delegate("Fay", "Dan", delegationEndsAt) : org;
    }

    [Fact]
    public void Checks_NoRuleDependsOnTime_DoNotReadTheClock()
    {
        Org org = Ledger(delegationEndsAt: null);
        var clock = new CountingClock(s_start);
        var evaluator = new AccessEvaluator(org.Compile(), clock);
        UserId dan = org.UserId("Dan");

        AccessDecision objectDecision = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        AccessDecision recordDecision = evaluator.CheckRecord(dan, "Invoices", Ids.Record("i1"), RecordOperation.Read);
        AccessPrincipal principal = evaluator.GetPrincipal(dan);
        AccessDecision columnDecision = evaluator.CheckColumn(dan, "Ledger", "Id", ColumnOperation.Read);
        AccessDecision systemDecision = evaluator.CheckSystemOperation(dan, SystemOperations.CanExportGrid);
        AccessDecision shareDecision = evaluator.CheckShare(dan, "Invoices", Ids.Record("i1"), RecordOperation.Read);
        AccessExplanation explanation = evaluator.Explain(dan, AccessRequest.ForObject("Ledger", ObjectOperation.Read));

        Assert.Equal(0, clock.Reads);
        Assert.True(objectDecision.IsAllowed);
        Assert.True(recordDecision.IsAllowed);
        Assert.True(principal.HasEffectiveRole(org.Unit("Finance")));
        Assert.Null(principal.EffectiveRolesValidUntil);
        AccessPrincipal atTheClock = evaluator.Snapshot.GetPrincipal(dan, s_start);
        Assert.Equal(atTheClock.CheckColumn("Ledger", "Id", ColumnOperation.Read), columnDecision);
        Assert.Equal(atTheClock.CheckSystemOperation(SystemOperations.CanExportGrid), systemDecision);
        Assert.Equal(atTheClock.CheckShare("Invoices", Ids.Record("i1"), RecordOperation.Read), shareDecision);
        Assert.Equal(objectDecision, explanation.Decision);
    }

    [Fact]
    public void Checks_DelegationWithAnEndDate_DecidedAtTheClocksInstant()
    {
        DateTimeOffset endsAt = s_start.AddHours(1);
        Org org = Ledger(endsAt);
        var clock = new CountingClock(endsAt.AddTicks(-1));
        var evaluator = new AccessEvaluator(org.Compile(), clock);
        UserId dan = org.UserId("Dan");

        AccessDecision objectBefore = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        AccessDecision recordBefore = evaluator.CheckRecord(dan, "Invoices", Ids.Record("i1"), RecordOperation.Read);
        AccessPrincipal principalBefore = evaluator.GetPrincipal(dan);
        clock.Advance(TimeSpan.FromTicks(1));
        AccessDecision objectAt = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        AccessDecision recordAt = evaluator.CheckRecord(dan, "Invoices", Ids.Record("i1"), RecordOperation.Read);
        AccessPrincipal principalAt = evaluator.GetPrincipal(dan);

        Assert.True(objectBefore.IsAllowed);
        Assert.True(recordBefore.IsAllowed);
        Assert.Equal(endsAt, principalBefore.EffectiveRolesValidUntil);
        Assert.Equal((AccessOutcome.Deny, AccessReason.NoMatchingObjectRow), (objectAt.Outcome, objectAt.Reason));
        Assert.False(recordAt.IsAllowed);
        Assert.False(principalAt.HasEffectiveRole(org.Unit("Finance")));
        Assert.Equal(6, clock.Reads);
    }

    [Fact]
    public void Checks_DatedDelegationReachingNoUser_DoNotReadTheClock()
    {
        // Fay's rights go to Temps until tomorrow, but Temps has no member: no user's roles change with time.
        Org org = Ledger(delegationEndsAt: null, delegation: false).Role("Temps", "All employees").Delegate("Fay", "Temps", s_start.AddDays(1));
        var clock = new CountingClock(s_start);
        var evaluator = new AccessEvaluator(org.Compile(), clock);

        AccessDecision fay = evaluator.CheckObject(org.UserId("Fay"), "Ledger", ObjectOperation.Read);
        AccessDecision dan = evaluator.CheckRecord(org.UserId("Dan"), "Invoices", Ids.Record("i1"), RecordOperation.Read);

        Assert.Equal((true, false), (fay.IsAllowed, dan.IsAllowed));
        Assert.Equal(0, clock.Reads);
    }

    [Fact]
    public async Task Checks_DatedDelegationAddedAndRemovedByAdministration_ClockReadWhileItIsThere()
    {
        DateTimeOffset endsAt = s_start.AddHours(1);
        Org org = Ledger(delegationEndsAt: null, delegation: false).User("Admin", "System administrators");
        var clock = new CountingClock(s_start);
        var evaluator = new AccessEvaluator(org.Compile(), clock);
        var administration = new AccessAdministration(evaluator);
        UserId dan = org.UserId("Dan");

        AccessDecision withoutDelegation = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        int readsWithout = clock.Reads;
        Assert.True((await administration.ApplyAsync(AccessActor.System, new AddDelegation(new Delegation(org.Unit("Fay"), org.Unit("Dan"), endsAt)))).IsApplied);
        int readsBefore = clock.Reads;
        AccessDecision delegated = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        clock.SetUtcNow(endsAt);
        AccessDecision ended = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);
        int readsWith = clock.Reads - readsBefore;
        Assert.True((await administration.ApplyAsync(AccessActor.System, new RemoveDelegation(org.Unit("Fay"), org.Unit("Dan")))).IsApplied);
        int readsAfterRemoval = clock.Reads;
        AccessDecision removed = evaluator.CheckObject(dan, "Ledger", ObjectOperation.Read);

        Assert.Equal((false, true, false, false), (withoutDelegation.IsAllowed, delegated.IsAllowed, ended.IsAllowed, removed.IsAllowed));
        Assert.Equal(0, readsWithout);
        Assert.Equal(2, readsWith);
        Assert.Equal(readsAfterRemoval, clock.Reads);
    }

    [Fact]
    public async Task SupportSession_GrantWindow_DecidedAtTheClocksInstantWithoutAnyDatedDelegation()
    {
        // The grant opens on 2026-03-02 (UTC), the day after the harness's clock starts, and ends with 2026-03-05.
        var opens = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        using AdminHarness h = SupportHarness.Create(grant => grant with { StartDate = DateOnly.FromDateTime(opens.UtcDateTime) });
        var sessions = new SupportSessions(h.Evaluator, new InMemorySupportSessionStore(), h.Dispatcher);
        Assert.DoesNotContain(h.Snapshot.Model.Delegations, d => d.EndsAt is not null);

        h.Time.SetUtcNow(opens.AddTicks(-1));
        (SupportSession? early, AccessDecision notStarted) = await sessions.StartAsync(SupportHarness.G);
        h.Time.SetUtcNow(SupportHarness.EndsAt.AddTicks(-1));
        (SupportSession? last, AccessDecision lastTick) = await sessions.StartAsync(SupportHarness.G);
        h.Time.SetUtcNow(SupportHarness.EndsAt);
        (SupportSession? late, AccessDecision expired) = await sessions.StartAsync(SupportHarness.G);

        Assert.Null(early);
        Assert.Equal(AccessReason.SupportGrantNotStarted, notStarted.Reason);
        Assert.NotNull(last);
        Assert.True(lastTick.IsAllowed);
        Assert.Equal(SupportHarness.EndsAt.AddTicks(-1), last!.StartedAt);
        Assert.Null(late);
        Assert.Equal(AccessReason.SupportGrantExpired, expired.Reason);
    }

    [Fact]
    public void DeniedCheck_NoRuleDependsOnTime_AuditEventAtTheClocksInstant()
    {
        using AdminHarness h = AdminHarness.Create(enabled: [AccessAuditEventType.DeniedOperation]);
        Assert.DoesNotContain(h.Snapshot.Model.Delegations, d => d.EndsAt is not null);
        h.Time.Advance(TimeSpan.FromMinutes(7));

        AccessDecision decision = h.Evaluator.CheckObject(h.Org.UserId("Pat"), AdminHarness.Account, ObjectOperation.Delete);

        Assert.False(decision.IsAllowed);
        AccessAuditEvent denied = Assert.Single(h.Sink.Events, e => e.Type == AccessAuditEventType.DeniedOperation);
        Assert.Equal(AdminHarness.Now.AddMinutes(7), denied.Timestamp);
    }

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 100)]
    public void GetPrincipal_RandomModel_SameAsTheSnapshotAtTheClocksInstantAndTheClockReadOnlyForAUserADatedDelegationReaches(RandomModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Builder.Build());

        // A dated delegation makes a principal depend on time only where it reaches a user: that user's roles then hold
        // until an instant, at the earliest instant there is. The clock is read for such a user only.
        bool dated = random.Instants.Count > 0 &&
            random.Users.Any(u => snapshot.GetPrincipal(u, DateTimeOffset.MinValue).EffectiveRolesValidUntil is not null);
        var clock = new CountingClock(random.Now);
        var evaluator = new AccessEvaluator(snapshot, clock);

        foreach (DateTimeOffset instant in random.Instants.Distinct().Order())
        {
            clock.SetUtcNow(instant);
            foreach (UserId user in random.Users)
            {
                AccessPrincipal expected = snapshot.GetPrincipal(user, instant);
                AccessPrincipal actual = evaluator.GetPrincipal(user);

                Assert.Equal(Units(expected.EffectiveRoles), Units(actual.EffectiveRoles));
                Assert.Equal(expected.EffectiveRolesValidUntil, actual.EffectiveRolesValidUntil);
            }
        }

        Assert.Equal(dated, clock.Reads > 0);
    }

    private static List<AdminUnitId> Units(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>(set.Count);
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }

    /// <summary>A settable clock that counts how often it is read.</summary>
    private sealed class CountingClock(DateTimeOffset start) : FakeTimeProvider(start)
    {
        public int Reads { get; private set; }

        public override DateTimeOffset GetUtcNow()
        {
            Reads++;
            return base.GetUtcNow();
        }
    }
}
