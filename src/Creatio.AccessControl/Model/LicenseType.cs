namespace Creatio.AccessControl;

/// <summary>The kind of licence the system runs under; free and trial systems cannot grant support access.</summary>
public enum LicenseType
{
    /// <summary>A paid licence.</summary>
    Commercial = 0,

    /// <summary>A free licence.</summary>
    Free = 1,

    /// <summary>A trial licence.</summary>
    Trial = 2,
}
