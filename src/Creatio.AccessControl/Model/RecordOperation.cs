namespace Creatio.AccessControl;

/// <summary>An operation on one record, with Creatio's numeric values. Creating is an object question only.</summary>
public enum RecordOperation
{
    /// <summary>Read the record.</summary>
    Read = 0,

    /// <summary>Edit the record.</summary>
    Edit = 1,

    /// <summary>Delete the record.</summary>
    Delete = 2,
}
