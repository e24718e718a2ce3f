using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>What every access handler does around its check: find the request's principal, count the decision, and succeed
/// the requirement or fail it with an <see cref="AccessDenialReason"/>.</summary>
/// <remarks>A singleton shared by the handlers; safe for concurrent use.</remarks>
internal sealed class AccessRequirementHandling(
    AccessPrincipalResolver resolver,
    IHttpContextAccessor httpContextAccessor,
    AccessControlMetrics metrics,
    IAccessAuditLog auditLog,
    TimeProvider timeProvider,
    ILogger<AccessRequirementHandling> logger)
{
    /// <summary>Returns the principal the context's user checks with: the request's, when the context is about the request's
    /// user; otherwise one resolved for the context's user alone.</summary>
    public CurrentAccessPrincipal CurrentFor(AuthorizationHandlerContext context)
    {
        HttpContext? httpContext = context.Resource as HttpContext ?? httpContextAccessor.HttpContext;
        return httpContext is not null && ReferenceEquals(httpContext.User, context.User)
            ? CurrentAccessPrincipal.ForRequest(httpContext)
            : new CurrentAccessPrincipal(null, resolver, context.User);
    }

    /// <summary>Succeeds the requirement on an allowing decision; fails it with the decision on a denying one.</summary>
    public void Apply(
        AuthorizationHandlerContext context,
        IAuthorizationHandler handler,
        IAuthorizationRequirement requirement,
        CurrentAccessPrincipal current,
        AccessCheck check,
        in AccessRequest request,
        AccessDecision decision)
    {
        metrics.Decided(check, decision);
        if (decision.IsAllowed)
        {
            context.Succeed(requirement);
            return;
        }

        long version = current.Snapshot.Version;
        AccessControlLog.Denied(logger, current.UserId, request, decision, version);
        if (current.Actor is { } actor && auditLog.IsEnabled(AccessAuditEventType.DeniedOperation))
        {
            auditLog.Write(new AccessAuditEvent(
                AccessAuditEventType.DeniedOperation, timeProvider.GetUtcNow(), actor, "Denied", $"{request}: {decision}", null, null, version));
        }

        context.Fail(new AccessDenialReason(handler, request, decision, version));
    }

    /// <summary>Fails the requirement for a request that could not be formed.</summary>
    public static void Refuse(AuthorizationHandlerContext context, IAuthorizationHandler handler, string message) =>
        context.Fail(new AccessDenialReason(handler, message));
}
