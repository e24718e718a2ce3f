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
