using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: <see cref="SetObjectOperationRows"/> needs the object's whole row list; adding one row meant resending
/// every other. The row-level changes insert, remove and move one row and write the whole list back renumbered from 0.</summary>
/// <remarks>Account's rows here: Creators (all four operations) at 0, All employees (read, edit, delete) at 1, Sales
/// (read) at 7: positions need not be contiguous before a change, and are after it. Cara is a member of Creators.</remarks>
public sealed class Issue16_ObjectRowChangeTests
{
    private static readonly ObjectName s_account = AdminHarness.Account;

    private static readonly ObjectOperations s_all = ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit | ObjectOperations.Delete;

    private static readonly ObjectOperations s_employees = ObjectOperations.Read | ObjectOperations.Edit | ObjectOperations.Delete;

    public static TheoryData<int, string[]> Inserts => new()
    {
        { 0, ["Temp", "Creators", "All employees", "Sales"] },
        { 1, ["Creators", "Temp", "All employees", "Sales"] },
        { 2, ["Creators", "All employees", "Temp", "Sales"] },
        { 3, ["Creators", "All employees", "Sales", "Temp"] },
    };

    public static TheoryData<int, int, string[]> Moves => new()
    {
        { 0, 2, ["All employees", "Sales", "Creators"] },
        { 2, 0, ["Sales", "Creators", "All employees"] },
        { 1, 0, ["All employees", "Creators", "Sales"] },
        { 0, 1, ["All employees", "Creators", "Sales"] },
        { 1, 1, ["Creators", "All employees", "Sales"] },
    };

    public static TheoryData<string, string> OutOfRange => new()
    {
        { "insert -1", "Position -1 of object `Account` is out of range: it has 3 operation rows, so an insert position is 0 to 3." },
        { "insert 4", "Position 4 of object `Account` is out of range: it has 3 operation rows, so an insert position is 0 to 3." },
        { "remove 3", "Position 3 of object `Account` is out of range: it has 3 operation rows, so a row position is 0 to 2." },
        { "remove 7", "Position 7 of object `Account` is out of range: it has 3 operation rows, so a row position is 0 to 2." },
        { "move 3 0", "Position 3 of object `Account` is out of range: it has 3 operation rows, so a row position is 0 to 2." },
        { "move 0 -1", "Position -1 of object `Account` is out of range: it has 3 operation rows, so a row position is 0 to 2." },
        { "remove 0 of Invoice", "Object `Invoice` does not exist." },
        { "insert 0 of Invoice", "Object `Invoice` does not exist." },
        { "move 0 0 of Invoice", "Object `Invoice` does not exist." },
    };

    [Theory]
    [MemberData(nameof(Inserts))]
    public async Task Insert_PutsTheRowAtThePosition_AndRenumbers(int position, string[] expected)
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new InsertObjectOperationRow(s_account, position, h.Org.Unit("Temp"), ObjectOperations.Read));

        Assert.True(result.IsApplied, result.Message);
        AssertRows(h, expected);
        Assert.Equal(ObjectOperations.Read, Rows(h).Single(r => r.Grantee == h.Org.Unit("Temp")).Operations);
        AssertDecidesAsACompileFromScratch(h);
    }

    [Theory]
    [InlineData(0, new[] { "All employees", "Sales" })]
    [InlineData(1, new[] { "Creators", "Sales" })]
    [InlineData(2, new[] { "Creators", "All employees" })]
    public async Task Remove_TakesTheRowAtThePositionOut_AndRenumbers(int position, string[] expected)
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new RemoveObjectOperationRow(s_account, position));

        Assert.True(result.IsApplied, result.Message);
        AssertRows(h, expected);
        AssertDecidesAsACompileFromScratch(h);
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public async Task Move_EitherDirection_PutsTheRowAtTheTarget_AndRenumbers(int from, int to, string[] expected)
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new MoveObjectOperationRow(s_account, from, to));

        Assert.True(result.IsApplied, result.Message);
        AssertRows(h, expected);
        AssertDecidesAsACompileFromScratch(h);
    }

    [Fact]
    public async Task Move_RowAbove_FirstMatchingRowNowDecides()
    {
        using AdminHarness h = Harness();
        Assert.True(h.Principal("Cara").CheckObject(s_account, ObjectOperation.Create).IsAllowed);

        await h.Admin.ApplyAsync(AccessActor.System, new MoveObjectOperationRow(s_account, 1, 0));

        AccessDecision decision = h.Principal("Cara").CheckObject(s_account, ObjectOperation.Create);
        Assert.False(decision.IsAllowed);
        Assert.Equal(AccessReason.ObjectRowDenies, decision.Reason);
    }

    [Fact]
    public async Task Remove_TheOnlyRowThatAllowed_Denies()
    {
        using AdminHarness h = Harness();

        await h.Admin.ApplyAsync(AccessActor.System, new RemoveObjectOperationRow(s_account, 0));

        Assert.False(h.Principal("Cara").CheckObject(s_account, ObjectOperation.Create).IsAllowed);
        Assert.True(h.Principal("Cara").CheckObject(s_account, ObjectOperation.Edit).IsAllowed);
    }

    [Fact]
    public async Task Batch_EachChangeSeesTheRowsTheEarlierOnesLeft()
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.ApplyAsync(
            AccessActor.System,
            new InsertObjectOperationRow(s_account, 3, h.Org.Unit("Temp"), ObjectOperations.Read),
            new MoveObjectOperationRow(s_account, 3, 0),
            new RemoveObjectOperationRow(s_account, 3));

        Assert.True(result.IsApplied, result.Message);
        AssertRows(h, ["Temp", "Creators", "All employees"]);
        AssertDecidesAsACompileFromScratch(h);
    }

    [Fact]
    public async Task RowChanges_EqualSettingTheWholeList()
    {
        using AdminHarness rowLevel = Harness();
        using AdminHarness whole = Harness();
        AdminUnitId temp = rowLevel.Org.Unit("Temp");

        await rowLevel.ApplyAsync(AccessActor.System, new InsertObjectOperationRow(s_account, 1, temp, ObjectOperations.Read), new MoveObjectOperationRow(s_account, 3, 0));
        await whole.Admin.ApplyAsync(AccessActor.System, new SetObjectOperationRows(s_account, [
            new ObjectOperationRow(s_account, whole.Org.Unit("Sales"), 0, ObjectOperations.Read),
            new ObjectOperationRow(s_account, whole.Org.Unit("Creators"), 1, s_all),
            new ObjectOperationRow(s_account, temp, 2, ObjectOperations.Read),
            new ObjectOperationRow(s_account, BuiltInRoles.AllEmployees, 3, s_employees),
        ]));

        Assert.Equal(Rows(whole), Rows(rowLevel));
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public async Task OutOfRangeOrUnknownObject_IsRefusedNamingObjectAndPosition_AndNothingIsApplied(string change, string message)
    {
        using AdminHarness h = Harness();
        ObjectOperationRow[] before = Rows(h);

        AccessChangeResult checkedOnly = h.Admin.Check(AccessActor.System, Parse(change, h.Org));
        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, Parse(change, h.Org));

        Assert.Equal(AccessChangeRefusal.NotFound, result.Refusal);
        Assert.Equal(message, result.Message);
        Assert.Equal(1, h.Snapshot.Version);
        Assert.Equal(before, Rows(h));
        Assert.Equal(0, h.Sink.Count);
        Assert.Equal(result.Refusal, checkedOnly.Refusal);
        Assert.Equal(result.Message, checkedOnly.Message);
    }

    [Theory]
    [InlineData("insert 1")]
    [InlineData("remove 1")]
    [InlineData("move 2 0")]
    public async Task Check_AnswersAsApply_AndChangesNothing(string change)
    {
        using AdminHarness h = Harness();
        ObjectOperationRow[] before = Rows(h);

        AccessChangeResult checkedOnly = h.Admin.Check(AccessActor.System, Parse(change, h.Org));

        Assert.False(checkedOnly.IsRefused, checkedOnly.Message);
        Assert.False(checkedOnly.IsApplied);
        Assert.Equal(before, Rows(h));
        Assert.True((await h.Admin.ApplyAsync(AccessActor.System, Parse(change, h.Org))).IsApplied);
    }

    [Theory]
    [InlineData("insert 1")]
    [InlineData("remove 1")]
    [InlineData("move 2 0")]
    public async Task ActorWithoutCanManageAdministration_IsRefused_ByCheckAndApply(string change)
    {
        using AdminHarness h = Harness();
        using AdminHarness permitted = Harness(org => AdminHarness.Grant(org, "Actor", SystemOperations.CanManageAdministration));

        AccessChangeResult checkedOnly = h.Admin.Check(h.User("Actor"), Parse(change, h.Org));
        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Parse(change, h.Org));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(result.Refusal, checkedOnly.Refusal);
        Assert.Equal(result.Message, checkedOnly.Message);
        Assert.True((await permitted.Admin.ApplyAsync(permitted.User("Actor"), Parse(change, permitted.Org))).IsApplied);
    }

    [Theory]
    [InlineData("insert 1", null)]
    [InlineData("move 2 0", null)]
    [InlineData("remove 1", "All employees")]
    public async Task Applied_IsAuditedAsObjectOperationPermissions(string change, string? removed)
    {
        using AdminHarness h = Harness();
        ObjectOperationRow[] before = Rows(h);

        await h.Admin.ApplyAsync(AccessActor.System, Parse(change, h.Org));

        AccessAuditEvent audit = Assert.Single(h.Sink.Events);
        Assert.Equal(AccessAuditEventType.ObjectOperationPermissions, audit.Type);
        Assert.Equal(removed is null ? null : before.Single(r => r.Grantee == Grantee(h.Org, removed)).ToString(), audit.Before);
    }

    private static AdminHarness Harness(Action<Org>? configure = null) => AdminHarness.Create(org =>
    {
        org.User("Cara", "Creators");
        org.Builder.Add(new ObjectOperationRow(s_account, org.Unit("Sales"), 7, ObjectOperations.Read));
        configure?.Invoke(org);
    });

    private static AccessChange Parse(string change, Org org)
    {
        string[] words = change.Split(' ');
        ObjectName name = words.Length > 3 ? words[^1] : s_account;
        return words[0] switch
        {
            "insert" => new InsertObjectOperationRow(name, Number(words[1]), org.Unit("Temp"), ObjectOperations.Read),
            "remove" => new RemoveObjectOperationRow(name, Number(words[1])),
            "move" => new MoveObjectOperationRow(name, Number(words[1]), Number(words[2])),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown change."),
        };
    }

    private static int Number(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static AdminUnitId Grantee(Org org, string name) => name == "All employees" ? BuiltInRoles.AllEmployees : org.Unit(name);

    private static ObjectOperationRow[] Rows(AdminHarness h) =>
        [.. h.Snapshot.Model.ObjectOperationRows.Where(r => r.Object == s_account).OrderBy(r => r.Position)];

    private static void AssertRows(AdminHarness h, string[] grantees)
    {
        ObjectOperationRow[] rows = Rows(h);
        Assert.Equal(grantees.Select(g => Grantee(h.Org, g)), rows.Select(r => r.Grantee));
        Assert.Equal(Enumerable.Range(0, rows.Length), rows.Select(r => r.Position));
    }

    private static void AssertDecidesAsACompileFromScratch(AdminHarness h)
    {
        AccessSnapshot compiled = AccessSnapshot.Compile(h.Snapshot.Model.ToBuilder().Build(), h.Snapshot.Version);
        foreach (UserDefinition user in h.Snapshot.Model.Users)
        {
            AccessPrincipal incremental = h.Snapshot.GetPrincipal(user.Id, AdminHarness.Now);
            AccessPrincipal scratch = compiled.GetPrincipal(user.Id, AdminHarness.Now);
            foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
            {
                Assert.Equal(scratch.CheckObject(s_account, operation), incremental.CheckObject(s_account, operation));
            }
        }
    }
}
