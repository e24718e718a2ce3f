using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The structures a change updates without a full compile: record rights as base plus edits, and the inverse of
/// <c>E(u)</c> patched unit by unit.</summary>
public sealed class IncrementalStructureTests
{
    private static readonly ObjectName s_account = "Account";

    [Fact]
    public void RecordRightList_Materialize_KeepsUntouchedRowsInPlaceAndAppendsEachSharedKeyInTheOrderOfItsLastShare()
    {
        RecordRightRow a = Right(1, 1, RecordOperation.Read);
        RecordRightRow b = Right(2, 1, RecordOperation.Read);
        RecordRightRow c = Right(3, 1, RecordOperation.Edit);
        var list = RecordRightList.Over([a, b, c]);

        RecordRightRow bDenied = b with { Level = RecordRightLevel.Deny };
        RecordRightRow d = Right(4, 2, RecordOperation.Delete);
        list = list.Set(bDenied).Set(d).Remove(RecordRightKey.Of(c)).Set(b with { Level = RecordRightLevel.AllowAndGrant });

        Assert.Equal(new[] { a, d, b with { Level = RecordRightLevel.AllowAndGrant } }, list.Materialize().ToArray());
        Assert.Equal(new[] { a, b, c }, RecordRightList.Over([a, b, c]).Materialize().ToArray());
    }

    [Fact]
    public void MembershipList_AddAndRemove_MaterializeAsTheFullPathEditsTheListAndFindEveryCopyOfAMembership()
    {
        RoleMembership a = new(Ids.User("a"), Ids.Role("x"));
        RoleMembership b = new(Ids.User("b"), Ids.Role("x"));
        RoleMembership c = new(Ids.User("a"), Ids.Role("y"));
        var list = MembershipList.Over([a, b, a, c]);

        // Removing a removes both copies; adding it again appends it after the untouched rows, like the full path.
        var edited = list.Remove(a).Set(new RoleMembership(Ids.User("d"), Ids.Role("x"))).Set(a);

        Assert.Equal([b, c, new RoleMembership(Ids.User("d"), Ids.Role("x")), a], edited.Materialize().ToArray());
        var copies = new List<RoleMembership>();
        list.RowsOf(a, copies);
        Assert.Equal([a, a], copies);
        copies.Clear();
        list.Remove(a).RowsOf(a, copies);
        Assert.Empty(copies);
        Assert.Equal([a, b, a, c], list.Rebased().Materialize().ToArray());
        Assert.Equal(0, edited.Rebased().EditCount);
        Assert.Same(edited, edited.RebasedBeyond(3));
        var rebased = edited.RebasedBeyond(2);
        Assert.Equal(0, rebased.EditCount);
        Assert.Equal([b, c, new RoleMembership(Ids.User("d"), Ids.Role("x")), a], rebased.Materialize().ToArray());
    }

    [Fact]
    public void RecordRightList_RowsOf_FindsBaseRowsOfAKeyInOrderUntilAnEditReplacesThem()
    {
        RecordRightRow first = Right(1, 1, RecordOperation.Read);
        RecordRightRow again = first with { Source = RecordRightSource.Default };
        RecordRightRow other = Right(1, 1, RecordOperation.Edit);
        var list = RecordRightList.Over([first, other, again]);

        var rows = new List<RecordRightRow>();
        list.RowsOf(RecordRightKey.Of(first), rows);
        Assert.Equal([first, again], rows);

        rows.Clear();
        list.Remove(RecordRightKey.Of(first)).RowsOf(RecordRightKey.Of(first), rows);
        Assert.Empty(rows);

        rows.Clear();
        list.RowsOf(RecordRightKey.Of(Right(9, 1, RecordOperation.Read)), rows);
        Assert.Empty(rows);
    }

    [Fact]
    public void SubjectsByUnit_With_AddsAndRemovesPairsKeepingEachUnitsSubjectsAscending()
    {
        Org org = new Org().User("Ann").User("Bob").User("Cid");
        AccessSnapshot snapshot = AccessSnapshot.Compile(org.Build());
        SubjectsByUnit inverse = snapshot.Inverse;
        snapshot.TryGetUnit(BuiltInRoles.SystemAdministrators, out int administrators);
        snapshot.TryGetUnit(BuiltInRoles.AllEmployees, out int allEmployees);
        int[] everyone = inverse.SubjectsOf(allEmployees).ToArray();
        Assert.Equal(3, everyone.Length);

        List<(int Unit, int Subject, bool Added)> changes = [(administrators, everyone[2], true), (administrators, everyone[0], true), (allEmployees, everyone[1], false)];
        changes.Sort();
        SubjectsByUnit changed = inverse.With(changes);

        Assert.Equal([everyone[0], everyone[2]], changed.SubjectsOf(administrators).ToArray());
        Assert.Equal([everyone[0], everyone[2]], changed.SubjectsOf(allEmployees).ToArray());
        Assert.Empty(inverse.SubjectsOf(administrators).ToArray());
        Assert.Equal(everyone, inverse.SubjectsOf(allEmployees).ToArray());
    }

    [Fact]
    public void SubjectsByUnit_ManyChangesInARow_ReadOneUnitOrAllAlikeAndLeaveEarlierInversesAsTheyWere()
    {
        Org org = new Org().Role("Sales");
        for (int i = 0; i < 40; i++)
        {
            org.User($"u{i}", i % 3 == 0 ? ["Sales"] : []);
        }

        AccessSnapshot snapshot = AccessSnapshot.Compile(org.Build());
        int units = snapshot.Units.UnitCount;
        int subjects = snapshot.Roles.SubjectCount;
        var expected = new HashSet<(int Unit, int Subject)>();
        for (int unit = 0; unit < units; unit++)
        {
            foreach (int subject in snapshot.Inverse.SubjectsOf(unit))
            {
                expected.Add((unit, subject));
            }
        }

        // Two hundred changes of random pairs (past every limit on the changes kept unmerged), each checked on one unit
        // before anything is merged and on every unit after; the inverses of earlier steps keep their answers.
        var random = new Random(13);
        var history = new List<(SubjectsByUnit Inverse, HashSet<(int, int)> Pairs)>();
        SubjectsByUnit inverse = snapshot.Inverse;
        for (int step = 0; step < 200; step++)
        {
            var changes = new List<(int Unit, int Subject, bool Added)>();
            var touched = new HashSet<(int, int)>();
            for (int i = random.Next(1, 30); i > 0; i--)
            {
                (int, int) pair = (random.Next(units), random.Next(subjects));
                if (touched.Add(pair))
                {
                    changes.Add((pair.Item1, pair.Item2, !expected.Contains(pair)));
                }
            }

            foreach ((int unit, int subject, bool added) in changes)
            {
                if (added)
                {
                    expected.Add((unit, subject));
                }
                else
                {
                    expected.Remove((unit, subject));
                }
            }

            changes.Sort();
            inverse = inverse.With(changes);
            int probe = changes[0].Unit;
            Assert.Equal(Subjects(expected, probe), inverse.SubjectsOfUnit(probe).ToArray());
            history.Add((inverse, [.. expected]));
        }

        foreach ((SubjectsByUnit earlier, HashSet<(int, int)> pairs) in history.Where((_, i) => i % 37 == 0).Append(history[^1]))
        {
            for (int unit = 0; unit < units; unit++)
            {
                Assert.Equal(Subjects(pairs, unit), earlier.SubjectsOfUnit(unit).ToArray());
                Assert.Equal(Subjects(pairs, unit), earlier.SubjectsOf(unit).ToArray());
            }
        }
    }

    private static int[] Subjects(HashSet<(int Unit, int Subject)> pairs, int unit) =>
        [.. pairs.Where(p => p.Unit == unit).Select(p => p.Subject).Order()];

    private static RecordRightRow Right(int record, int grantee, RecordOperation operation) =>
        new(s_account, new RecordId(new Guid(record, 0, 0, new byte[8])), new RoleId(new Guid(grantee, 1, 0, new byte[8])), operation, RecordRightLevel.Allow);
}
