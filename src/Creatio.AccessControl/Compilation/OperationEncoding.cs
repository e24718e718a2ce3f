using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>The one owner of how operations are encoded in compiled tables and checks: which bit an operation is, which
/// object operation a record or column operation needs, where AllowAndGrant sits, and which operation values are
/// defined. Every other file asks this type.</summary>
/// <remarks>
/// <para>Object operation <c>o</c> is bit <c>1 &lt;&lt; o</c> of an object row's value (the flags of
/// <see cref="ObjectOperations"/>) and bit <c>4 + o</c> of <see cref="SubjectState"/> (its super operation).</para>
/// <para>Record operation <c>r</c> is bit <c>1 &lt;&lt; r</c> of a right's allowed operations; the same bit
/// <see cref="GrantShift"/> higher is the operation held at AllowAndGrant, so that a right's two masks are one
/// <see cref="ushort"/> and one test asks for either.</para>
/// <para>An out-of-range operation value never becomes a valid one: its object operation is
/// <see cref="InvalidObjectOperation"/>, which no table is indexed by.</para>
/// </remarks>
internal static class OperationEncoding
{
    /// <summary>How far the AllowAndGrant mask of a right sits above its Allow mask.</summary>
    public const int GrantShift = 8;

    /// <summary>The bits of every record operation.</summary>
    public const byte AllRecordOperations = (1 << (int)RecordOperation.Read) | (1 << (int)RecordOperation.Edit) | (1 << (int)RecordOperation.Delete);

    /// <summary>An object operation no check allows: what an out-of-range record or column operation maps to.</summary>
    public const ObjectOperation InvalidObjectOperation = (ObjectOperation)(-1);

    /// <summary>Whether an object operation value is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDefined(ObjectOperation operation) => unchecked((uint)operation) <= (uint)ObjectOperation.Delete;

    /// <summary>Whether a record operation value is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDefined(RecordOperation operation) => unchecked((uint)operation) <= (uint)RecordOperation.Delete;

    /// <summary>Whether a column operation value is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDefined(ColumnOperation operation) => unchecked((uint)operation) <= (uint)ColumnOperation.Edit;

    /// <summary>The bit of an object operation in an object row's value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(ObjectOperation operation) => 1 << (int)operation;

    /// <summary>The flag of an object operation.</summary>
    public static ObjectOperations Flag(ObjectOperation operation) => (ObjectOperations)Bit(operation);

    /// <summary>The bit of a record operation in a right's allowed operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bit(RecordOperation operation) => 1 << (int)operation;

    /// <summary>What a right must hold for an operation bit: the bit itself, or with <paramref name="grant"/> the same
    /// operation at AllowAndGrant.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Asked(int operationBit, bool grant) => grant ? operationBit << GrantShift : operationBit;

    /// <summary>The Allow and AllowAndGrant masks of one right row, in one value as <see cref="RightEntry.Operations"/>
    /// holds them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort RightMask(RecordOperation operation, RecordRightLevel level)
    {
        int bit = Bit(operation);
        int allow = level >= RecordRightLevel.Allow ? bit : 0;
        int grant = level == RecordRightLevel.AllowAndGrant ? bit : 0;
        return (ushort)((grant << GrantShift) | allow);
    }

    /// <summary>The Allow mask of a right's combined masks.</summary>
    public static byte AllowOf(int masks) => unchecked((byte)masks);

    /// <summary>The AllowAndGrant mask of a right's combined masks.</summary>
    public static byte GrantOf(int masks) => unchecked((byte)(masks >> GrantShift));

    /// <summary>The state bit of the super operation of an object operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SubjectState Super(ObjectOperation operation) => (SubjectState)((int)SubjectState.SuperRead << (int)operation);

    /// <summary>The object operation a record operation needs; an out-of-range record operation gives
    /// <see cref="InvalidObjectOperation"/> (never an exception, never a valid operation).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ObjectOperation ToObjectOperation(RecordOperation operation) =>
        !IsDefined(operation) ? InvalidObjectOperation
        : operation == RecordOperation.Read ? ObjectOperation.Read : (ObjectOperation)((int)operation + 1);

    /// <summary>The object operation a column operation needs; an out-of-range column operation gives
    /// <see cref="InvalidObjectOperation"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ObjectOperation ToObjectOperation(ColumnOperation operation) =>
        !IsDefined(operation) ? InvalidObjectOperation
        : operation == ColumnOperation.Read ? ObjectOperation.Read : ObjectOperation.Edit;

    /// <summary>The record operation a column operation on a record needs (reading a column reads the record, editing it
    /// edits the record).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static RecordOperation ToRecordOperation(ColumnOperation operation) =>
        operation == ColumnOperation.Read ? RecordOperation.Read : RecordOperation.Edit;
}
