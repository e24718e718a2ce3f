namespace Creatio.AccessControl;

/// <summary>One record right (Creatio's <c>SysXxxRight</c> rows).</summary>
/// <param name="Object">The object the record belongs to.</param>
/// <param name="Record">The record.</param>
/// <param name="Grantee">The admin unit the right is for.</param>
/// <param name="Operation">The operation the right is about.</param>
/// <param name="Level">The level; rights are additive and unordered, and <see cref="RecordRightLevel.Deny"/> grants nothing.</param>
/// <param name="Source">Where the row came from.</param>
public sealed record RecordRightRow(
    ObjectName Object,
    RecordId Record,
    AdminUnitId Grantee,
    RecordOperation Operation,
    RecordRightLevel Level,
    RecordRightSource Source = RecordRightSource.Manual);
