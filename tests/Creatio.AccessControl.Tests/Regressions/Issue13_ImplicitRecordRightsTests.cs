using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13: the implicit rights of a record's author and owner were held only by the author or owner in person
/// and by the manager units of their direct organizational roles. DESIGN.md §5: they are rows whose grantees are the author,
/// the owner and those manager units, matched like every row (grantee in <c>E(u)</c>), so a manager above an author whose
/// role has no manager unit, and a user the author delegated to, hold them too; the check and its explanation agree.</summary>
public sealed class Issue13_ImplicitRecordRightsTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly RecordId s_deal = Ids.Record("deal");

    /// <summary>Head office (with a manager unit, Hal) › Sales (without one): Sue in Sales authored the deal.</summary>
    private static Org Company() => new Org()
        .Organization("Head office", "All employees")
        .Managers("Head office")
        .Role("Sales", "Head office")
        .User("Sue", "Sales")
        .User("Hal", "Managers of Head office")
        .User("Dan")
        .Object("Deal", operations: false, records: true)
        .Record("Deal", "deal", author: "Sue");

    [Fact]
    public void CheckRecord_ManagerAboveAnAuthorWhoseRoleHasNoManagerUnit_IsAllowedAndTheExplanationSaysWhy()
    {
        AccessPrincipal hal = Company().Principal("Hal");

        AccessDecision decision = hal.CheckRecord("Deal", s_deal, RecordOperation.Edit);
        AccessExplanation explanation = hal.Explain(AccessRequest.ForRecord("Deal", s_deal, RecordOperation.Edit));

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordAuthor), (decision.Outcome, decision.Reason));
        Assert.Equal(decision, explanation.Decision);
        AccessExplanationRow row = Assert.Single(explanation.Steps.Single(s => s.Stage == AccessStage.Record).Rows, r => r.Decides);
        Assert.Equal(("Sue", true), (row.GranteeName, row.InEffectiveRoles));
        Assert.StartsWith("author, in the effective roles", row.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckRecord_UserTheAuthorDelegatedTo_IsAllowed()
    {
        AccessPrincipal dan = Company().Delegate("Sue", "Dan").Principal("Dan");

        Assert.Equal(AccessReason.RecordAuthor, dan.CheckRecord("Deal", s_deal, RecordOperation.Read).Reason);
        Assert.True(dan.CheckShare("Deal", s_deal, RecordOperation.Delete).IsAllowed);
    }

    [Fact]
    public async Task AddMembership_UserJoinsTheManagerUnitAbove_ThenReadsTheAuthorsRecord()
    {
        Org org = Company();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);
        Assert.False(evaluator.Snapshot.GetPrincipal(org.UserId("Dan"), s_now).CheckRecord("Deal", s_deal, RecordOperation.Read).IsAllowed);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Dan"), org["Managers of Head office"])));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(AccessReason.RecordAuthor, evaluator.Snapshot.GetPrincipal(org.UserId("Dan"), s_now).CheckRecord("Deal", s_deal, RecordOperation.Read).Reason);
    }

    [Fact]
    public async Task AddDelegation_FromTheAuthor_TheRecipientReadsTheAuthorsRecord()
    {
        Org org = Company();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(org.Build(), 1), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);

        AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new AddDelegation(new Delegation(org.Unit("Sue"), org.Unit("Dan"), null)));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(AccessReason.RecordAuthor, evaluator.Snapshot.GetPrincipal(org.UserId("Dan"), s_now).CheckRecord("Deal", s_deal, RecordOperation.Read).Reason);
    }
}
