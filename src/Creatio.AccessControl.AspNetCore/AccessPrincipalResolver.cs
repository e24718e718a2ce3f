using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Resolves a <see cref="ClaimsPrincipal"/> to the access principal of its user or support session, with the
/// services it needs gathered once: the singleton behind every <see cref="CurrentAccessPrincipal"/>.</summary>
/// <remarks>This type is safe for concurrent use.</remarks>
internal sealed class AccessPrincipalResolver(
    IAccessEvaluator evaluator,
    TimeProvider timeProvider,
    IOptions<AccessControlAspNetCoreOptions> options,
    AccessModelStatus status,
    ILogger<CurrentAccessPrincipal> logger)
{
    private readonly IAccessEvaluator _evaluator = evaluator;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly AccessControlAspNetCoreOptions _options = options.Value;
    private readonly AccessModelStatus _status = status;
    private readonly ILogger _logger = logger;

    /// <summary>Resolves a user in the evaluator's current snapshot.</summary>
    /// <param name="user">The claims of the request.</param>
    /// <returns>The principal: a support session, the user of the user id claim, or nobody.</returns>
    public Resolved Resolve(ClaimsPrincipal user)
    {
        AccessSnapshot snapshot = _evaluator.Snapshot;
        _status.Observe(snapshot.Version);
        if (!IsAuthenticated(user))
        {
            return new Resolved(snapshot, default, null, null, null, IsSignedIn: false);
        }

        SupportSessionId? session = null;
        if (Read(user, _options.SupportSessionClaimType) is { } sessionText)
        {
            if (SupportSessionId.TryParse(sessionText, out SupportSessionId id))
            {
                session = id;
            }
            else
            {
                AccessControlLog.ClaimNotAnId(_logger, _options.SupportSessionClaimType, sessionText);
            }
        }

        if (Read(user, _options.SupportGrantClaimType) is { } grantText)
        {
            if (SupportGrantId.TryParse(grantText, out SupportGrantId grant))
            {
                AccessPrincipal support = snapshot.GetSupportPrincipal(grant, _timeProvider.GetUtcNow());
                return new Resolved(snapshot, support, support.IsKnown ? support.User : null, grant, session, IsSignedIn: true);
            }

            // A support claim that cannot be read must never fall back to the user's own permissions.
            AccessControlLog.ClaimNotAnId(_logger, _options.SupportGrantClaimType, grantText);
            return new Resolved(snapshot, default, null, null, session, IsSignedIn: true);
        }

        string? userText = Read(user, _options.UserIdClaimType);
        if (UserId.TryParse(userText, out UserId userId))
        {
            return new Resolved(snapshot, snapshot.GetPrincipal(userId, _timeProvider.GetUtcNow()), userId, null, session, IsSignedIn: true);
        }

        AccessControlLog.NoUserId(_logger, _options.UserIdClaimType, userText);
        return new Resolved(snapshot, default, null, null, session, IsSignedIn: true);
    }

    private static bool IsAuthenticated(ClaimsPrincipal user)
    {
        foreach (ClaimsIdentity identity in user.Identities)
        {
            if (identity.IsAuthenticated)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Read(ClaimsPrincipal user, string claimType)
    {
        foreach (ClaimsIdentity identity in user.Identities)
        {
            if (identity.IsAuthenticated && identity.FindFirst(claimType) is { } claim)
            {
                return claim.Value;
            }
        }

        return null;
    }

    /// <summary>What a user resolves to.</summary>
    public readonly record struct Resolved(
        AccessSnapshot Snapshot, AccessPrincipal Principal, UserId? UserId, SupportGrantId? SupportGrant, SupportSessionId? SupportSession, bool IsSignedIn);
}
