using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>One right of a record as the record step reads it: a merged right row, or an implicit grantee. Eight bytes,
/// one cell of <see cref="CompiledRecords"/>.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
internal readonly record struct RightEntry
{
    /// <summary>The bits of every record operation.</summary>
    public const byte AllOperations = (1 << (int)RecordOperation.Read) | (1 << (int)RecordOperation.Edit) | (1 << (int)RecordOperation.Delete);

    /// <summary>Creates a right.</summary>
    /// <param name="unit">The grantee's unit index.</param>
    /// <param name="allow">The operations allowed (bit <c>1 &lt;&lt; RecordOperation</c>) at level Allow or above.</param>
    /// <param name="grant">The operations held at level AllowAndGrant.</param>
    /// <param name="isImplicit">Whether the grantee is a manager unit of the author's or the owner's organizational roles,
    /// which holds AllowAndGrant on every operation (DESIGN.md §5) without a row.</param>
    public RightEntry(int unit, byte allow, byte grant, bool isImplicit)
    {
        Unit = unit;
        Operations = (ushort)(allow | (grant << 8));
        Implicit = isImplicit;
    }

    /// <summary>Gets the grantee's unit index.</summary>
    public int Unit { get; }

    /// <summary>Gets <see cref="Allow"/> in the low byte and <see cref="Grant"/> in the high byte, for one test of either.</summary>
    public ushort Operations { get; }

    /// <summary>Gets a value indicating whether the grantee is implicit: a manager of the author or owner.</summary>
    public bool Implicit { get; }

    /// <summary>Gets the operations allowed at level Allow or above.</summary>
    public byte Allow => unchecked((byte)Operations);

    /// <summary>Gets the operations held at level AllowAndGrant.</summary>
    public byte Grant => unchecked((byte)(Operations >> 8));

    /// <summary>Returns the right of an implicit grantee.</summary>
    public static RightEntry ImplicitGrantee(int unit) => new(unit, AllOperations, AllOperations, isImplicit: true);
}
