using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The users of a snapshot by id, each with what an <see cref="AccessPrincipal"/> copies out of the snapshot, in
/// one slot of an open-addressing table: resolving a user reads one slot (one or two cache lines) instead of a unit
/// index, then a user's first subject, its state and its summary from four arrays.</summary>
/// <remarks>Linear probing over a power-of-two table at most two-thirds full. A slot is empty when its
/// <see cref="Slot.UserPlusOne"/> is 0, so no id, not even <see cref="Guid.Empty"/>, stands for an empty slot.</remarks>
internal sealed class AccessPrincipalIndex
{
    private readonly Slot[] _slots;
    private readonly int _shift;
    private readonly int _mask;

    private AccessPrincipalIndex(Slot[] slots, int shift)
    {
        _slots = slots;
        _shift = shift;
        _mask = slots.Length - 1;
    }

    /// <summary>Builds the index of every user of <paramref name="units"/>.</summary>
    /// <param name="units">The users, by ordinal.</param>
    /// <param name="roles">The subjects of each user.</param>
    /// <param name="states">Each subject's state.</param>
    public static AccessPrincipalIndex Build(UnitTable units, EffectiveRoleTable roles, SubjectState[] states)
    {
        int count = units.UserCount;
        int bits = 1;
        while ((1L << bits) * 2 < count * 3L)
        {
            bits++;
        }

        var slots = new Slot[1 << bits];
        var index = new AccessPrincipalIndex(slots, 32 - bits);
        for (int user = 0; user < count; user++)
        {
            Guid key = units.Users[user].Id.Value;
            int at = index.Home(key);
            while (slots[at].UserPlusOne != 0)
            {
                at = (at + 1) & index._mask;
            }

            slots[at].Key = key;
            slots[at].UserPlusOne = user + 1;
            Fill(ref slots[at], roles, states);
        }

        return index;
    }

    /// <summary>Returns the index of the same users with their subjects' states and summaries read again from
    /// <paramref name="roles"/> and <paramref name="states"/> (after a change of those), the ids where they were.</summary>
    public AccessPrincipalIndex With(EffectiveRoleTable roles, SubjectState[] states)
    {
        var slots = (Slot[])_slots.Clone();
        for (int at = 0; at < slots.Length; at++)
        {
            if (slots[at].UserPlusOne != 0)
            {
                Fill(ref slots[at], roles, states);
            }
        }

        return new AccessPrincipalIndex(slots, _shift);
    }

    /// <summary>Finds a user's slot: the slot itself, or an empty slot (<see cref="Slot.UserPlusOne"/> 0) when the index does
    /// not hold the id.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly Slot Find(Guid key)
    {
        Slot[] slots = _slots;
        int at = Home(key);
        while (true)
        {
            ref readonly Slot slot = ref slots[at];
            if (slot.UserPlusOne == 0 || slot.Key == key)
            {
                return ref slot;
            }

            at = (at + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(Guid key) => (int)(unchecked((uint)key.GetHashCode() * 0x9E3779B1u) >> _shift);

    private static void Fill(ref Slot slot, EffectiveRoleTable roles, SubjectState[] states)
    {
        int user = slot.UserPlusOne - 1;
        int subject = roles.FirstSubject[user];
        slot.Subject = subject;
        slot.SeveralSubjects = roles.FirstSubject[user + 1] - subject > 1;
        slot.State = states[subject];
        slot.Signature = roles.SignatureOf(subject);
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

        /// <summary>Whether the user has more than one subject (a delegation with an end date reaches them): the subject is
        /// then found by the instant, and the fields above are those of the first one.</summary>
        public bool SeveralSubjects;
    }
}
