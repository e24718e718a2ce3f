using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>One right of a record as the record step reads it: a merged right row, or an implicit grantee. One 64-bit
/// value, one cell of <see cref="CompiledRecords"/>.</summary>
/// <remarks>Bits 0–31 hold the grantee's unit index, 32–39 the operations allowed, 40–47 the operations held at
/// AllowAndGrant, bit 48 whether the grantee is implicit, and 52–63 the grantee's <see cref="RoleSignature.Probe"/>, so
/// that <see cref="RoleSignature.Candidates"/> tests a right with shifts and masks of this one value.</remarks>
internal readonly record struct RightEntry
{
    /// <summary>The bits of every record operation.</summary>
    public const byte AllOperations = OperationEncoding.AllRecordOperations;

    /// <summary>Where <see cref="Allow"/> starts; <see cref="Grant"/> starts <see cref="OperationEncoding.GrantShift"/> bits higher.</summary>
    public const int AllowShift = 32;

    /// <summary>Where the signature probe starts.</summary>
    public const int ProbeShift = 52;

    private const int ImplicitShift = 48;

    private readonly ulong _bits;

    /// <summary>Creates a right.</summary>
    /// <param name="unit">The grantee's unit index.</param>
    /// <param name="allow">The operations allowed (bit <c>1 &lt;&lt; RecordOperation</c>) at level Allow or above.</param>
    /// <param name="grant">The operations held at level AllowAndGrant.</param>
    /// <param name="isImplicit">Whether the grantee is the author, the owner or a manager unit of their organizational
    /// roles, which holds AllowAndGrant on every operation without a row.</param>
    public RightEntry(int unit, byte allow, byte grant, bool isImplicit)
    {
        _bits = unchecked((uint)unit)
            | ((ulong)allow << AllowShift)
            | ((ulong)grant << (AllowShift + OperationEncoding.GrantShift))
            | (isImplicit ? 1UL << ImplicitShift : 0)
            | ((ulong)RoleSignature.Probe(unit) << ProbeShift);
    }

    /// <summary>Gets the grantee's unit index.</summary>
    public int Unit => unchecked((int)_bits);

    /// <summary>Gets <see cref="Allow"/> in the low byte and <see cref="Grant"/> in the high byte, for one test of either.</summary>
    public ushort Operations => unchecked((ushort)(_bits >> AllowShift));

    /// <summary>Gets a value indicating whether the grantee is implicit: the author, the owner, or a manager unit of theirs.</summary>
    public bool Implicit => ((_bits >> ImplicitShift) & 1) != 0;

    /// <summary>Gets the operations allowed at level Allow or above.</summary>
    public byte Allow => OperationEncoding.AllowOf(Operations);

    /// <summary>Gets the operations held at level AllowAndGrant.</summary>
    public byte Grant => OperationEncoding.GrantOf(Operations);

    /// <summary>Gets the whole value, as <see cref="CompiledRecords"/> stores it.</summary>
    public ulong Bits
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _bits;
    }

    /// <summary>Returns the right of an implicit grantee.</summary>
    public static RightEntry ImplicitGrantee(int unit) => new(unit, AllOperations, AllOperations, isImplicit: true);
}
