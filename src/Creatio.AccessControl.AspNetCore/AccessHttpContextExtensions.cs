using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;

namespace Microsoft.AspNetCore.Http;

/// <summary>Reaches the current request's access principal from an <see cref="HttpContext"/>.</summary>
public static class AccessHttpContextExtensions
{
    /// <summary>Gets the request's <see cref="CurrentAccessPrincipal"/>, the one the authorization handlers and dependency
    /// injection use, creating it on first use.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The request's current access principal.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The access control services are not registered
    /// (<c>services.AddCreatioAccessControl().AddAspNetCore()</c>).</exception>
    public static CurrentAccessPrincipal GetCurrentAccess(this HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return CurrentAccessPrincipal.ForRequest(httpContext);
    }

    /// <summary>Gets the request's access principal: who is asking, resolved once per request.</summary>
    /// <param name="httpContext">The request.</param>
    /// <returns>The principal; denied everything when nobody (known) is signed in.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="httpContext"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The access control services are not registered.</exception>
    public static AccessPrincipal GetAccessPrincipal(this HttpContext httpContext) => GetCurrentAccess(httpContext).Principal;
}
