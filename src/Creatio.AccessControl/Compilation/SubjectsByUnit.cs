using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The inverse of <see cref="EffectiveRoleTable"/>: for each admin unit, the subjects whose <c>E(u)</c> contains it.</summary>
internal sealed class SubjectsByUnit
{
    // The subjects of each unit, ascending; one array per unit, in pages of 4,096 units, so that a membership change
    // replaces only the units it touches and copies only their pages (each below the large object heap).
    private const int PageShift = 12;
    private const int PageMask = (1 << PageShift) - 1;
    private readonly int[][][] _subjects;

    public SubjectsByUnit(EffectiveRoleTable roles)
    {
        UnitTable units = roles.Units;
        int unitCount = units.UnitCount;
        var counts = new int[unitCount + 1];
        var pairs = new PairWriter(counts, null);
        ForEachPair(roles, ref pairs);
        for (int i = 0; i < unitCount; i++)
        {
            counts[i + 1] += counts[i];
        }

        int[] start = (int[])counts.Clone();
        var all = new int[counts[unitCount]];
        pairs = new PairWriter(counts, all);
        ForEachPair(roles, ref pairs);
        _subjects = new int[(unitCount + PageMask) >> PageShift][][];
        for (int page = 0; page < _subjects.Length; page++)
        {
            int first = page << PageShift;
            _subjects[page] = new int[Math.Min(1 << PageShift, unitCount - first)][];
            for (int i = 0; i < _subjects[page].Length; i++)
            {
                _subjects[page][i] = all[start[first + i]..start[first + i + 1]];
            }
        }
    }

    private SubjectsByUnit(int[][][] subjects) => _subjects = subjects;

    /// <summary>Returns the inverse with some (unit, subject) pairs added or removed; each pair added must be absent and
    /// each pair removed present.</summary>
    /// <param name="changes">The pairs, sorted by unit then subject.</param>
    public SubjectsByUnit With(List<(int Unit, int Subject, bool Added)> changes)
    {
        var subjects = (int[][][])_subjects.Clone();
        int next = 0;
        while (next < changes.Count)
        {
            int unit = changes[next].Unit;
            int[] old = _subjects[unit >> PageShift][unit & PageMask];
            var merged = new List<int>(old.Length + 4);
            int read = 0;
            for (; next < changes.Count && changes[next].Unit == unit; next++)
            {
                (_, int subject, bool added) = changes[next];
                while (read < old.Length && old[read] < subject)
                {
                    merged.Add(old[read++]);
                }

                if (added)
                {
                    merged.Add(subject);
                }
                else if (read < old.Length && old[read] == subject)
                {
                    read++;
                }
            }

            merged.AddRange(old.AsSpan(read));
            int page = unit >> PageShift;
            if (ReferenceEquals(subjects[page], _subjects[page]))
            {
                subjects[page] = (int[][])_subjects[page].Clone();
            }

            subjects[page][unit & PageMask] = [.. merged];
        }

        return new SubjectsByUnit(subjects);
    }

    public ReadOnlySpan<int> SubjectsOf(int unit) => _subjects[unit >> PageShift][unit & PageMask];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForEachPair(EffectiveRoleTable roles, ref PairWriter pairs)
    {
        int roleCount = roles.Units.RoleCount;
        for (int subject = 0; subject < roles.SubjectCount; subject++)
        {
            ReadOnlySpan<ulong> roleBits = roles.RolesOf(subject);
            for (int role = Bits.Next(roleBits, 0); role >= 0 && role < roleCount; role = Bits.Next(roleBits, role + 1))
            {
                pairs.Add(role, subject);
            }

            pairs.Add(roleCount + roles.SubjectUser[subject], subject);
            if (roles.UsersOf(subject) is { } users)
            {
                for (int user = Bits.Next(users, 0); user >= 0; user = Bits.Next(users, user + 1))
                {
                    pairs.Add(roleCount + user, subject);
                }
            }
        }
    }

    /// <summary>Counts the pairs of each unit (<c>counts[unit + 1]</c>) when there is no target, and otherwise writes each
    /// subject at <c>counts[unit]</c>, moving it on.</summary>
    private readonly struct PairWriter(int[] counts, int[]? subjects)
    {
        public void Add(int unit, int subject)
        {
            if (subjects is null)
            {
                counts[unit + 1]++;
            }
            else
            {
                subjects[counts[unit]++] = subject;
            }
        }
    }
}
