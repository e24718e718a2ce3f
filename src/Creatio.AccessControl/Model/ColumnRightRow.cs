namespace Creatio.AccessControl;

/// <summary>One row of a column's permissions (Creatio's <c>SysEntitySchemaColumnRight</c>).</summary>
/// <param name="Object">The object.</param>
/// <param name="Column">The column.</param>
/// <param name="Grantee">The admin unit the row is for.</param>
/// <param name="Position">The row's position; 0 is the top. Unique within one column.</param>
/// <param name="Level">The level the row gives.</param>
/// <remarks>A column with rows is decided by the first row by position whose grantee is among the user's effective roles;
/// no matching row denies. A column rule never grants more than the object and record steps allow.</remarks>
public sealed record ColumnRightRow(ObjectName Object, ColumnName Column, AdminUnitId Grantee, int Position, ColumnRightLevel Level);
