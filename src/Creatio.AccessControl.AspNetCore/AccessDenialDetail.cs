namespace Creatio.AccessControl.AspNetCore;

/// <summary>How much a 403 or 401 problem details response says about why access was denied.</summary>
/// <remarks>The stage and reason help developers find the row that decided; production may prefer to hide them.</remarks>
public enum AccessDenialDetail
{
    /// <summary>The status and its title only.</summary>
    None = 0,

    /// <summary>Also the stage that decided and the reason (<c>stage</c>, <c>reason</c>) and a one-line <c>detail</c>.</summary>
    Reason = 1,

    /// <summary>Also the request that was denied (<c>request</c>), the deciding row's grantee and position
    /// (<c>grantee</c>, <c>position</c>) and the snapshot version (<c>snapshotVersion</c>).</summary>
    Full = 2,
}
