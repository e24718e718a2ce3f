using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>The access principal of the current request: who is asking, resolved once per request.</summary>
/// <remarks>
/// <para>Reach it from an endpoint with <see cref="AccessHttpContextExtensions.GetCurrentAccess(HttpContext)"/> or
/// <see cref="AccessHttpContextExtensions.GetAccessPrincipal(HttpContext)"/>, or inject it (it is registered scoped); every
/// way gives the same instance for a request, and the authorization handlers check with it.</para>
/// <para>The principal is resolved on first use from <see cref="HttpContext.User"/>: a support session when an authenticated
/// identity has the support grant claim (<see cref="AccessControlAspNetCoreOptions.SupportGrantClaimType"/>), otherwise the
/// user of the user id claim (<see cref="AccessControlAspNetCoreOptions.UserIdClaimType"/>), otherwise nobody (denied
/// everything). It keeps the snapshot it was resolved in, so every check of the request sees one version of the model.
/// If <see cref="HttpContext.User"/> is replaced later in the request, the next use resolves again.</para>
/// <para>This type is for one request at a time and is not safe for concurrent use.</para>
/// </remarks>
public sealed class CurrentAccessPrincipal
{
    // Stands for "no user" in the cache, so that a request without a user resolves once too.
    private static readonly ClaimsPrincipal s_nobody = new();

    private readonly HttpContext? _httpContext;
    private readonly IAccessEvaluator _evaluator;
    private readonly TimeProvider _timeProvider;
    private readonly AccessControlAspNetCoreOptions _options;
    private readonly AccessModelStatus? _status;
    private readonly ILogger _logger;
    private ClaimsPrincipal? _resolvedFor;
    private Resolved _resolved;

    internal CurrentAccessPrincipal(HttpContext? httpContext, IServiceProvider services, ClaimsPrincipal? user = null)
    {
        _httpContext = httpContext;
        _evaluator = services.GetRequiredService<IAccessEvaluator>();
        _timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        _options = services.GetRequiredService<IOptions<AccessControlAspNetCoreOptions>>().Value;
        _status = services.GetService<AccessModelStatus>();
        _logger = services.GetService<ILogger<CurrentAccessPrincipal>>() ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        FixedUser = user;
    }

    /// <summary>Gets the signed-in user's id, or <see langword="null"/> when nobody is signed in or the user id claim is missing
    /// or is not a GUID. For a support session, the grantor.</summary>
    public UserId? UserId => Current.UserId;

    /// <summary>Gets the support grant the request works under, or <see langword="null"/> when it is not a support session.</summary>
    public SupportGrantId? SupportGrant => Current.SupportGrant;

    /// <summary>Gets the support session named by the support session claim, or <see langword="null"/>.</summary>
    public SupportSessionId? SupportSession => Current.SupportSession;

    /// <summary>Gets a value indicating whether an authenticated identity is signed in.</summary>
    public bool IsSignedIn => Current.IsSignedIn;

    /// <summary>Gets the principal to ask checks of: denied everything when nobody (known) is signed in.</summary>
    public AccessPrincipal Principal => Current.Principal;

    /// <summary>Gets the actor to name in administration changes (<see cref="IAccessAdministration"/>): the support grant in a
    /// support session, otherwise the signed-in user; <see langword="null"/> when nobody is signed in with a user id.</summary>
    public AccessActor? Actor => Current switch
    {
        { SupportGrant: { } grant } => AccessActor.ForSupportSession(grant),
        { UserId: { } user } => AccessActor.ForUser(user),
        _ => null,
    };

    /// <summary>Gets the snapshot the principal was resolved in: the evaluator's snapshot of the moment it was resolved.</summary>
    public AccessSnapshot Snapshot => Current.Snapshot;

    /// <summary>Gets the user this instance was created for, when not the request's.</summary>
    internal ClaimsPrincipal? FixedUser { get; }

    private ref readonly Resolved Current
    {
        get
        {
            ClaimsPrincipal user = FixedUser ?? _httpContext?.User ?? s_nobody;
            if (!ReferenceEquals(_resolvedFor, user))
            {
                _resolved = Resolve(user);
                _resolvedFor = user;
            }

            return ref _resolved;
        }
    }

    /// <summary>Resolves an object in the principal's snapshot, once for the many checks of a request on it.</summary>
    /// <param name="objectName">The object.</param>
    /// <returns>The object; unknown (denied every check) when the snapshot does not know it.</returns>
    public AccessObject GetObject(ObjectName objectName) => Snapshot.GetObject(objectName);

    /// <summary>Returns the request's instance, creating it on first use.</summary>
    internal static CurrentAccessPrincipal ForRequest(HttpContext httpContext)
    {
        CurrentAccessPrincipal? current = httpContext.Features.Get<CurrentAccessPrincipal>();
        if (current is null)
        {
            current = new CurrentAccessPrincipal(httpContext, httpContext.RequestServices);
            httpContext.Features.Set(current);
        }

        return current;
    }

    private Resolved Resolve(ClaimsPrincipal user)
    {
        AccessSnapshot snapshot = _evaluator.Snapshot;
        _status?.Observe(snapshot.Version);
        if (!IsAuthenticated(user))
        {
            return new Resolved(snapshot, default, null, null, null, IsSignedIn: false);
        }

        SupportSessionId? session = Read(user, _options.SupportSessionClaimType, out string? sessionText) is { } s && SupportSessionId.TryParse(s, out SupportSessionId sessionId)
            ? sessionId : null;
        if (sessionText is not null && session is null)
        {
            AccessControlLog.ClaimNotAnId(_logger, _options.SupportSessionClaimType, sessionText);
        }

        if (Read(user, _options.SupportGrantClaimType, out string? grantText) is not null)
        {
            if (SupportGrantId.TryParse(grantText, out SupportGrantId grant))
            {
                AccessPrincipal support = snapshot.GetSupportPrincipal(grant, _timeProvider.GetUtcNow());
                return new Resolved(snapshot, support, support.IsKnown ? support.User : null, grant, session, IsSignedIn: true);
            }

            // A support claim that cannot be read must never fall back to the user's own permissions.
            AccessControlLog.ClaimNotAnId(_logger, _options.SupportGrantClaimType, grantText!);
            return new Resolved(snapshot, default, null, null, session, IsSignedIn: true);
        }

        if (Read(user, _options.UserIdClaimType, out string? userText) is not null && Creatio.AccessControl.UserId.TryParse(userText, out UserId id))
        {
            return new Resolved(snapshot, snapshot.GetPrincipal(id, _timeProvider.GetUtcNow()), id, null, session, IsSignedIn: true);
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

    private static string? Read(ClaimsPrincipal user, string claimType, out string? value)
    {
        value = null;
        foreach (ClaimsIdentity identity in user.Identities)
        {
            if (identity.IsAuthenticated && identity.FindFirst(claimType) is { } claim)
            {
                value = claim.Value;
                break;
            }
        }

        return value;
    }

    private readonly record struct Resolved(
        AccessSnapshot Snapshot, AccessPrincipal Principal, UserId? UserId, SupportGrantId? SupportGrant, SupportSessionId? SupportSession, bool IsSignedIn);
}
