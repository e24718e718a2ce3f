namespace Creatio.AccessControl;

/// <summary>A set of object operations, as the flags of one object operation row.</summary>
[Flags]
public enum ObjectOperations
{
    /// <summary>No operation.</summary>
    None = 0,

    /// <summary><see cref="ObjectOperation.Read"/>.</summary>
    Read = 1 << ObjectOperation.Read,

    /// <summary><see cref="ObjectOperation.Create"/>.</summary>
    Create = 1 << ObjectOperation.Create,

    /// <summary><see cref="ObjectOperation.Edit"/>.</summary>
    Edit = 1 << ObjectOperation.Edit,

    /// <summary><see cref="ObjectOperation.Delete"/>.</summary>
    Delete = 1 << ObjectOperation.Delete,

    /// <summary>All four operations.</summary>
    All = Read | Create | Edit | Delete,
}
