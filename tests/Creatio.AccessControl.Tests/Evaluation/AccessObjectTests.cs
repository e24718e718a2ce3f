using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary><see cref="AccessSnapshot.GetObject(ObjectName)"/> and the checks on an <see cref="AccessObject"/>: the
/// decisions of the checks by name, and a deny, never a throw, for an object of another snapshot or an unknown one.</summary>
public sealed class AccessObjectTests
{
    private static readonly RecordId s_mine = Ids.Record("mine");
    private static readonly RecordId s_shared = Ids.Record("shared");
    private static readonly RecordId s_other = Ids.Record("other");

    private static Org Sales() => new Org()
        .Role("Sales", "All employees")
        .User("Ann", "Sales")
        .User("Bob")
        .Inactive("Ina", "Sales")
        .Object("Invoice", operations: true, records: true, columns: ["Amount"])
        .ObjectRow("Invoice", "Sales", 0, ObjectOperations.Read | ObjectOperations.Edit)
        .ObjectRow("Invoice", "All employees", 1, ObjectOperations.Read)
        .ColumnRow("Invoice", "Amount", "Sales", 0, ColumnRightLevel.Read)
        .Record("Invoice", "mine", author: "Ann")
        .Record("Invoice", "shared")
        .Right("Invoice", "shared", "Sales", RecordOperation.Read)
        .Record("Invoice", "other", author: "Bob");

    /// <summary>Every check an <see cref="AccessObject"/> answers, by the object and by its name, side by side.</summary>
    private static List<(string Check, AccessDecision ByObject, AccessDecision ByName)> EveryCheck(AccessPrincipal principal, in AccessObject resolved, ObjectName name)
    {
        var checks = new List<(string Check, AccessDecision ByObject, AccessDecision ByName)>();
        foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
        {
            checks.Add(($"object {operation}", principal.CheckObject(in resolved, operation), principal.CheckObject(name, operation)));
        }

        foreach (RecordId record in new[] { s_mine, s_shared, s_other, Ids.Record("not a record") })
        {
            foreach (RecordOperation operation in Enum.GetValues<RecordOperation>())
            {
                checks.Add(($"record {record} {operation}", principal.CheckRecord(in resolved, record, operation), principal.CheckRecord(name, record, operation)));
            }

            foreach (ColumnName column in new ColumnName[] { "Amount", "Id", "Nothing" })
            {
                foreach (ColumnOperation operation in Enum.GetValues<ColumnOperation>())
                {
                    checks.Add(($"column {column} of {record} {operation}", principal.CheckColumn(in resolved, record, column, operation), principal.CheckColumn(name, record, column, operation)));
                }
            }
        }

        foreach (ColumnName column in new ColumnName[] { "Amount", "Id", "Nothing" })
        {
            foreach (ColumnOperation operation in Enum.GetValues<ColumnOperation>())
            {
                checks.Add(($"column {column} {operation}", principal.CheckColumn(in resolved, column, operation), principal.CheckColumn(name, column, operation)));
            }
        }

        return checks;
    }

    [Fact]
    public void GetObject_KnownObject_IsKnownInItsSnapshot()
    {
        AccessSnapshot snapshot = Sales().Compile();

        AccessObject invoice = snapshot.GetObject("Invoice");

        Assert.True(invoice.IsKnown);
        Assert.Equal(new ObjectName("Invoice"), invoice.Name);
        Assert.Same(snapshot, invoice.Snapshot);
        Assert.Contains("Invoice", invoice.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Definition_KnownObject_IsTheModelsDefinition()
    {
        Org org = Sales();
        org.Builder.Add(new ObjectDefinition("Lead") { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        AccessSnapshot snapshot = org.Compile();

        ObjectDefinition? invoice = snapshot.GetObject("Invoice").Definition;
        ObjectDefinition? lead = snapshot.GetObject("Lead").Definition;

        Assert.Same(snapshot.Model.Objects.Single(o => o.Name == "Invoice"), invoice);
        Assert.Equal(["Amount"], invoice!.Columns);
        Assert.False(invoice.KeepsRecordsInDatabase);
        Assert.True(lead!.KeepsRecordsInDatabase);
    }

    [Fact]
    public void Definition_UnknownOrDefaultObject_IsNull()
    {
        AccessSnapshot snapshot = Sales().Compile();

        Assert.Null(snapshot.GetObject("Nothing").Definition);
        Assert.Null(snapshot.GetObject(default).Definition);
        Assert.Null(default(AccessObject).Definition);
    }

    [Theory]
    [InlineData("Ann", true)]
    [InlineData("Bob", true)]
    [InlineData("Ina", false)]
    public void Checks_OnAnAccessObject_EqualTheChecksByName(string user, bool allowedSomething)
    {
        AccessSnapshot snapshot = Sales().Compile();
        AccessPrincipal principal = snapshot.GetPrincipal(Sales().UserId(user), DateTimeOffset.UnixEpoch);
        AccessObject invoice = snapshot.GetObject("Invoice");

        List<(string Check, AccessDecision ByObject, AccessDecision ByName)> checks = EveryCheck(principal, invoice, "Invoice");

        Assert.Equal(allowedSomething, checks.Exists(c => c.ByName.IsAllowed));
        Assert.All(checks, c => Assert.True(c.ByName == c.ByObject, $"{c.Check}: by name {c.ByName}, by object {c.ByObject}"));
    }

    [Fact]
    public void Checks_OnAnUnknownObject_DeniedWithUnknownObjectLikeTheName()
    {
        AccessSnapshot snapshot = Sales().Member("Ann", "System administrators").Compile();
        AccessPrincipal ann = snapshot.GetPrincipal(Sales().UserId("Ann"), DateTimeOffset.UnixEpoch);

        AccessObject nothing = snapshot.GetObject("Nothing");

        Assert.False(nothing.IsKnown);
        Assert.Same(snapshot, nothing.Snapshot);
        Assert.All(EveryCheck(ann, nothing, "Nothing"), c =>
        {
            Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.UnknownObject), (c.ByObject.Outcome, c.ByObject.Stage, c.ByObject.Reason));
            Assert.Equal(c.ByName, c.ByObject);
        });
    }

    [Fact]
    public void Checks_OnTheDefaultAccessObject_DeniedWithUnknownObject()
    {
        AccessPrincipal ann = Sales().Principal("Ann");
        AccessObject unresolved = default;

        Assert.False(unresolved.IsKnown);
        Assert.Null(unresolved.Snapshot);
        Assert.All(EveryCheck(ann, unresolved, "Nothing"), c =>
            Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.UnknownObject), (c.ByObject.Outcome, c.ByObject.Stage, c.ByObject.Reason)));
    }

    [Fact]
    public void Checks_OnAnAccessObjectOfAnotherSnapshot_DeniedWithObjectFromAnotherSnapshot()
    {
        // Two snapshots of the very same model: the object must still be resolved again, never taken from the other one.
        AccessModel model = Sales().Build();
        AccessSnapshot first = AccessSnapshot.Compile(model, 1);
        AccessSnapshot second = AccessSnapshot.Compile(model, 2);
        AccessPrincipal ann = second.GetPrincipal(Sales().UserId("Ann"), DateTimeOffset.UnixEpoch);
        AccessObject stale = first.GetObject("Invoice");

        List<(string Check, AccessDecision ByObject, AccessDecision ByName)> checks = EveryCheck(ann, stale, "Invoice");

        Assert.Contains(checks, c => c.ByName.IsAllowed);
        Assert.All(checks, c =>
        {
            Assert.Equal((AccessOutcome.Deny, AccessStage.Object, AccessReason.ObjectFromAnotherSnapshot), (c.ByObject.Outcome, c.ByObject.Stage, c.ByObject.Reason));
            Assert.Null(c.ByObject.Grantee);
        });
    }

    [Fact]
    public async Task Checks_OnAnAccessObjectOfAPublishedSnapshot_DeniedAfterTheEvaluatorRefreshes()
    {
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(Sales().Build(), 1));
        AccessObject before = evaluator.Snapshot.GetObject("Invoice");
        Assert.True(evaluator.GetPrincipal(Sales().UserId("Ann")).CheckObject(in before, ObjectOperation.Edit).IsAllowed);

        await evaluator.ReplaceAsync(AccessSnapshot.Compile(Sales().Build(), 2));
        AccessPrincipal ann = evaluator.GetPrincipal(Sales().UserId("Ann"));

        Assert.Equal(AccessReason.ObjectFromAnotherSnapshot, ann.CheckObject(in before, ObjectOperation.Edit).Reason);
        Assert.True(ann.CheckObject(ann.Snapshot!.GetObject("Invoice"), ObjectOperation.Edit).IsAllowed);
    }

    [Fact]
    public void Checks_OnAnAccessObjectOfAnotherSnapshot_UserStepDecidesFirst()
    {
        AccessSnapshot first = Sales().Compile();
        AccessSnapshot second = Sales().Compile();
        AccessObject stale = first.GetObject("Invoice");

        AccessDecision inactive = second.GetPrincipal(Sales().UserId("Ina"), DateTimeOffset.UnixEpoch).CheckObject(in stale, ObjectOperation.Read);
        AccessDecision unknown = second.GetPrincipal(Ids.User("nobody"), DateTimeOffset.UnixEpoch).CheckRecord(in stale, s_mine, RecordOperation.Read);
        AccessDecision nobody = default(AccessPrincipal).CheckColumn(in stale, "Amount", ColumnOperation.Read);

        Assert.Equal((AccessStage.User, AccessReason.InactiveUser), (inactive.Stage, inactive.Reason));
        Assert.Equal((AccessStage.User, AccessReason.UnknownUser), (unknown.Stage, unknown.Reason));
        Assert.Equal((AccessStage.User, AccessReason.UnknownUser), (nobody.Stage, nobody.Reason));
    }

    [Fact]
    public void Checks_OnAnAccessObject_PortalUserGetsTheSameDecisionsAsByName()
    {
        Org org = Sales()
            .Portal("Pat", "All portal users")
            .Object("Case", operations: true, records: true, portal: true)
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.Read | ObjectOperations.Edit)
            .Record("Case", "pat's", author: "Pat");
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal pat = snapshot.GetPrincipal(org.UserId("Pat"), DateTimeOffset.UnixEpoch);

        foreach (ObjectName name in new ObjectName[] { "Invoice", "Case" })
        {
            Assert.All(EveryCheck(pat, snapshot.GetObject(name), name), c => Assert.True(c.ByName == c.ByObject, $"{name} {c.Check}: by name {c.ByName}, by object {c.ByObject}"));
        }

        Assert.True(pat.CheckRecord(snapshot.GetObject("Case"), Ids.Record("pat's"), RecordOperation.Edit).IsAllowed);
    }
}
