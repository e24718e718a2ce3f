namespace Creatio.AccessControl;

/// <summary>The level of a column permission row.</summary>
public enum ColumnRightLevel
{
    /// <summary>The column is shown without its value and cannot be written.</summary>
    Deny = 0,

    /// <summary>The column can be read but not written.</summary>
    Read = 1,

    /// <summary>The column can be read and written.</summary>
    ReadEdit = 2,
}
