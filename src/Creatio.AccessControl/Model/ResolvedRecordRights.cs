using System.Runtime.CompilerServices;

namespace Creatio.AccessControl;

/// <summary>What validating a whole model found out about each of its record right rows, kept for compiling it: the
/// record's place among the model's records, the grantee's number in <see cref="ModelIndex.Units"/>, and the row's
/// operation and level. With it, compiling a million rights reads three arrays instead of looking every row's record and
/// grantee up again.</summary>
/// <remarks>Valid for the rows, users, roles and records of the model it was made with, in their order: a model derived by
/// an edit keeps it only when it keeps all of those (<see cref="AccessModel"/>).</remarks>
/// <param name="Record">Per row, its record's place among the model's records.</param>
/// <param name="Unit">Per row, its grantee's number: a user's place among the users, or the number of users plus a role's
/// place among the roles.</param>
/// <param name="OperationAndLevel">Per row, its operation in the low four bits and its level in the high four
/// (<see cref="Of"/>).</param>
internal sealed record ResolvedRecordRights(int[] Record, int[] Unit, byte[] OperationAndLevel)
{
    /// <summary>A row's operation and level in one byte, as <see cref="OperationAndLevel"/> holds them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte Of(RecordRightRow row) => unchecked((byte)(((int)row.Operation & 0xF) | ((int)row.Level << 4)));

    /// <summary>Whether a row's operation, level and source are defined values: <see cref="Enum.IsDefined{TEnum}(TEnum)"/>
    /// of each, as three comparisons (the values of each are 0 to the last one).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDefined(RecordRightRow row) => unchecked(
        ((uint)row.Operation <= (uint)RecordOperation.Delete)
        & ((uint)row.Level <= (uint)RecordRightLevel.AllowAndGrant)
        & ((uint)row.Source <= (uint)RecordRightSource.Default));

    /// <summary>The operation of a byte of <see cref="OperationAndLevel"/>.</summary>
    public static RecordOperation Operation(byte operationAndLevel) => (RecordOperation)(operationAndLevel & 0xF);

    /// <summary>The level of a byte of <see cref="OperationAndLevel"/>.</summary>
    public static RecordRightLevel Level(byte operationAndLevel) => (RecordRightLevel)(operationAndLevel >> 4);
}
