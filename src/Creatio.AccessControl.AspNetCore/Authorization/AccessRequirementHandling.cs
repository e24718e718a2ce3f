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

    /// <summary>Decides a record requirement: in memory, or, for a record its object keeps in the database, through the
    /// request's <see cref="IRecordRightReader"/>; then succeeds or fails the requirement as <see cref="Apply"/> does.</summary>
    /// <returns>A completed task when the in-memory check decided, which is always the case for an object held in memory.</returns>
    public Task ApplyRecord(
        AuthorizationHandlerContext context,
        IAuthorizationHandler handler,
        RecordAccessRequirement requirement,
        CurrentAccessPrincipal current,
        HttpContext? httpContext,
        RecordId record)
    {
        AccessDecision decision = current.Principal.CheckRecord(requirement.Object, record, requirement.Operation);
        if (DatabaseRecordChecks.NeedsDatabase(current.Principal, requirement.Object, decision))
        {
            return ApplyFromDatabaseAsync(context, handler, requirement, current, httpContext, record, decision);
        }

        Apply(context, handler, requirement, current, AccessCheck.Record, requirement.RequestFor(record), decision);
        return Task.CompletedTask;
    }

    /// <summary>Fails the requirement for a request that could not be formed.</summary>
    public static void Refuse(AuthorizationHandlerContext context, IAuthorizationHandler handler, string message) =>
        context.Fail(new AccessDenialReason(handler, message));

    private async Task ApplyFromDatabaseAsync(
        AuthorizationHandlerContext context,
        IAuthorizationHandler handler,
        RecordAccessRequirement requirement,
        CurrentAccessPrincipal current,
        HttpContext? httpContext,
        RecordId record,
        AccessDecision inMemory)
    {
        IReadOnlyList<AccessDecision> decisions = await DatabaseRecordChecks.CheckAsync(
            current.Principal, httpContext ?? httpContextAccessor.HttpContext, requirement.Object, [record], requirement.Operation, inMemory, logger)
            .ConfigureAwait(false);
        Apply(context, handler, requirement, current, AccessCheck.Record, requirement.RequestFor(record), decisions[0]);
    }
}
