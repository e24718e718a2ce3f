namespace Creatio.AccessControl.Compilation;

/// <summary>One column of a compiled object.</summary>
internal sealed class CompiledColumn(ColumnName name, bool isSystem, FirstMatchRows? rows)
{
    public ColumnName Name { get; } = name;

    /// <summary>Gets a value indicating whether this is one of the system columns portal users never read or write.</summary>
    public bool IsSystem { get; } = isSystem;

    /// <summary>Gets the column's rows (value: <see cref="ColumnRightLevel"/>), or <see langword="null"/> when it has none.</summary>
    public FirstMatchRows? Rows { get; } = rows;
}
