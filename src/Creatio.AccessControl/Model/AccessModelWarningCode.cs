namespace Creatio.AccessControl;

/// <summary>What a valid model holds that decides nothing, and is likely a mistake.</summary>
public enum AccessModelWarningCode
{
    /// <summary>An object does not use operation permissions, so its object operation rows are ignored: every employee
    /// may do all four operations on it, and portal users none.</summary>
    IgnoredObjectOperationRows = 1,

    /// <summary>The support access settings name an external access object the model does not define
    /// (<see cref="SupportAccessSettings.ExternalAccessObject"/>): nobody may grant support access, change or deactivate a
    /// grant, and a grant is refused naming the object.</summary>
    MissingExternalAccessObject = 2,
}
