using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary><see cref="FirstMatchRows.WithSubjects"/>: patching the deciding rows of the subjects whose <c>E(u)</c> changed
/// gives the rows a full compile gives.</summary>
public sealed class FirstMatchRowsTests
{
    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 100)]
    public void WithSubjects_AfterOneMoreMembership_EqualsTheRecompiledRowsForEverySubject(RandomPermissionModel random, int seed)
    {
        AccessSnapshot before = AccessSnapshot.Compile(random.Model);
        (UserId user, AccessSnapshot after)? changed = OneMoreMembership(random, before, new Random(seed));
        if (changed is not { } change)
        {
            // No role left that would change anyone's E(u) (or no user): patching nothing keeps every row.
            foreach ((FirstMatchRows old, FirstMatchRows _) in RowPairs(before, before))
            {
                AssertSameDecisions(old, old.WithSubjects(before.Roles, []));
            }

            return;
        }

        int[] affected = ChangedSubjects(before.Roles, change.after.Roles);
        int userSubject = before.GetPrincipal(change.user, random.Roles.Now).Subject;
        Assert.Contains(userSubject, affected);

        int pairs = 0;
        foreach ((FirstMatchRows old, FirstMatchRows recompiled) in RowPairs(before, change.after))
        {
            int[] oldDecisions = Decisions(old);

            FirstMatchRows patched = old.WithSubjects(change.after.Roles, affected);

            AssertSameDecisions(recompiled, patched);
            Assert.Equal(oldDecisions, Decisions(old));
            pairs++;
        }

        // Every model has the built-in system operations, so there is always something to compare.
        Assert.True(pairs >= SystemOperations.BuiltIn.Count);
    }

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 100)]
    public void CreateAndWithSubjects_DecideTheFirstRowByPositionWhoseGranteeIsInEu(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        int[] everySubject = [.. Enumerable.Range(0, snapshot.Roles.SubjectCount)];
        foreach ((FirstMatchRows rows, FirstMatchRows _) in RowPairs(snapshot, snapshot))
        {
            // Written out here, apart from the library: positions ascending, rows the engine adds (-1) last.
            int[] expected = [.. everySubject.Select(subject => Enumerable.Range(0, rows.Count)
                .Where(row => snapshot.Roles.Contains(subject, rows.Unit[row]))
                .DefaultIfEmpty(-1)
                .First())];
            int[] order = [.. rows.Position.Select(p => p < 0 ? int.MaxValue : p)];
            Assert.Equal(order.Order(), order);

            Assert.Equal(expected, Decisions(rows));
            Assert.Same(rows, rows.WithSubjects(snapshot.Roles, everySubject));
        }
    }

    [Fact]
    public void WithSubjects_SubjectOutOfRange_Throws()
    {
        AccessSnapshot snapshot = new Org().User("Ann").Compile();
        FirstMatchRows rows = snapshot.Operations.Rows[0];

        Assert.Throws<ArgumentOutOfRangeException>(() => rows.WithSubjects(snapshot.Roles, [rows.SubjectCount]));
        Assert.Throws<ArgumentOutOfRangeException>(() => rows.WithSubjects(snapshot.Roles, [-1]));
    }

    [Fact]
    public void WithSubjects_MembershipInTheFirstRowsGrantee_MovesOnlyThatSubjectToTheFirstRow()
    {
        Org org = new Org()
            .Role("Sales", "All employees")
            .User("Ann")
            .User("Bob")
            .Object("Invoice", operations: true)
            .ObjectRow("Invoice", "Sales", 0, ObjectOperations.All)
            .ObjectRow("Invoice", "All employees", 1, ObjectOperations.Read);
        AccessSnapshot before = org.Compile();
        AccessSnapshot after = org.Member("Ann", "Sales").Compile();
        int ann = before.GetPrincipal(org.UserId("Ann"), DateTimeOffset.UnixEpoch).Subject;
        int bob = before.GetPrincipal(org.UserId("Bob"), DateTimeOffset.UnixEpoch).Subject;
        FirstMatchRows rows = before.Objects[0].Rows!;

        FirstMatchRows patched = rows.WithSubjects(after.Roles, [ann]);

        Assert.Equal((1, 1), (rows.DecidingRow(ann), rows.DecidingRow(bob)));
        Assert.Equal((0, 1), (patched.DecidingRow(ann), patched.DecidingRow(bob)));
        Assert.Same(rows.Entries, patched.Entries);
    }

    [Fact]
    public void WithSubjects_ManyChangesOneAfterAnother_KeepsTheLatestRowOfEverySubjectBeforeAndAfterTheTableIsCopied()
    {
        const int users = FirstMatchRows.MaxChangedSubjects + 10;
        Org org = new Org()
            .Role("Sales", "All employees")
            .Object("Invoice", operations: true)
            .ObjectRow("Invoice", "Sales", 0, ObjectOperations.All)
            .ObjectRow("Invoice", "All employees", 1, ObjectOperations.Read);
        for (int u = 0; u < users; u++)
        {
            org.User($"U{u}");
        }

        AccessSnapshot first = org.Compile();
        FirstMatchRows patched = first.Objects[0].Rows!;
        FirstMatchRows original = patched;

        // Each user joins Sales in turn; the first user leaves again at the end, so that a later change replaces an earlier one.
        List<(string User, bool Join)> steps = [.. Enumerable.Range(0, users).Select(u => ($"U{u}", true)), ("U0", false)];
        foreach ((string user, bool join) in steps)
        {
            AccessSnapshot after = (join ? org.Member(user, "Sales") : org.RemoveMember(user, "Sales")).Compile();
            int subject = after.GetPrincipal(org.UserId(user), DateTimeOffset.UnixEpoch).Subject;
            patched = patched.WithSubjects(after.Roles, [subject]);
            Assert.Equal(Decisions(after.Objects[0].Rows!), Decisions(patched));
        }

        int[] final = Decisions(patched);
        Assert.Equal(1, final[first.GetPrincipal(org.UserId("U0"), DateTimeOffset.UnixEpoch).Subject]);
        Assert.Equal(users - 1, final.Count(row => row == 0));
        Assert.All(Decisions(original), row => Assert.Equal(1, row));
    }

    /// <summary>Adds one membership of a user in a role not yet in the user's <c>E(u)</c>, which keeps the subjects as they
    /// are (a new time-limited delegation reaching the user would split them); <see langword="null"/> when none does.</summary>
    private static (UserId User, AccessSnapshot After)? OneMoreMembership(RandomPermissionModel random, AccessSnapshot before, Random pick)
    {
        List<(UserId User, RoleId Role)> candidates =
            [.. random.Roles.Users.SelectMany(u => random.Roles.Roles.Select(r => (u, r)))];
        pick.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates));
        foreach ((UserId user, RoleId role) in candidates)
        {
            if (before.GetPrincipal(user, random.Roles.Now).HasEffectiveRole(role))
            {
                continue;
            }

            AccessModelBuilder builder = random.Model.ToBuilder();
            builder.Add(new RoleMembership(user, role));
            AccessModel model;
            try
            {
                model = builder.Build();
            }
            catch (AccessModelValidationException)
            {
                continue;   // a portal user in an employee role, for one
            }

            AccessSnapshot after = AccessSnapshot.Compile(model);
            if (after.Roles.SubjectUser.AsSpan().SequenceEqual(before.Roles.SubjectUser) &&
                after.Roles.SubjectEndsAt.AsSpan().SequenceEqual(before.Roles.SubjectEndsAt))
            {
                return (user, after);
            }
        }

        return null;
    }

    /// <summary>The subjects whose effective roles differ between two tables of the same subjects.</summary>
    private static int[] ChangedSubjects(EffectiveRoleTable before, EffectiveRoleTable after) =>
    [
        .. Enumerable.Range(0, before.SubjectCount).Where(s =>
            !before.RolesOf(s).SequenceEqual(after.RolesOf(s)) ||
            !(before.UsersOf(s) ?? []).AsSpan().SequenceEqual(after.UsersOf(s) ?? [])),
    ];

    /// <summary>Every first-match table of two snapshots of models with the same objects, columns and operations, paired.</summary>
    private static IEnumerable<(FirstMatchRows Before, FirstMatchRows After)> RowPairs(AccessSnapshot before, AccessSnapshot after)
    {
        for (int o = 0; o < before.Objects.Length; o++)
        {
            if (before.Objects[o].Rows is { } rows)
            {
                yield return (rows, after.Objects[o].Rows!);
            }

            for (int c = 0; c < before.Objects[o].Columns.Length; c++)
            {
                if (before.Objects[o].Columns[c].Rows is { } columnRows)
                {
                    yield return (columnRows, after.Objects[o].Columns[c].Rows!);
                }
            }
        }

        for (int op = 0; op < before.Operations.Rows.Length; op++)
        {
            yield return (before.Operations.Rows[op], after.Operations.Rows[op]);
        }
    }

    private static int[] Decisions(FirstMatchRows rows) => [.. Enumerable.Range(0, rows.SubjectCount).Select(rows.DecidingRow)];

    private static void AssertSameDecisions(FirstMatchRows expected, FirstMatchRows actual)
    {
        Assert.Equal(expected.Unit, actual.Unit);
        Assert.Equal(expected.Position, actual.Position);
        Assert.Equal(expected.Value, actual.Value);
        Assert.Equal(expected.Entries, actual.Entries);
        Assert.Equal(expected.SubjectCount, actual.SubjectCount);
        Assert.Equal(Decisions(expected), Decisions(actual));
    }
}
