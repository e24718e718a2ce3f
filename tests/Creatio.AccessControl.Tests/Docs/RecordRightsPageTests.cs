using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/record-rights.md</c>, as the page states them.</summary>
public sealed class RecordRightsPageTests
{
    private static readonly Org s_org = Example();
    private static readonly AccessSnapshot s_snapshot = s_org.Compile();

    [Theory]
    [InlineData("Bob", "r1", "Read", "Allow at Record: RecordRight (Sales department)")]
    [InlineData("Bob", "r1", "Edit", "Deny at Record: NoRecordRight")]
    [InlineData("Carl", "r1", "Read", "Deny at Record: NoRecordRight")]
    [InlineData("Dana", "r1", "Edit", "Allow at Record: RecordAuthor (Dana)")]
    [InlineData("Bob", "by Bob", "Delete", "Allow at Record: RecordAuthor (Bob)")]
    [InlineData("Helen", "owned by Helen", "Edit", "Allow at Record: RecordOwner (Helen)")]
    [InlineData("Bob", "by Carl", "Edit", "Deny at Record: NoRecordRight")]
    public void Account_DecidesAsThePageSays(string user, string record, string operation, string expected)
    {
        AccessDecision decision = Principal(user).CheckRecord("Account", Ids.Record(record), Enum.Parse<RecordOperation>(operation));

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Theory]
    [InlineData("Ann", "by Bob", "Edit", "Allow at Record: RecordAuthor (Bob)")]
    [InlineData("Ann", "owned by Helen", "Read", "Allow at Record: RecordOwner (Helen)")]
    [InlineData("Amy", "by Ann", "Edit", "Deny at Record: NoRecordRight")]
    public void ImplicitRights_ManagersHoldThroughRule5(string user, string record, string operation, string expected)
    {
        AccessDecision decision = Principal(user).CheckRecord("Account", Ids.Record(record), Enum.Parse<RecordOperation>(operation));

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Fact]
    public void ImplicitRights_AnnEditsCarlsRecord()
    {
        // Carl and Managers of Head office both match; the page does not say which one the decision names.
        AccessDecision decision = Principal("Ann").CheckRecord("Account", Ids.Record("by Carl"), RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessStage.Record), (decision.Outcome, decision.Stage));
        Assert.Contains(decision.Reason, new[] { AccessReason.RecordAuthor, AccessReason.ManagerOfAuthorOrOwner });
    }

    [Fact]
    public void ImplicitRights_DelegationCarriesTheAuthorsRights()
    {
        Org org = Example().Delegate("Carl", "Dana");
        AccessSnapshot snapshot = org.Compile();

        AccessDecision decision = snapshot.GetPrincipal(org.UserId("Dana"), Now).CheckRecord("Account", Ids.Record("by Carl"), RecordOperation.Edit);

        Assert.Equal("Allow at Record: RecordAuthor (Carl)", Describe(org, decision));
    }

    [Fact]
    public async Task AuthorsPortalOrganization_AuthorWithoutAccountWritesNothing()
    {
        Org org = Organization()
            .Object("Case", operations: true, records: true, portal: true)
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.All);
        org.Builder.Add(new DefaultRecordRightRule("Case", BuiltInRoles.AllPortalUsers, null, RecordOperation.Read, RecordRightLevel.Allow));
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);

        AccessChangeResult created = await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Pia")), Create(org, "Case", "c2", "Pia"));

        Assert.True(created.IsApplied);
        Assert.Empty(evaluator.Snapshot.Model.RecordRightRows);
        Assert.Equal("Deny at Record: NoRecordRight", Describe(org, evaluator.CheckRecord(org.UserId("Quinn"), "Case", Ids.Record("c2"), RecordOperation.Read)));
    }

    [Theory]
    [InlineData("Bob", "s", "Edit", "Deny at Record: NoRecordRight")]
    [InlineData("Helen", "s", "Read", "Allow at Record: CanGrant (Helen)")]
    [InlineData("Helen", "s", "Edit", "Deny at Record: NoGrantRight")]
    [InlineData("Bob", "by Bob", "Read", "Allow at Record: CanGrant (Bob)")]
    [InlineData("Bob", "r1", "Delete", "Allow at Record: CanChangeRecordRights (Sales department, 0)")]
    public void Sharing_DecidesAsThePageSays(string user, string record, string operation, string expected)
    {
        AccessDecision decision = Principal(user).CheckShare("Account", Ids.Record(record), Enum.Parse<RecordOperation>(operation));

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Theory]
    [InlineData("Pat", "note by Pat", "Allow at Record: RecordAuthor (Pat)")]
    [InlineData("Pat", "note by Bob", "Deny at Record: NoRecordRight")]
    [InlineData("Quinn", "note by Pat", "Deny at Record: NoRecordRight")]
    [InlineData("Bob", "note by Pat", "Allow at Record: RecordPermissionsOff (All employees, 1)")]
    [InlineData("Bob", "never loaded", "Allow at Record: RecordPermissionsOff (All employees, 1)")]
    public void Note_PortalUsersGetLeastAccess(string user, string record, string expected)
    {
        AccessDecision decision = Principal(user).CheckRecord("Note", Ids.Record(record), RecordOperation.Read);

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Fact]
    public void Account_UnknownRecordIsLookedUp()
    {
        AccessDecision decision = Principal("Bob").CheckRecord("Account", Ids.Record("never loaded"), RecordOperation.Read);

        Assert.Equal("Deny at Record: UnknownRecord", Describe(s_org, decision));
    }

    [Fact]
    public async Task DefaultRecordRules_WriteRightsForCreatorsWhoseRolesHoldTheAuthorUnit()
    {
        Org org = Organization().Object("Account", records: true);
        org.Builder.Add(new DefaultRecordRightRule("Account", org.Unit("Sales department"), org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow));
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);

        await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Bob")), Create(org, "Account", "a1", "Bob"));
        await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Carl")), Create(org, "Account", "a2", "Carl"));

        Assert.Equal(["a1 Head office Read Allow Default"], Rights(org, evaluator));
        Assert.Equal("Allow at Record: RecordRight (Head office)", Describe(org, evaluator.CheckRecord(org.UserId("Helen"), "Account", Ids.Record("a1"), RecordOperation.Read)));
        Assert.Equal("Deny at Record: NoRecordRight", Describe(org, evaluator.CheckRecord(org.UserId("Helen"), "Account", Ids.Record("a2"), RecordOperation.Read)));

        // Update record permissions: the rules change, Dana is given Delete on a1 by sharing.
        await administration.ApplyAsync(AccessActor.System, new SetDefaultRecordRightRules("Account", [new DefaultRecordRightRule("Account", BuiltInRoles.AllEmployees, org.Unit("Branch"), RecordOperation.Edit, RecordRightLevel.Allow)]));
        await administration.ApplyAsync(AccessActor.System, new ShareRecord(new RecordRightRow("Account", Ids.Record("a1"), org.Unit("Dana"), RecordOperation.Delete, RecordRightLevel.Allow)));
        Assert.Equal(["a1 Dana Delete Allow Manual", "a1 Head office Read Allow Default"], Rights(org, evaluator));

        AccessChangeResult update = await administration.ApplyAsync(AccessActor.System, new UpdateRecordPermissions("Account"));

        Assert.True(update.IsApplied);
        Assert.Equal(["a1 Branch Edit Allow Default", "a1 Dana Delete Allow Manual", "a2 Branch Edit Allow Default"], Rights(org, evaluator));
    }

    [Fact]
    public async Task AuthorsPortalOrganization_ColleagueReadsTheRecord()
    {
        Org org = Organization()
            .Object("Case", operations: true, records: true, portal: true)
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.All);
        org.Builder.Add(new DefaultRecordRightRule("Case", BuiltInRoles.AllPortalUsers, null, RecordOperation.Read, RecordRightLevel.Allow));
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);

        AccessChangeResult created = await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Pat")), Create(org, "Case", "c1", "Pat"));

        Assert.True(created.IsApplied);
        Assert.Equal(["c1 Acme Read Allow Default"], Rights(org, evaluator));
        Assert.Equal("Allow at Record: RecordRight (Acme)", Describe(org, evaluator.CheckRecord(org.UserId("Quinn"), "Case", Ids.Record("c1"), RecordOperation.Read)));
    }

    private static AccessPrincipal Principal(string user) => s_snapshot.GetPrincipal(s_org.UserId(user), Now);

    private static CreateRecord Create(Org org, string objectName, string record, string author) =>
        new(new RecordDefinition(objectName, Ids.Record(record), org.UserId(author)));

    private static List<string> Rights(Org org, AccessEvaluator evaluator)
    {
        string[] records = ["a1", "a2", "c1"];
        return [.. evaluator.Snapshot.Model.RecordRightRows
            .Select(r => $"{records.First(n => Ids.Record(n) == r.Record)} {org.Label(r.Grantee)} {r.Operation} {r.Level} {r.Source}")
            .Order(StringComparer.Ordinal)];
    }

    private static Org Example() =>
        Organization()
            .Object("Account", records: true)
            .Record("Account", "r1", author: "Dana")
            .Right("Account", "r1", "Sales department", RecordOperation.Read, RecordRightLevel.Allow)
            .Right("Account", "r1", "Bob", RecordOperation.Read, RecordRightLevel.Deny)
            .Right("Account", "r1", "Head office", RecordOperation.Edit, RecordRightLevel.Deny)
            .Record("Account", "by Bob", author: "Bob")
            .Record("Account", "by Carl", author: "Carl")
            .Record("Account", "owned by Helen", author: "Dana", owner: "Helen")
            .Record("Account", "by Ann", author: "Ann")
            .Record("Account", "s", author: "Dana")
            .Right("Account", "s", "Bob", RecordOperation.Edit, RecordRightLevel.AllowAndGrant)
            .Right("Account", "s", "Helen", RecordOperation.Read, RecordRightLevel.AllowAndGrant)
            .Right("Account", "s", "Helen", RecordOperation.Edit, RecordRightLevel.Allow)
            .Operation(SystemOperations.CanChangeEntitySchemaRecordRight, "Sales department", 0)
            .Object("Note", operations: true, records: false, portal: true)
            .ObjectRow("Note", "All portal users", 0, ObjectOperations.All)
            .ObjectRow("Note", "All employees", 1, ObjectOperations.All)
            .Record("Note", "note by Pat", author: "Pat")
            .Record("Note", "note by Bob", author: "Bob");
}
