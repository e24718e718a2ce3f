namespace Creatio.AccessControl;

/// <summary>An operation on a column.</summary>
public enum ColumnOperation
{
    /// <summary>See the column's value.</summary>
    Read = 0,

    /// <summary>Write the column's value.</summary>
    Edit = 1,
}
