using System.Collections.Frozen;

namespace Creatio.AccessControl.Compilation;

/// <summary>Applies a change of one user's direct membership in a role to compiled tables: recomputes <c>E(u)</c> only for
/// the users it can change, and every table indexed by subject only for the subjects whose <c>E(u)</c> changed.</summary>
/// <remarks>The result decides as a full compile of the model after the change; <see cref="SnapshotCompiler"/> is the one
/// entry that calls it.</remarks>
internal sealed class MembershipCompiler
{
    private MembershipCompiler(UnitTable units, FrozenDictionary<string, int> objectIndex, SubjectTables tables)
    {
        Units = units;
        ObjectIndex = objectIndex;
        Tables = tables;
    }

    private UnitTable Units { get; }

    private FrozenDictionary<string, int> ObjectIndex { get; }

    private SubjectTables Tables { get; }

    private EffectiveRoleTable Roles => Tables.Roles;

    private SubjectsByUnit Inverse => Tables.Inverse;

    private CompiledSystemOperations Operations => Tables.Operations;

    private SubjectState[] States => Tables.States;

    private CompiledObject[] Objects => Tables.Objects;

    /// <summary>Returns the tables after a user's direct membership in a role was added or removed; the same tables when
    /// the user's direct roles do not change; or <see langword="null"/> when the change splits or joins a user's delegation
    /// intervals (a full compile is needed).</summary>
    /// <param name="units">The unit table the tables were compiled over (a membership does not change it).</param>
    /// <param name="objectIndex">The index of the compiled objects.</param>
    /// <param name="tables">The tables indexed by subject, before the change.</param>
    /// <param name="user">The user's unit index.</param>
    /// <param name="role">The role's unit index.</param>
    /// <param name="member">Whether the membership was added (or removed).</param>
    public static SubjectTables? Apply(UnitTable units, FrozenDictionary<string, int> objectIndex, SubjectTables tables, int user, int role, bool member) =>
        new MembershipCompiler(units, objectIndex, tables).Apply(user, role, member);

    private SubjectTables? Apply(int user, int role, bool member)
    {
        RoleGraph before = Roles.Graph;
        RoleGraph graph = before.WithMembership(Units.UserOfUnit(user), role, member);
        if (ReferenceEquals(graph, before))
        {
            return Tables;
        }

        int userOrdinal = Units.UserOfUnit(user);
        var compiler = new EffectiveRoleCompiler(graph, Roles.Memo, ManagerUnitsAbove(before, graph, userOrdinal), userOrdinal);
        HashSet<int> affected = AffectedUsers(before, graph, user, role);

        var replaced = new List<(int Subject, ulong[] Roles, ulong[]? Users, RoleSignature Signature)>();
        var changes = new List<(int Unit, int Subject, bool Added)>();
        foreach (int u in affected)
        {
            List<(long EndsAt, ulong[] Roles, ulong[]? Users)> subjects = compiler.Subjects(u);
            int first = Roles.FirstSubject[u];
            if (subjects.Count != Roles.FirstSubject[u + 1] - first)
            {
                return null;
            }

            for (int i = 0; i < subjects.Count; i++)
            {
                int subject = first + i;
                if (subjects[i].EndsAt != Roles.SubjectEndsAt[subject])
                {
                    return null;
                }

                int from = changes.Count;
                Diff(Roles.RolesOf(subject), subjects[i].Roles, 0, subject, changes);
                Diff(Roles.UsersOf(subject), subjects[i].Users, Units.RoleCount, subject, changes);
                replaced.Add((subject, subjects[i].Roles, subjects[i].Users, Signature(Roles.SignatureOf(subject), changes, from, subjects[i].Roles, Units.RoleCount + u, subjects[i].Users)));
            }
        }

        changes.Sort();
        EffectiveRoleTable roles = Roles.WithSubjects(graph, replaced, compiler.Memo);
        int[] changed = [.. changes.Select(c => c.Subject).Distinct().Order()];
        CompiledSystemOperations operations = Operations;
        SubjectState[] states = States;
        SubjectsByUnit inverse = Inverse;
        CompiledObject[] objects = Objects;
        if (changed.Length > 0)
        {
            inverse = Inverse.With(changes);
            operations = new CompiledSystemOperations(
                Operations.Index,
                Operations.Definitions,
                [.. Operations.Rows.Select(r => r.WithSubjects(roles, changed))],
                Operations.SuperOperations,
                Operations.ChangeRecordRights);
            states = (SubjectState[])States.Clone();
            foreach (int subject in changed)
            {
                states[subject] = SubjectStates.Of(Units, roles, operations, subject);
            }

            var changedUnits = new bool[Units.UnitCount];
            foreach ((int unit, _, _) in changes)
            {
                changedUnits[unit] = true;
            }

            objects = WithSubjects(Objects, ObjectIndex, roles, operations, changed, changedUnits);
        }

        if (!before.ManagerUnitsOf(userOrdinal).AsSpan().SequenceEqual(graph.ManagerUnitsOf(userOrdinal)))
        {
            objects = WithImplicitUnits(objects, graph, userOrdinal);
        }

        return new SubjectTables(roles, inverse, operations, states, objects);
    }

    /// <summary>The users whose <c>E(u)</c> a change of <paramref name="user"/>'s membership in <paramref name="role"/> can
    /// change: the user; the members of the manager units above the role (and of the role, when it is one) before and
    /// after; every user whose <c>E(u)</c> held the user (their managers, through any role); and the users reached by a
    /// delegation from any of those.</summary>
    private HashSet<int> AffectedUsers(RoleGraph before, RoleGraph after, int user, int role)
    {
        var affected = new HashSet<int> { Units.UserOfUnit(user) };
        for (int ancestor = role; ancestor >= 0; ancestor = Units.Parent[ancestor])
        {
            AddManagersBelow(before, after, ancestor, affected);
        }

        foreach (int subject in Inverse.SubjectsOfUnit(user).Span)
        {
            affected.Add(Roles.SubjectUser[subject]);
        }

        var reached = new List<int>();
        foreach ((int grantor, int recipient, _) in after.Delegations)
        {
            if (!Units.IsRole(grantor) && affected.Contains(Units.UserOfUnit(grantor)))
            {
                foreach (int subject in Inverse.SubjectsOfUnit(recipient).Span)
                {
                    reached.Add(Roles.SubjectUser[subject]);
                }
            }
        }

        affected.UnionWith(reached);
        return affected;
    }

    /// <summary>The manager units whose managed roles and users a change of the user's direct memberships can change: those
    /// of every role the user directly belongs to, before or after, and of their ancestors (rule 5 reads the
    /// members of the managed subtree and what they hold as employees).</summary>
    private static HashSet<int> ManagerUnitsAbove(RoleGraph before, RoleGraph after, int user)
    {
        var managers = new HashSet<int>();
        var seen = new HashSet<int>();
        int[] parent = before.Units.Parent;
        foreach (int role in before.Direct[user].Concat(after.Direct[user]))
        {
            for (int ancestor = role; ancestor >= 0 && seen.Add(ancestor); ancestor = parent[ancestor])
            {
                if (after.ManagerOf[ancestor] >= 0)
                {
                    managers.Add(after.ManagerOf[ancestor]);
                }
            }
        }

        return managers;
    }

    private static void AddManagersBelow(RoleGraph before, RoleGraph after, int role, HashSet<int> affected)
    {
        foreach (int child in after.Children[role])
        {
            if (after.IsManager(child))
            {
                affected.UnionWith(before.Members[child]);
                affected.UnionWith(after.Members[child]);
            }
        }

        if (after.IsManager(role))
        {
            affected.UnionWith(before.Members[role]);
            affected.UnionWith(after.Members[role]);
        }
    }

    /// <summary>The signature of a subject's new sets: the old one with the units added. A summary cannot take a unit out,
    /// so units taken out leave their bits, which only lets a few more non-members through to the exact test (never a
    /// member less), until the next compile; when they are an eighth of the set or more, it is computed again.</summary>
    private RoleSignature Signature(RoleSignature old, List<(int Unit, int Subject, bool Added)> changes, int from, ulong[] roles, int userUnit, ulong[]? users)
    {
        RoleSignature signature = old;
        int removed = 0;
        for (int i = from; i < changes.Count; i++)
        {
            if (changes[i].Added)
            {
                signature = signature.With(changes[i].Unit);
            }
            else
            {
                removed++;
            }
        }

        return removed > 0 && removed * 8 >= Bits.Count(roles) + 1 + (users is null ? 0 : Bits.Count(users))
            ? RoleSignature.Of(roles, userUnit, users, Units.RoleCount)
            : signature;
    }

    /// <summary>Adds the (unit, subject) pairs that differ between two bit sets (<see langword="null"/> is empty).</summary>
    private static void Diff(ReadOnlySpan<ulong> before, ReadOnlySpan<ulong> after, int unitOffset, int subject, List<(int, int, bool)> changes)
    {
        int words = Math.Max(before.Length, after.Length);
        for (int w = 0; w < words; w++)
        {
            ulong old = w < before.Length ? before[w] : 0;
            ulong now = w < after.Length ? after[w] : 0;
            for (ulong diff = old ^ now; diff != 0; diff &= diff - 1)
            {
                int bit = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(diff);
                changes.Add((unitOffset + bit, subject, (now & (1UL << bit)) != 0));
            }
        }
    }

    private static CompiledObject[] WithSubjects(
        CompiledObject[] objects, FrozenDictionary<string, int> objectIndex, EffectiveRoleTable roles, CompiledSystemOperations operations, int[] changed, bool[] changedUnits)
    {
        // A deciding row can change only in tables with a row for a unit some changed subject gained or lost.
        FirstMatchRows? Update(FirstMatchRows? rows)
        {
            if (rows is null)
            {
                return null;
            }

            foreach (int unit in rows.Unit)
            {
                if (changedUnits[unit])
                {
                    return rows.WithSubjects(roles, changed);
                }
            }

            return rows;
        }

        byte[]?[] granted = GrantedBySystemOperations(objects, objectIndex, operations, changed, roles.SubjectCount);
        CompiledObject[]? result = null;
        for (int o = 0; o < objects.Length; o++)
        {
            CompiledObject old = objects[o];
            CompiledColumn[] columns = old.Columns;
            for (int c = 0; c < columns.Length; c++)
            {
                if (columns[c].Rows is { } rows && Update(rows) is { } updated && !ReferenceEquals(updated, rows))
                {
                    columns = ReferenceEquals(columns, old.Columns) ? (CompiledColumn[])columns.Clone() : columns;
                    columns[c] = new CompiledColumn(columns[c].Name, columns[c].IsSystem, updated);
                }
            }

            FirstMatchRows? objectRows = Update(old.Rows);
            if (!ReferenceEquals(objectRows, old.Rows) || !ReferenceEquals(columns, old.Columns) || !ReferenceEquals(granted[o], old.GrantedBySystemOperations))
            {
                result ??= (CompiledObject[])objects.Clone();
                result[o] = new CompiledObject(old.Definition, objectRows, granted[o], old.ColumnIndex, columns, old.Records);
            }
        }

        return result ?? objects;
    }

    /// <summary>Recomputes, for the changed subjects, the object operations the system operations they are allowed grant;
    /// an object's array is copied only when one of its values changes.</summary>
    private static byte[]?[] GrantedBySystemOperations(CompiledObject[] objects, FrozenDictionary<string, int> index, CompiledSystemOperations operations, int[] changed, int subjects)
    {
        // The new flags of each changed subject, per object that a system operation grants access to.
        var flags = new Dictionary<int, byte[]>();
        for (int op = 0; op < operations.Definitions.Length; op++)
        {
            foreach (ObjectAccessGrant grant in operations.Definitions[op].ObjectAccess)
            {
                int o = index[grant.Object.Value];
                if (!flags.TryGetValue(o, out byte[]? values))
                {
                    values = new byte[changed.Length];
                    flags.Add(o, values);
                }

                for (int i = 0; i < changed.Length; i++)
                {
                    if (operations.IsAllowed(op, changed[i]))
                    {
                        values[i] |= (byte)grant.Operations;
                    }
                }
            }
        }

        var granted = new byte[]?[objects.Length];
        for (int o = 0; o < objects.Length; o++)
        {
            byte[]? old = objects[o].GrantedBySystemOperations;
            granted[o] = old;
            if (!flags.TryGetValue(o, out byte[]? values))
            {
                continue;
            }

            for (int i = 0; i < changed.Length; i++)
            {
                if ((old is null ? 0 : old[changed[i]]) != values[i])
                {
                    granted[o] ??= new byte[subjects];
                    if (ReferenceEquals(granted[o], old))
                    {
                        granted[o] = (byte[])old!.Clone();
                    }

                    granted[o]![changed[i]] = values[i];
                }
            }
        }

        return granted;
    }

    private static CompiledObject[] WithImplicitUnits(CompiledObject[] objects, RoleGraph graph, int user)
    {
        var managers = new Dictionary<int, int[]>();
        int[] ManagerUnitsOf(int u)
        {
            if (!managers.TryGetValue(u, out int[]? units))
            {
                units = graph.ManagerUnitsOf(u);
                managers.Add(u, units);
            }

            return units;
        }

        var result = (CompiledObject[])objects.Clone();
        for (int o = 0; o < result.Length; o++)
        {
            if (result[o].Records.MentionsUser(user))
            {
                result[o] = result[o].WithRecords(result[o].Records.WithImplicitUnits(ManagerUnitsOf, graph.Units.RoleCount));
            }
        }

        return result;
    }
}
