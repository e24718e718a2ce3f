namespace Creatio.AccessControl;

/// <summary>What an <see cref="AccessRequest"/> asks.</summary>
public enum AccessRequestKind
{
    /// <summary>An object operation.</summary>
    Object = 0,

    /// <summary>An operation on one record.</summary>
    Record = 1,

    /// <summary>An operation on a column, with or without a record.</summary>
    Column = 2,

    /// <summary>A system operation.</summary>
    SystemOperation = 3,

    /// <summary>Sharing an operation on a record.</summary>
    Share = 4,
}
