using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The long-lived evaluator: its clock and snapshot publication.</summary>
public sealed class AccessEvaluatorTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Org Delegated() => new Org()
        .Role("Finance", "All employees")
        .User("Fay", "Finance")
        .User("Dan")
        .Object("Ledger", operations: true)
        .ObjectRow("Ledger", "Finance", 0, ObjectOperations.Read)
        .Delegate("Fay", "Dan", s_start.AddHours(1));

    [Fact]
    public void CheckObject_DelegationWithEndsAt_FollowsTheEvaluatorsTimeProvider()
    {
        Org org = Delegated();
        var clock = new FakeTimeProvider(s_start);
        var evaluator = new AccessEvaluator(org.Compile(), clock);

        AccessDecision before = evaluator.CheckObject(org.UserId("Dan"), "Ledger", ObjectOperation.Read);
        clock.Advance(TimeSpan.FromHours(1));
        AccessDecision after = evaluator.CheckObject(org.UserId("Dan"), "Ledger", ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows), (before.Outcome, before.Reason));
        Assert.Equal((AccessOutcome.Deny, AccessReason.NoMatchingObjectRow), (after.Outcome, after.Reason));
        Assert.Same(clock, evaluator.TimeProvider);
    }

    [Fact]
    public void GetPrincipal_DelegationWithEndsAt_EffectiveRolesValidUntilTheEnd()
    {
        Org org = Delegated();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_start));

        AccessPrincipal dan = evaluator.GetPrincipal(org.UserId("Dan"));

        Assert.Equal(s_start.AddHours(1), dan.EffectiveRolesValidUntil);
        Assert.True(dan.HasEffectiveRole(org.Unit("Finance")));
    }

    [Fact]
    public void OneShotChecks_SameAsThePrincipals()
    {
        Org org = Delegated()
            .Object("Deal", operations: false, records: true, portal: false, "Amount")
            .Record("Deal", "r1", author: "Dan");
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_start));
        UserId dan = org.UserId("Dan");
        AccessPrincipal principal = evaluator.GetPrincipal(dan);

        Assert.Equal(principal.CheckRecord("Deal", Ids.Record("r1"), RecordOperation.Edit), evaluator.CheckRecord(dan, "Deal", Ids.Record("r1"), RecordOperation.Edit));
        Assert.Equal(principal.CheckColumn("Deal", Ids.Record("r1"), "Amount", ColumnOperation.Edit), evaluator.CheckColumn(dan, "Deal", "Amount", ColumnOperation.Edit, Ids.Record("r1")));
        Assert.Equal(principal.CheckShare("Deal", Ids.Record("r1"), RecordOperation.Read), evaluator.CheckShare(dan, "Deal", Ids.Record("r1"), RecordOperation.Read));
        Assert.Equal(principal.CheckSystemOperation(SystemOperations.CanExportGrid), evaluator.CheckSystemOperation(dan, SystemOperations.CanExportGrid));
        Assert.Equal(AccessReason.RecordAuthor, evaluator.Explain(dan, AccessRequest.ForRecord("Deal", Ids.Record("r1"), RecordOperation.Read)).Decision.Reason);
    }

    [Fact]
    public void CheckObject_EmptySnapshot_UnknownUser()
    {
        var evaluator = new AccessEvaluator(AccessSnapshot.Empty);

        Assert.Equal(AccessReason.UnknownUser, evaluator.CheckObject(Ids.User("anyone"), "Ledger", ObjectOperation.Read).Reason);
    }
}
