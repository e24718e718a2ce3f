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
    // Subjects are held in pages of 256, so that a membership change copies the pages of the subjects it changes and not
    // megabytes of bits (the pages stay below the large object heap).
    private const int PageShift = 8;
    private const int PageMask = (1 << PageShift) - 1;

    // What a membership test reads, held as fields of this table so that it loads nothing through Units.
    private readonly int _roleCount;
    private readonly int _userCount;
    private readonly int _roleWords;
    private readonly ulong[][] _rolePages;
    private readonly ulong[]?[][] _userPages;
    private readonly RoleSignature[][] _signaturePages;
    private readonly int[] _subjectUser;

    public EffectiveRoleTable(
        RoleGraph graph,
        ulong[] roleBits,
        ulong[]?[] userBits,
        int[] subjectUser,
        long[] subjectEndsAt,
        int[] firstSubject,
        IReadOnlyDictionary<int, (ulong[] Roles, ulong[] Users)> managed)
        : this(graph, Pages(roleBits, graph.Words, subjectUser.Length), Pages(userBits), Signatures(graph, roleBits, userBits, subjectUser), subjectUser, subjectEndsAt, firstSubject, managed)
    {
    }

    private EffectiveRoleTable(
        RoleGraph graph,
        ulong[][] rolePages,
        ulong[]?[][] userPages,
        RoleSignature[][] signaturePages,
        int[] subjectUser,
        long[] subjectEndsAt,
        int[] firstSubject,
        IReadOnlyDictionary<int, (ulong[] Roles, ulong[] Users)> managed)
    {
        Graph = graph;
        Managed = managed;
        Units = graph.Units;
        SubjectEndsAt = subjectEndsAt;
        FirstSubject = firstSubject;
        _roleCount = Units.RoleCount;
        _userCount = Units.UserCount;
        _roleWords = graph.Words;
        _rolePages = rolePages;
        _userPages = userPages;
        _signaturePages = signaturePages;
        _subjectUser = subjectUser;
    }

    public UnitTable Units { get; }

    /// <summary>Gets what the sets were computed from, for recomputing some of them after a membership change.</summary>
    public RoleGraph Graph { get; }

    /// <summary>Gets what each manager unit manages (rule 5), as <see cref="EffectiveRoleCompiler"/> computed it: what a
    /// membership change reuses for the manager units it does not touch. Never changed.</summary>
    public IReadOnlyDictionary<int, (ulong[] Roles, ulong[] Users)> Managed { get; }

    /// <summary>Gets the number of words of one subject's role bit set.</summary>
    public int RoleWords => _roleWords;

    /// <summary>Gets the user ordinal of each subject.</summary>
    public int[] SubjectUser => _subjectUser;

    /// <summary>Gets the exclusive end (UTC ticks) of each subject's interval; <see cref="long.MaxValue"/> for none.</summary>
    public long[] SubjectEndsAt { get; }

    /// <summary>Gets, per user ordinal, the first subject; <c>FirstSubject[u + 1]</c> ends the range.</summary>
    public int[] FirstSubject { get; }

    public int SubjectCount => _subjectUser.Length;

    public ReadOnlySpan<ulong> RolesOf(int subject) =>
        new(_rolePages[subject >> PageShift], (subject & PageMask) * _roleWords, _roleWords);

    /// <summary>Gets the bit set over user ordinals of the users in <c>E(u)</c> other than the subject's own user;
    /// <see langword="null"/> when there are none.</summary>
    public ulong[]? UsersOf(int subject) => _userPages[subject >> PageShift][subject & PageMask];

    /// <summary>Gets the summary of the subject's <c>E(u)</c> that proves most units absent without reading its bit sets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RoleSignature SignatureOf(int subject) => _signaturePages[subject >> PageShift][subject & PageMask];

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
            return (_rolePages[subject >> PageShift][((subject & PageMask) * _roleWords) + (unit >> 6)] & (1UL << unit)) != 0;
        }

        int user = unit - roleCount;
        if (user == _subjectUser[subject])
        {
            return true;
        }

        ulong[]? users = _userPages[subject >> PageShift][subject & PageMask];
        return users is not null && (uint)user < (uint)_userCount && (users[user >> 6] & (1UL << user)) != 0;
    }

    public int Count(int subject)
    {
        ulong[]? users = UsersOf(subject);
        return Bits.Count(RolesOf(subject)) + 1 + (users is null ? 0 : Bits.Count(users));
    }

    /// <summary>Returns the table with some subjects' sets replaced (the same subjects, after a membership change), copying
    /// only the pages they are on.</summary>
    /// <param name="graph">The graph the sets were computed from.</param>
    /// <param name="subjects">The subjects, their new sets and the signature of those.</param>
    /// <param name="managed">What each manager unit manages over <paramref name="graph"/>.</param>
    public EffectiveRoleTable WithSubjects(
        RoleGraph graph, List<(int Subject, ulong[] Roles, ulong[]? Users, RoleSignature Signature)> subjects, IReadOnlyDictionary<int, (ulong[] Roles, ulong[] Users)> managed)
    {
        var rolePages = (ulong[][])_rolePages.Clone();
        var userPages = (ulong[]?[][])_userPages.Clone();
        var signaturePages = (RoleSignature[][])_signaturePages.Clone();
        foreach ((int subject, ulong[] roles, ulong[]? users, RoleSignature signature) in subjects)
        {
            int page = subject >> PageShift;
            if (ReferenceEquals(rolePages[page], _rolePages[page]))
            {
                rolePages[page] = (ulong[])_rolePages[page].Clone();
                userPages[page] = (ulong[]?[])_userPages[page].Clone();
                signaturePages[page] = (RoleSignature[])_signaturePages[page].Clone();
            }

            roles.CopyTo(rolePages[page].AsSpan((subject & PageMask) * _roleWords, _roleWords));
            userPages[page][subject & PageMask] = users;
            signaturePages[page][subject & PageMask] = signature;
        }

        return new EffectiveRoleTable(graph, rolePages, userPages, signaturePages, _subjectUser, SubjectEndsAt, FirstSubject, managed);
    }

    private static ulong[][] Pages(ulong[] bits, int words, int subjectCount)
    {
        var pages = new ulong[(subjectCount + PageMask) >> PageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << PageShift;
            int count = Math.Min(1 << PageShift, subjectCount - first);
            pages[page] = bits.AsSpan(first * words, count * words).ToArray();
        }

        return pages;
    }

    private static RoleSignature[][] Signatures(RoleGraph graph, ulong[] roleBits, ulong[]?[] userBits, int[] subjectUser)
    {
        int words = graph.Words;
        int roleCount = graph.Units.RoleCount;
        var pages = new RoleSignature[(subjectUser.Length + PageMask) >> PageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << PageShift;
            var signatures = new RoleSignature[Math.Min(1 << PageShift, subjectUser.Length - first)];
            for (int i = 0; i < signatures.Length; i++)
            {
                int subject = first + i;
                signatures[i] = RoleSignature.Of(roleBits.AsSpan(subject * words, words), roleCount + subjectUser[subject], userBits[subject], roleCount);
            }

            pages[page] = signatures;
        }

        return pages;
    }

    private static ulong[]?[][] Pages(ulong[]?[] users)
    {
        var pages = new ulong[]?[(users.Length + PageMask) >> PageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << PageShift;
            pages[page] = users.AsSpan(first, Math.Min(1 << PageShift, users.Length - first)).ToArray();
        }

        return pages;
    }
}
