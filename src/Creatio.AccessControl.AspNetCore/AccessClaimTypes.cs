namespace Creatio.AccessControl.AspNetCore;

/// <summary>The claim types the package reads, besides the user id claim (<see cref="AccessControlAspNetCoreOptions.UserIdClaimType"/>).</summary>
public static class AccessClaimTypes
{
    /// <summary>The default claim type of the support grant a signed-in support specialist works under
    /// (<see cref="AccessControlAspNetCoreOptions.SupportGrantClaimType"/>): a <see cref="SupportGrantId"/> in text form.</summary>
    public const string SupportGrant = "creatio:support_grant";

    /// <summary>The default claim type of the support session a support specialist works in
    /// (<see cref="AccessControlAspNetCoreOptions.SupportSessionClaimType"/>): a <see cref="SupportSessionId"/> in text form.</summary>
    public const string SupportSession = "creatio:support_session";
}
