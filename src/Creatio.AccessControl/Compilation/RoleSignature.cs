using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Creatio.AccessControl.Compilation;

/// <summary>A Bloom filter of a subject's <c>E(u)</c> in three 64-bit words: every unit in it sets one bit of each word
/// (its low six bits in the first, two six-bit slices of a multiplicative hash, its <em>probe</em>, in the others). A unit
/// with any of its bits clear is proved absent without reading the subject's bit sets; a unit with all three set needs the
/// exact test.</summary>
/// <remarks>With the 12 units of a typical <c>E(u)</c>, about one unit in two hundred that is not in it passes, so a
/// record check reads the subject's bit sets for few grantees besides the members, and tests each grantee in a few
/// register instructions.</remarks>
internal readonly struct RoleSignature
{
    /// <summary>How many rights <see cref="Candidates"/> tests at once.</summary>
    public const int Group = 4;

    private const int ProbeBits = 6;

    private readonly ulong _low;
    private readonly ulong _first;
    private readonly ulong _second;

    private RoleSignature(ulong low, ulong first, ulong second)
    {
        _low = low;
        _first = first;
        _second = second;
    }

    /// <summary>Whether the unit may be in <c>E(u)</c>; <see langword="false"/> means it is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(int unit)
    {
        int probe = Probe(unit);
        return ((_low >> unit) & (_first >> probe) & (_second >> (probe >> ProbeBits)) & 1) != 0;
    }

    /// <summary>Whether another summary has the same bits.</summary>
    public bool SameAs(RoleSignature other) => _low == other._low && _first == other._first && _second == other._second;

    /// <summary>Gets a value indicating whether the summary rules out too few units to be worth testing: three quarters of
    /// its bits or more are set (an <c>E(u)</c> of a hundred units or so), so that it lets through about half the units
    /// that are not members.</summary>
    public bool IsDense
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => BitOperations.PopCount(_low) + BitOperations.PopCount(_first) + BitOperations.PopCount(_second) >= 3 * 64 * 3 / 4;
    }

    /// <summary>The rights among the first 64 of a record's <paramref name="count"/> rights that hold an operation and
    /// whose grantee may be in <c>E(u)</c>, as a bit per right. Every right is tested with the same few instructions and no
    /// branch, four at a time where the processor can, so that the many rights a subject does not hold cost no
    /// mispredicted branch.</summary>
    /// <param name="rights">The rights, followed by cells up to a whole number of <see cref="Group"/>s
    /// (<see cref="CompiledRecords.RightsInGroups(int, int)"/>); only the first <paramref name="count"/> are tested.</param>
    /// <param name="count">The number of rights.</param>
    /// <param name="operationShift">The operation's bit position in <see cref="RightEntry.Operations"/>: the operation for
    /// an allow, the operation + 8 for AllowAndGrant.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Candidates(ReadOnlySpan<RightEntry> rights, int count, int operationShift)
    {
        ulong candidates = Avx2.IsSupported
            ? CandidatesInGroups(rights, Math.Min(count, 64), operationShift)
            : CandidatesOneByOne(rights, Math.Min(count, 64), operationShift);
        return count >= 64 ? candidates : candidates & ((1UL << count) - 1);
    }

    /// <summary><see cref="Candidates"/> one right at a time, on any processor; may set bits past
    /// <paramref name="count"/> up to the next whole group.</summary>
    internal ulong CandidatesOneByOne(ReadOnlySpan<RightEntry> rights, int count, int operationShift)
    {
        ulong low = _low;
        ulong first = _first;
        ulong second = _second;
        int holds = RightEntry.AllowShift + operationShift;
        ulong candidates = 0;
        for (int i = 0; i < count; i++)
        {
            // A 64-bit shift uses the low six bits of its count: of the unit, of the probe, of the probe's upper half.
            ulong bits = rights[i].Bits;
            ulong probe = bits >> RightEntry.ProbeShift;
            ulong pass = (low >> unchecked((int)bits)) & (first >> unchecked((int)probe)) &
                (second >> unchecked((int)(probe >> ProbeBits))) & (bits >> holds) & 1;
            candidates |= pass << i;
        }

        return candidates;
    }

    /// <summary><see cref="Candidates"/> four rights at a time with AVX2 variable shifts; may set bits past
    /// <paramref name="count"/> up to the next whole group, which <paramref name="rights"/> must hold.</summary>
    internal ulong CandidatesInGroups(ReadOnlySpan<RightEntry> rights, int count, int operationShift)
    {
        ReadOnlySpan<ulong> cells = MemoryMarshal.Cast<RightEntry, ulong>(rights);
        Vector256<ulong> low = Vector256.Create(_low);
        Vector256<ulong> first = Vector256.Create(_first);
        Vector256<ulong> second = Vector256.Create(_second);
        Vector256<ulong> sixBits = Vector256.Create(63UL);
        int holds = RightEntry.AllowShift + operationShift;
        ulong candidates = 0;
        for (int i = 0; i < count; i += Group)
        {
            // AVX2 shifts a lane by 64 or more to zero, so every count is cut to six bits first.
            Vector256<ulong> bits = Vector256.Create(cells.Slice(i, Group));
            Vector256<ulong> probe = Vector256.ShiftRightLogical(bits, RightEntry.ProbeShift);
            Vector256<ulong> pass = Avx2.ShiftRightLogicalVariable(low, bits & sixBits) &
                Avx2.ShiftRightLogicalVariable(first, probe & sixBits) &
                Avx2.ShiftRightLogicalVariable(second, Vector256.ShiftRightLogical(probe, ProbeBits)) &
                Vector256.ShiftRightLogical(bits, holds);
            candidates |= (ulong)Vector256.ShiftLeft(pass, 63).ExtractMostSignificantBits() << i;
        }

        return candidates;
    }

    /// <summary>The unit's two hashed bit positions, in twelve bits: six bits of a multiplicative hash for the second word,
    /// six more above them for the third.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Probe(int unit) => unchecked((int)(((uint)unit * 0x9E3779B1u) >> (32 - (2 * ProbeBits))));

    /// <summary>Computes the signature of a subject's sets.</summary>
    /// <param name="roles">The role bits.</param>
    /// <param name="user">The subject's own user unit index.</param>
    /// <param name="users">The bits over user ordinals of the other users in <c>E(u)</c>, or <see langword="null"/>.</param>
    /// <param name="roleCount">The number of roles: user ordinal <c>u</c> is unit <c>roleCount + u</c>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RoleSignature Of(ReadOnlySpan<ulong> roles, int user, ulong[]? users, int roleCount)
    {
        ulong low = 0;
        ulong first = 0;
        ulong second = 0;
        Add(ref low, ref first, ref second, user);
        AddAll(roles, 0, ref low, ref first, ref second);
        if (users is not null)
        {
            AddAll(users, roleCount, ref low, ref first, ref second);
        }

        return new RoleSignature(low, first, second);
    }

    /// <summary>Returns the signature of the same <c>E(u)</c> with one more unit: a unit added sets its bits, so that a
    /// change that only adds units costs the units it adds.</summary>
    public RoleSignature With(int unit)
    {
        ulong low = _low;
        ulong first = _first;
        ulong second = _second;
        Add(ref low, ref first, ref second, unit);
        return new RoleSignature(low, first, second);
    }

    /// <summary>Adds every unit of a bit set, bit <c>i</c> being unit <paramref name="offset"/> + <c>i</c>.</summary>
    private static void AddAll(ReadOnlySpan<ulong> bits, int offset, ref ulong low, ref ulong first, ref ulong second)
    {
        ulong l = low;
        ulong f = first;
        ulong s = second;
        for (int word = 0; word < bits.Length; word++)
        {
            int @base = offset + (word << 6);
            for (ulong remaining = bits[word]; remaining != 0; remaining &= remaining - 1)
            {
                int unit = @base + BitOperations.TrailingZeroCount(remaining);
                int probe = Probe(unit);
                l |= 1UL << unit;
                f |= 1UL << probe;
                s |= 1UL << (probe >> ProbeBits);
            }
        }

        low = l;
        first = f;
        second = s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(ref ulong low, ref ulong first, ref ulong second, int unit)
    {
        int probe = Probe(unit);
        low |= 1UL << unit;
        first |= 1UL << probe;
        second |= 1UL << (probe >> ProbeBits);
    }
}
