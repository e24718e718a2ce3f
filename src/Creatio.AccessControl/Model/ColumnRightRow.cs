namespace Creatio.AccessControl;

/// <summary>One row of a column's permissions (Creatio's <c>SysEntitySchemaColumnRight</c>).</summary>
/// <remarks>A column with rows is decided by the first row by position whose grantee is among the user's effective roles;
/// no matching row denies. A column rule never grants more than the object and record steps allow.</remarks>
public sealed record ColumnRightRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Column">The column.</param>
    /// <param name="Grantee">The admin unit the row is for.</param>
    /// <param name="Position">The row's position; 0 is the top. Unique within one column.</param>
    /// <param name="Level">The level the row gives.</param>
    public ColumnRightRow(
        ObjectName Object,
        ColumnName Column,
        AdminUnitId Grantee,
        int Position,
        ColumnRightLevel Level)
    {
        this.Object = Object;
        this.Column = Column;
        this.Grantee = Grantee;
        this.Position = Position;
        this.Level = Level;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the column.</summary>
    public ColumnName Column { get; init; }

    /// <summary>Gets the admin unit the row is for.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the row's position; 0 is the top. Unique within one column.</summary>
    public int Position { get; init; }

    /// <summary>Gets the level the row gives.</summary>
    public ColumnRightLevel Level { get; init; }
}
