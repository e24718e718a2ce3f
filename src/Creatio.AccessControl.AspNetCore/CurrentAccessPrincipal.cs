using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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
    private readonly AccessPrincipalResolver _resolver;
    private ClaimsPrincipal? _resolvedFor;
    private AccessPrincipalResolver.Resolved _resolved;

    internal CurrentAccessPrincipal(HttpContext? httpContext, AccessPrincipalResolver resolver, ClaimsPrincipal? user = null)
    {
        _httpContext = httpContext;
        _resolver = resolver;
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

    private ref readonly AccessPrincipalResolver.Resolved Current
    {
        get
        {
            ClaimsPrincipal user = FixedUser ?? _httpContext?.User ?? s_nobody;
            if (!ReferenceEquals(_resolvedFor, user))
            {
                _resolved = _resolver.Resolve(user);
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
            current = new CurrentAccessPrincipal(httpContext, httpContext.RequestServices.GetRequiredService<AccessPrincipalResolver>());
            httpContext.Features.Set(current);
        }

        return current;
    }
}
