namespace Creatio.AccessControl;

/// <summary>Whether a request is allowed.</summary>
public enum AccessOutcome : byte
{
    /// <summary>The request is denied. The <see langword="default"/> value, so an uninitialized decision denies.</summary>
    Deny = 0,

    /// <summary>The request is allowed.</summary>
    Allow = 1,
}
