using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The inverse of <see cref="EffectiveRoleTable"/>: for each admin unit, the subjects whose <c>E(u)</c> contains it.</summary>
internal sealed class SubjectsByUnit
{
    private readonly int[] _start;
    private readonly int[] _subjects;

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

        _start = (int[])counts.Clone();
        _subjects = new int[counts[unitCount]];
        pairs = new PairWriter(counts, _subjects);
        ForEachPair(roles, ref pairs);
    }

    private SubjectsByUnit(int[] start, int[] subjects)
    {
        _start = start;
        _subjects = subjects;
    }

    /// <summary>Returns the inverse with some (unit, subject) pairs added or removed; each pair added must be absent and
    /// each pair removed present.</summary>
    /// <param name="changes">The pairs, sorted by unit then subject.</param>
    public SubjectsByUnit With(List<(int Unit, int Subject, bool Added)> changes)
    {
        int delta = 0;
        foreach ((_, _, bool added) in changes)
        {
            delta += added ? 1 : -1;
        }

        var subjects = new int[_subjects.Length + delta];
        var start = new int[_start.Length];
        int read = 0;
        int write = 0;
        int next = 0;
        for (int unit = 0; unit < _start.Length - 1; unit++)
        {
            start[unit] = write;
            int end = _start[unit + 1];
            if (next >= changes.Count || changes[next].Unit != unit)
            {
                Array.Copy(_subjects, read, subjects, write, end - read);
                write += end - read;
                read = end;
                continue;
            }

            // Merge the unit's sorted subjects with its sorted changes.
            while (read < end || (next < changes.Count && changes[next].Unit == unit))
            {
                if (next < changes.Count && changes[next].Unit == unit && (read >= end || changes[next].Subject <= _subjects[read]))
                {
                    (_, int subject, bool added) = changes[next++];
                    if (added)
                    {
                        subjects[write++] = subject;
                    }
                    else
                    {
                        read++;
                    }
                }
                else
                {
                    subjects[write++] = _subjects[read++];
                }
            }
        }

        start[^1] = write;
        return new SubjectsByUnit(start, subjects);
    }

    public ReadOnlySpan<int> SubjectsOf(int unit) => _subjects.AsSpan(_start[unit], _start[unit + 1] - _start[unit]);

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
            if (roles.UserBits[subject] is { } users)
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
