using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The compiled effective role sets <c>E(u)</c>, one per <em>subject</em>: a user over one interval of time.</summary>
/// <remarks>
/// Delegations with an end instant are the only time-dependent part of <c>E(u)</c>. A user whose effective roles take
/// such a delegation has one subject per interval between the end instants that concern them; every other user has
/// exactly one subject. Every later table of the snapshot is indexed by subject, so checks stay O(1).
/// </remarks>
internal sealed class EffectiveRoleTable
{
    // What a membership test reads, held as fields of this table so that it loads nothing through Units.
    private readonly int _roleCount;
    private readonly int _userCount;
    private readonly int _roleWords;
    private readonly ulong[] _roleBits;
    private readonly ulong[]?[] _userBits;
    private readonly int[] _subjectUser;

    public EffectiveRoleTable(
        RoleGraph graph,
        ulong[] roleBits,
        ulong[]?[] userBits,
        int[] subjectUser,
        long[] subjectEndsAt,
        int[] firstSubject)
    {
        Graph = graph;
        UnitTable units = graph.Units;
        int roleWords = graph.Words;
        Units = units;
        SubjectEndsAt = subjectEndsAt;
        FirstSubject = firstSubject;
        _roleCount = units.RoleCount;
        _userCount = units.UserCount;
        _roleWords = roleWords;
        _roleBits = roleBits;
        _userBits = userBits;
        _subjectUser = subjectUser;
    }

    public UnitTable Units { get; }

    /// <summary>Gets what the sets were computed from, for recomputing some of them after a membership change.</summary>
    public RoleGraph Graph { get; }

    /// <summary>Gets the number of words of one subject's role bit set.</summary>
    public int RoleWords => _roleWords;

    /// <summary>Gets the role bit sets of all subjects, <see cref="RoleWords"/> words each.</summary>
    public ulong[] RoleBits => _roleBits;

    /// <summary>Gets, per subject, the bit set over user ordinals of the users in <c>E(u)</c> other than the subject's own user;
    /// <see langword="null"/> when there are none.</summary>
    public ulong[]?[] UserBits => _userBits;

    /// <summary>Gets the user ordinal of each subject.</summary>
    public int[] SubjectUser => _subjectUser;

    /// <summary>Gets the exclusive end (UTC ticks) of each subject's interval; <see cref="long.MaxValue"/> for none.</summary>
    public long[] SubjectEndsAt { get; }

    /// <summary>Gets, per user ordinal, the first subject; <c>FirstSubject[u + 1]</c> ends the range.</summary>
    public int[] FirstSubject { get; }

    public int SubjectCount => _subjectUser.Length;

    public ReadOnlySpan<ulong> RolesOf(int subject) => new(_roleBits, subject * _roleWords, _roleWords);

    /// <summary>Finds the subject of a user at an instant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SubjectAt(int user, long utcTicks)
    {
        int subject = FirstSubject[user];
        while (SubjectEndsAt[subject] <= utcTicks)
        {
            subject++;
        }

        return subject;
    }

    /// <summary>Whether a unit (by index) is in the subject's effective roles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int subject, int unit)
    {
        int roleCount = _roleCount;
        if ((uint)unit < (uint)roleCount)
        {
            return (_roleBits[(subject * _roleWords) + (unit >> 6)] & (1UL << unit)) != 0;
        }

        int user = unit - roleCount;
        if (user == _subjectUser[subject])
        {
            return true;
        }

        ulong[]? users = _userBits[subject];
        return users is not null && (uint)user < (uint)_userCount && (users[user >> 6] & (1UL << user)) != 0;
    }

    public int Count(int subject)
    {
        ulong[]? users = UserBits[subject];
        return Bits.Count(RolesOf(subject)) + 1 + (users is null ? 0 : Bits.Count(users));
    }
}
