using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The users of a snapshot by id, each with what an <see cref="AccessPrincipal"/> copies out of the snapshot, in
/// one slot of an open-addressing table: resolving a user reads one slot (one or two cache lines) instead of a unit
/// index, then a user's first subject, its state and its summary from four arrays.</summary>
/// <remarks>
/// <para>Linear probing over a power-of-two table at most one-sixth full, so that nearly every user is found at the first
/// slot probed: the branch that ends the probing then goes the same way check after check. At two-thirds full one lookup
/// in two or three probed again, and the mispredicted branch, which waits for the slot's cache miss, kept consecutive
/// checks' misses from overlapping (in file order the slot alone cost 16 ns a user against 9 ns at one-sixth; 7.3 MB for
/// 20,000 users where it was 1.8 MB). A slot is empty when its
/// <see cref="Slot.UserPlusOne"/> is 0, so no id, not even <see cref="Guid.Empty"/>, stands for an empty slot.</para>
/// <para>The slots are held in pages below the large object heap, so that a change of some users' effective roles copies
/// the pages of their slots, not the table, and leaves the collector nothing large to collect.</para>
/// </remarks>
internal sealed class AccessPrincipalIndex
{
    // 1,024 slots of 56 bytes: 56 KB a page.
    private const int MaxPageShift = 10;

    private readonly Slot[][] _pages;
    private readonly int _pageShift;
    private readonly int _pageMask;
    private readonly int _shift;
    private readonly int _mask;

    // Each user's slot, by ordinal: where a change of the user's subject writes.
    private readonly int[] _slotOfUser;

    private AccessPrincipalIndex(Slot[][] pages, int bits, int[] slotOfUser)
    {
        _pages = pages;
        _pageShift = Math.Min(bits, MaxPageShift);
        _pageMask = (1 << _pageShift) - 1;
        _shift = 32 - bits;
        _mask = (1 << bits) - 1;
        _slotOfUser = slotOfUser;
    }

    /// <summary>Builds the index of every user of <paramref name="units"/>.</summary>
    /// <param name="units">The users, by ordinal.</param>
    /// <param name="roles">The subjects of each user.</param>
    /// <param name="states">Each subject's state.</param>
    public static AccessPrincipalIndex Build(UnitTable units, EffectiveRoleTable roles, SubjectState[] states)
    {
        int count = units.UserCount;
        int bits = 1;
        while ((1L << bits) < count * 6L)
        {
            bits++;
        }

        int pageShift = Math.Min(bits, MaxPageShift);
        var pages = new Slot[1 << (bits - pageShift)][];
        for (int page = 0; page < pages.Length; page++)
        {
            pages[page] = new Slot[1 << pageShift];
        }

        var index = new AccessPrincipalIndex(pages, bits, new int[count]);
        for (int user = 0; user < count; user++)
        {
            Guid key = units.Users[user].Id.Value;
            int at = index.Home(key);
            while (index.At(at).UserPlusOne != 0)
            {
                at = (at + 1) & index._mask;
            }

            ref Slot slot = ref index.At(at);
            slot.Key = key;
            slot.UserPlusOne = user + 1;
            index._slotOfUser[user] = at;
            Fill(ref slot, roles, states);
        }

        return index;
    }

    /// <summary>Returns the index of the same users after a change of some subjects' effective roles or states: the slots of
    /// the users whose first subject's state or summary changed are written again, on copies of their pages.</summary>
    /// <param name="before">The effective roles this index was built or last updated from.</param>
    /// <param name="roles">The effective roles after the change: the same subjects, some pages replaced.</param>
    /// <param name="beforeStates">The states this index was built or last updated from.</param>
    /// <param name="states">The states after the change.</param>
    public AccessPrincipalIndex With(EffectiveRoleTable before, EffectiveRoleTable roles, SubjectState[] beforeStates, SubjectState[] states)
    {
        if (ReferenceEquals(before, roles) && ReferenceEquals(beforeStates, states))
        {
            return this;
        }

        Slot[][]? pages = null;
        int subjectsPerPage = 1 << roles.PageShift;
        int subjectCount = roles.SubjectCount;
        int[] subjectUser = roles.SubjectUser;
        int[] firstSubject = roles.FirstSubject;
        for (int first = 0; first < subjectCount; first += subjectsPerPage)
        {
            int length = Math.Min(subjectsPerPage, subjectCount - first);
            if (roles.SamePage(before, first >> roles.PageShift) &&
                (ReferenceEquals(beforeStates, states) || states.AsSpan(first, length).SequenceEqual(beforeStates.AsSpan(first, length))))
            {
                continue;
            }

            for (int subject = first; subject < first + length; subject++)
            {
                int user = subjectUser[subject];
                if (firstSubject[user] != subject)
                {
                    continue;
                }

                int at = _slotOfUser[user];
                Slot slot = At(at);
                Fill(ref slot, roles, states);
                if (slot.State != At(at).State || !slot.Signature.SameAs(At(at).Signature))
                {
                    pages ??= (Slot[][])_pages.Clone();
                    int page = at >> _pageShift;
                    if (ReferenceEquals(pages[page], _pages[page]))
                    {
                        pages[page] = (Slot[])_pages[page].Clone();
                    }

                    pages[page][at & _pageMask] = slot;
                }
            }
        }

        return pages is null ? this : new AccessPrincipalIndex(pages, 32 - _shift, _slotOfUser);
    }

    /// <summary>Finds a user's slot: the slot itself, or an empty slot (<see cref="Slot.UserPlusOne"/> 0) when the index does
    /// not hold the id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly Slot Find(Guid key)
    {
        int at = Home(key);
        while (true)
        {
            ref readonly Slot slot = ref At(at);
            if (slot.UserPlusOne == 0 || slot.Key == key)
            {
                return ref slot;
            }

            at = (at + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Slot At(int at) => ref _pages[at >> _pageShift][at & _pageMask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(Guid key) => unchecked((int)(((uint)key.GetHashCode() * 0x9E3779B1u) >> _shift));

    private static void Fill(ref Slot slot, EffectiveRoleTable roles, SubjectState[] states)
    {
        int user = slot.UserPlusOne - 1;
        int subject = roles.FirstSubject[user];
        slot.Subject = subject;
        slot.SeveralSubjects = roles.FirstSubject[user + 1] - subject > 1;
        slot.State = states[subject];
        slot.Signature = roles.SignatureOf(subject);
        slot.PlainOperations = slot.SeveralSubjects ? (byte)0 : AccessPrincipal.PlainOperations(slot.State);
    }

    /// <summary>One user: the id, and for a user of one subject everything a principal copies out of the snapshot.</summary>
    internal struct Slot
    {
        /// <summary>The user's id.</summary>
        public Guid Key;

        /// <summary>The summary of the subject's <c>E(u)</c>.</summary>
        public RoleSignature Signature;

        /// <summary>The user's first subject: its only one unless <see cref="SeveralSubjects"/>.</summary>
        public int Subject;

        /// <summary>The user's ordinal + 1; 0 for an empty slot.</summary>
        public int UserPlusOne;

        /// <summary>The subject's state.</summary>
        public SubjectState State;

        /// <summary>The object operations whose steps 1–3 the subject passes without a word to say
        /// (<see cref="AccessPrincipal.PlainOperations(SubjectState)"/>); 0 when <see cref="SeveralSubjects"/>.</summary>
        public byte PlainOperations;

        /// <summary>Whether the user has more than one subject (a delegation with an end date reaches them): the subject is
        /// then found by the instant, and the fields above are those of the first one.</summary>
        public bool SeveralSubjects;
    }
}
