namespace Creatio.AccessControl;

/// <summary>An operation on an object as a whole.</summary>
public enum ObjectOperation
{
    /// <summary>Read records of the object.</summary>
    Read = 0,

    /// <summary>Create records of the object.</summary>
    Create = 1,

    /// <summary>Edit records of the object.</summary>
    Edit = 2,

    /// <summary>Delete records of the object.</summary>
    Delete = 3,
}
