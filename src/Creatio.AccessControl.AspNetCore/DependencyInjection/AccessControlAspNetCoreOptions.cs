using System.Security.Claims;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Options of the ASP.NET Core integration: which claims say who is asking, and what denials tell the client.</summary>
/// <remarks><see cref="AccessControlAspNetCoreOptionsValidator"/> checks them at host start-up.</remarks>
public sealed class AccessControlAspNetCoreOptions
{
    /// <summary>Gets or sets the claim type that holds the signed-in user's <see cref="UserId"/> in text form.</summary>
    /// <value>The default value is <see cref="ClaimTypes.NameIdentifier"/> (JWT <c>sub</c> with the default claim mapping).
    /// The value must not be empty or white space.</value>
    /// <remarks>A signed-in user without this claim, or whose claim is not a GUID, is an unknown user: every check denies.
    /// Only authenticated identities are read.</remarks>
    public string UserIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>Gets or sets the claim type that holds the support grant a support specialist works under.</summary>
    /// <value>The default value is <see cref="AccessClaimTypes.SupportGrant"/>. The value must not be empty or white space.</value>
    /// <remarks>When a signed-in identity has this claim, the request is a support session: its principal is
    /// <see cref="AccessSnapshot.GetSupportPrincipal"/> of the grant (the grantor's permissions under the support rules),
    /// whatever the user id claim says.</remarks>
    public string SupportGrantClaimType { get; set; } = AccessClaimTypes.SupportGrant;

    /// <summary>Gets or sets the claim type that holds the support session a support specialist works in, for the session log.</summary>
    /// <value>The default value is <see cref="AccessClaimTypes.SupportSession"/>. The value must not be empty or white space.</value>
    public string SupportSessionClaimType { get; set; } = AccessClaimTypes.SupportSession;

    /// <summary>Gets or sets how much a denial's problem details response says.</summary>
    /// <value>The default value is <see langword="null"/>: <see cref="AccessDenialDetail.Full"/> in the Development
    /// environment, <see cref="AccessDenialDetail.None"/> in every other. When set, it must be a defined value.</value>
    public AccessDenialDetail? DenialDetail { get; set; }
}
