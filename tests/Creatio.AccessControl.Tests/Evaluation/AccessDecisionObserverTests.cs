using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The evaluator tells its decision observer of the denies of one-shot checks, and of nothing else.</summary>
public sealed class AccessDecisionObserverTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static Org Ledger() => new Org()
        .Role("Finance", "All employees")
        .User("Fay", "Finance")
        .User("Dan")
        .Object("Ledger", operations: true)
        .ObjectRow("Ledger", "Finance", 0, ObjectOperations.Read);

    [Fact]
    public void OneShotCheck_Denied_ObserverToldOnceWithTheRequestDecisionAndInstant()
    {
        Org org = Ledger();
        var observer = new RecordingObserver();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now), observer);

        AccessDecision decision = evaluator.CheckObject(org.UserId("Dan"), "Ledger", ObjectOperation.Read);

        (AccessPrincipal principal, AccessRequest request, AccessDecision observed, DateTimeOffset at) = Assert.Single(observer.Denies);
        Assert.Equal(org.UserId("Dan"), principal.User);
        Assert.Same(evaluator.Snapshot, principal.Snapshot);
        Assert.Equal(AccessRequest.ForObject("Ledger", ObjectOperation.Read), request);
        Assert.Equal(decision, observed);
        Assert.Equal(AccessReason.NoMatchingObjectRow, observed.Reason);
        Assert.Equal(s_now, at);
    }

    [Fact]
    public void OneShotCheck_Allowed_ObserverNotTold()
    {
        Org org = Ledger();
        var observer = new RecordingObserver();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now), observer);

        AccessDecision decision = evaluator.CheckObject(org.UserId("Fay"), "Ledger", ObjectOperation.Read);

        Assert.True(decision.IsAllowed);
        Assert.Empty(observer.Denies);
    }

    [Fact]
    public void PrincipalCheck_Denied_ObserverNotTold()
    {
        Org org = Ledger();
        var observer = new RecordingObserver();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now), observer);

        AccessDecision decision = evaluator.GetPrincipal(org.UserId("Dan")).CheckObject("Ledger", ObjectOperation.Read);

        Assert.False(decision.IsAllowed);
        Assert.Empty(observer.Denies);
    }

    [Fact]
    public void EveryOneShotCheck_Denied_ObserverToldOfEachKind()
    {
        Org org = Ledger()
            .Object("Deal", operations: false, records: true, portal: false, "Amount")
            .Record("Deal", "r1", author: "Fay");
        var observer = new RecordingObserver();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now), observer);
        UserId dan = org.UserId("Dan");

        evaluator.CheckObject(dan, "Ledger", ObjectOperation.Edit);
        evaluator.CheckRecord(dan, "Deal", Ids.Record("r1"), RecordOperation.Read);
        evaluator.CheckColumn(dan, "Deal", "Amount", ColumnOperation.Edit, Ids.Record("r1"));
        evaluator.CheckSystemOperation(dan, SystemOperations.CanManageUsers);
        evaluator.CheckShare(dan, "Deal", Ids.Record("r1"), RecordOperation.Read);

        Assert.Equal(
            [AccessRequestKind.Object, AccessRequestKind.Record, AccessRequestKind.Column, AccessRequestKind.SystemOperation, AccessRequestKind.Share],
            observer.Denies.Select(d => d.Request.Kind));
    }

    private sealed class RecordingObserver : IAccessDecisionObserver
    {
        public List<(AccessPrincipal Principal, AccessRequest Request, AccessDecision Decision, DateTimeOffset At)> Denies { get; } = [];

        public void OnDenied(in AccessPrincipal principal, in AccessRequest request, AccessDecision decision, DateTimeOffset at) =>
            Denies.Add((principal, request, decision, at));
    }
}
