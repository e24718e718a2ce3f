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
    // Subjects are held in pages of up to 256, so that a membership change copies the pages of the subjects it changes
    // and not megabytes of bits. A page of role bits stays within PageBytes, below the large object heap: with many roles
    // a page holds fewer subjects (a role chain 100,000 deep: four).
    private const int MaxPageShift = 8;
    private const int PageBytes = 64 * 1024;

    // What a membership test reads, held as fields of this table so that it loads nothing through Units.
    private readonly int _pageShift;
    private readonly int _pageMask;
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
        EffectiveRoleMemo memo)
        : this(
            graph,
            Pages(roleBits, graph.Words, subjectUser.Length, PageShiftFor(graph.Words)),
            Pages(userBits, PageShiftFor(graph.Words)),
            Signatures(graph, roleBits, userBits, subjectUser, PageShiftFor(graph.Words)),
            subjectUser,
            subjectEndsAt,
            firstSubject,
            memo)
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
        EffectiveRoleMemo memo)
    {
        Graph = graph;
        Memo = memo;
        Units = graph.Units;
        SubjectEndsAt = subjectEndsAt;
        FirstSubject = firstSubject;
        _roleCount = Units.RoleCount;
        _userCount = Units.UserCount;
        _roleWords = graph.Words;
        _pageShift = PageShiftFor(_roleWords);
        _pageMask = (1 << _pageShift) - 1;
        _rolePages = rolePages;
        _userPages = userPages;
        _signaturePages = signaturePages;
        _subjectUser = subjectUser;
    }

    public UnitTable Units { get; }

    /// <summary>Gets what the sets were computed from, for recomputing some of them after a membership change.</summary>
    public RoleGraph Graph { get; }

    /// <summary>Gets what <see cref="EffectiveRoleCompiler"/> remembered computing these sets: what a membership change
    /// reuses for the manager units and managers it does not touch.</summary>
    public EffectiveRoleMemo Memo { get; }

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
        new(_rolePages[subject >> _pageShift], (subject & _pageMask) * _roleWords, _roleWords);

    /// <summary>Gets the bit set over user ordinals of the users in <c>E(u)</c> other than the subject's own user;
    /// <see langword="null"/> when there are none.</summary>
    public ulong[]? UsersOf(int subject) => _userPages[subject >> _pageShift][subject & _pageMask];

    /// <summary>Gets the summary of the subject's <c>E(u)</c> that proves most units absent without reading its bit sets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RoleSignature SignatureOf(int subject) => _signaturePages[subject >> _pageShift][subject & _pageMask];

    /// <summary>Gets the number of subjects in a page of the sets: subject <c>s</c> is in page <c>s &gt;&gt; PageShift</c>.</summary>
    public int PageShift => _pageShift;

    /// <summary>Whether a page of subjects holds the same sets here as in <paramref name="other"/> (a table this one was made
    /// from by <see cref="WithSubjects"/>, which copies only the pages of the subjects it changes).</summary>
    public bool SamePage(EffectiveRoleTable other, int page) =>
        ReferenceEquals(this, other) ||
        (page < other._signaturePages.Length && ReferenceEquals(_signaturePages[page], other._signaturePages[page]) &&
         ReferenceEquals(_rolePages[page], other._rolePages[page]) && ReferenceEquals(_userPages[page], other._userPages[page]));

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
            return (_rolePages[subject >> _pageShift][((subject & _pageMask) * _roleWords) + (unit >> 6)] & (1UL << unit)) != 0;
        }

        int user = unit - roleCount;
        if (user == _subjectUser[subject])
        {
            return true;
        }

        ulong[]? users = _userPages[subject >> _pageShift][subject & _pageMask];
        return users is not null && (uint)user < (uint)_userCount && (users[user >> 6] & (1UL << user)) != 0;
    }

    /// <summary>Whether a unit is in the subject's effective roles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(SubjectIndex subject, UnitIndex unit) => Contains(subject.Value, unit.Value);

    /// <summary>Gets the summary of the subject's <c>E(u)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RoleSignature SignatureOf(SubjectIndex subject) => SignatureOf(subject.Value);

    /// <summary>Gets the user a subject belongs to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UserOrdinal UserOf(SubjectIndex subject) => new(_subjectUser[subject.Value]);

    public int Count(int subject)
    {
        ulong[]? users = UsersOf(subject);
        return Bits.Count(RolesOf(subject)) + 1 + (users is null ? 0 : Bits.Count(users));
    }

    /// <summary>Returns the table with some subjects' sets replaced (the same subjects, after a membership change), copying
    /// only the pages they are on.</summary>
    /// <param name="graph">The graph the sets were computed from.</param>
    /// <param name="subjects">The subjects, their new sets and the signature of those.</param>
    /// <param name="memo">What the compiler remembered computing the sets over <paramref name="graph"/>.</param>
    public EffectiveRoleTable WithSubjects(
        RoleGraph graph, List<(int Subject, ulong[] Roles, ulong[]? Users, RoleSignature Signature)> subjects, EffectiveRoleMemo memo)
    {
        var rolePages = (ulong[][])_rolePages.Clone();
        var userPages = (ulong[]?[][])_userPages.Clone();
        var signaturePages = (RoleSignature[][])_signaturePages.Clone();
        foreach ((int subject, ulong[] roles, ulong[]? users, RoleSignature signature) in subjects)
        {
            int page = subject >> _pageShift;
            if (ReferenceEquals(rolePages[page], _rolePages[page]))
            {
                rolePages[page] = (ulong[])_rolePages[page].Clone();
                userPages[page] = (ulong[]?[])_userPages[page].Clone();
                signaturePages[page] = (RoleSignature[])_signaturePages[page].Clone();
            }

            roles.CopyTo(rolePages[page].AsSpan((subject & _pageMask) * _roleWords, _roleWords));
            userPages[page][subject & _pageMask] = users;
            signaturePages[page][subject & _pageMask] = signature;
        }

        return new EffectiveRoleTable(graph, rolePages, userPages, signaturePages, _subjectUser, SubjectEndsAt, FirstSubject, memo);
    }

    /// <summary>The page size, as a power of two, for subjects whose role bits take <paramref name="words"/> words.</summary>
    private static int PageShiftFor(int words)
    {
        int shift = MaxPageShift;
        while (shift > 0 && ((long)words << shift) * sizeof(ulong) > PageBytes)
        {
            shift--;
        }

        return shift;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong[][] Pages(ulong[] bits, int words, int subjectCount, int pageShift)
    {
        var pages = new ulong[(subjectCount + (1 << pageShift) - 1) >> pageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << pageShift;
            int count = Math.Min(1 << pageShift, subjectCount - first);
            pages[page] = bits.AsSpan(first * words, count * words).ToArray();
        }

        return pages;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static RoleSignature[][] Signatures(RoleGraph graph, ulong[] roleBits, ulong[]?[] userBits, int[] subjectUser, int pageShift)
    {
        int words = graph.Words;
        int roleCount = graph.Units.RoleCount;
        var pages = new RoleSignature[(subjectUser.Length + (1 << pageShift) - 1) >> pageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << pageShift;
            var signatures = new RoleSignature[Math.Min(1 << pageShift, subjectUser.Length - first)];
            for (int i = 0; i < signatures.Length; i++)
            {
                int subject = first + i;
                signatures[i] = RoleSignature.Of(roleBits.AsSpan(subject * words, words), roleCount + subjectUser[subject], userBits[subject], roleCount);
            }

            pages[page] = signatures;
        }

        return pages;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ulong[]?[][] Pages(ulong[]?[] users, int pageShift)
    {
        var pages = new ulong[]?[(users.Length + (1 << pageShift) - 1) >> pageShift][];
        for (int page = 0; page < pages.Length; page++)
        {
            int first = page << pageShift;
            pages[page] = users.AsSpan(first, Math.Min(1 << pageShift, users.Length - first)).ToArray();
        }

        return pages;
    }
}
