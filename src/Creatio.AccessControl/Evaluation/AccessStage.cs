namespace Creatio.AccessControl;

/// <summary>The step of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see> that decided a request.</summary>
public enum AccessStage : byte
{
    /// <summary>No step ran: the <see langword="default"/> decision.</summary>
    None = 0,

    /// <summary>Step 1: the user is unknown or inactive.</summary>
    User = 1,

    /// <summary>Step 2: the object is not available to portal users.</summary>
    PortalAvailability = 2,

    /// <summary>Step 3: a super operation (View, Add, Edit or Delete any data) allowed the request.</summary>
    SuperOperation = 3,

    /// <summary>Step 4: object operation permissions.</summary>
    Object = 4,

    /// <summary>Step 5: record permissions.</summary>
    Record = 5,

    /// <summary>Step 6: column permissions.</summary>
    Column = 6,

    /// <summary>A system operation check.</summary>
    SystemOperation = 7,

    /// <summary>Step 7: the support session overlay.</summary>
    SupportAccess = 8,
}
