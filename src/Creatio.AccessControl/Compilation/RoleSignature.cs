using System.Numerics;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>A Bloom filter of a subject's <c>E(u)</c> in two 64-bit words: every unit in it sets one bit of each word (its
/// low six bits in the first, six bits of a multiplicative hash in the second). A unit with either bit clear is proved
/// absent without reading the subject's bit sets; a unit with both set needs the exact test.</summary>
/// <remarks>With the 13 units of a typical <c>E(u)</c>, about three units in a hundred that are not in it pass, so a
/// record check reads the subject's bit sets for few grantees besides the members, and tests each grantee in a few
/// register instructions.</remarks>
internal readonly struct RoleSignature
{
    private readonly ulong _low;
    private readonly ulong _hashed;

    private RoleSignature(ulong low, ulong hashed)
    {
        _low = low;
        _hashed = hashed;
    }

    /// <summary>Whether the unit may be in <c>E(u)</c>; <see langword="false"/> means it is not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayContain(int unit)
    {
        return ((_low >> unit) & (_hashed >> Hash(unit)) & 1) != 0;
    }

    /// <summary>Computes the signature of a subject's sets.</summary>
    /// <param name="roles">The role bits.</param>
    /// <param name="user">The subject's own user unit index.</param>
    /// <param name="users">The bits over user ordinals of the other users in <c>E(u)</c>, or <see langword="null"/>.</param>
    /// <param name="roleCount">The number of roles: user ordinal <c>u</c> is unit <c>roleCount + u</c>.</param>
    public static RoleSignature Of(ReadOnlySpan<ulong> roles, int user, ulong[]? users, int roleCount)
    {
        Span<ulong> words = stackalloc ulong[2];
        words.Clear();
        Add(words, user);
        for (int word = 0; word < roles.Length; word++)
        {
            for (ulong bits = roles[word]; bits != 0; bits &= bits - 1)
            {
                Add(words, (word << 6) + BitOperations.TrailingZeroCount(bits));
            }
        }

        if (users is not null)
        {
            for (int word = 0; word < users.Length; word++)
            {
                for (ulong bits = users[word]; bits != 0; bits &= bits - 1)
                {
                    Add(words, roleCount + (word << 6) + BitOperations.TrailingZeroCount(bits));
                }
            }
        }

        return new RoleSignature(words[0], words[1]);
    }

    private static void Add(Span<ulong> words, int unit)
    {
        words[0] |= 1UL << unit;
        words[1] |= 1UL << Hash(unit);
    }

    // Six bits of a multiplicative hash of the unit.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(int unit) => unchecked((int)(((uint)unit * 0x9E3779B1u) >> 26));
}
