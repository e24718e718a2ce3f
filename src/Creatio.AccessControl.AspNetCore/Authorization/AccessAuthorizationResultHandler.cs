using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Answers an access denial with 403 and problem details, and adds problem details to the 401 of an endpoint with
/// access requirements; every other result goes to the app's other handler.</summary>
/// <remarks>An app has one <see cref="IAuthorizationMiddlewareResultHandler"/>: this one wraps the handler registered before
/// it, by default <see cref="AuthorizationMiddlewareResultHandler"/>. A denial is answered here rather than by the
/// authentication schemes' forbid (a cookie scheme would redirect an API call to an "access denied" page).</remarks>
internal sealed class AccessAuthorizationResultHandler(
    IAuthorizationMiddlewareResultHandler inner,
    IOptions<AccessControlAspNetCoreOptions> options,
    IHostEnvironment environment) : IAuthorizationMiddlewareResultHandler
{
    /// <summary>The <c>type</c> of a 403 problem (RFC 9110).</summary>
    private const string ForbiddenType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    /// <summary>The <c>type</c> of a 401 problem (RFC 9110).</summary>
    private const string UnauthorizedType = "https://tools.ietf.org/html/rfc9110#section-15.5.2";

    /// <inheritdoc/>
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && Denial(authorizeResult.AuthorizationFailure) is { } denial)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, Forbidden(denial)).ConfigureAwait(false);
            return;
        }

        await inner.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
        if (authorizeResult.Challenged && !context.Response.HasStarted && context.Response.StatusCode == StatusCodes.Status401Unauthorized
            && HasAccessRequirement(policy))
        {
            await WriteAsync(context, new ProblemDetails
            {
                Type = UnauthorizedType,
                Title = "Unauthorized",
                Status = StatusCodes.Status401Unauthorized,
                Detail = Detail >= AccessDenialDetail.Reason ? "Sign in to access this resource." : null,
            }).ConfigureAwait(false);
        }
    }

    private AccessDenialDetail Detail =>
        options.Value.DenialDetail ?? (environment.IsDevelopment() ? AccessDenialDetail.Full : AccessDenialDetail.None);

    private static AccessDenialReason? Denial(AuthorizationFailure? failure)
    {
        if (failure is null)
        {
            return null;
        }

        foreach (AuthorizationFailureReason reason in failure.FailureReasons)
        {
            if (reason is AccessDenialReason denial)
            {
                return denial;
            }
        }

        return null;
    }

    private static bool HasAccessRequirement(AuthorizationPolicy policy)
    {
        foreach (IAuthorizationRequirement requirement in policy.Requirements)
        {
            if (requirement is ObjectAccessRequirement or RecordAccessRequirement or SystemOperationRequirement)
            {
                return true;
            }
        }

        return false;
    }

    private ProblemDetails Forbidden(AccessDenialReason denial)
    {
        var problem = new ProblemDetails { Type = ForbiddenType, Title = "Forbidden", Status = StatusCodes.Status403Forbidden };
        AccessDenialDetail detail = Detail;
        if (detail == AccessDenialDetail.None)
        {
            return problem;
        }

        if (denial.Request is not { } request)
        {
            problem.Detail = denial.Message;
            return problem;
        }

        AccessDecision decision = denial.Decision;
        problem.Extensions["stage"] = decision.Stage.ToString();
        problem.Extensions["reason"] = decision.Reason.ToString();
        if (detail == AccessDenialDetail.Reason)
        {
            // The stage and reason only: not the request's ids nor the deciding row.
            problem.Detail = $"Denied at {decision.Stage}: {decision.Reason}.";
            return problem;
        }

        problem.Detail = denial.Message;
        problem.Extensions["request"] = request.ToString();
        problem.Extensions["grantee"] = decision.Grantee?.ToString();
        problem.Extensions["position"] = decision.Position;
        problem.Extensions["snapshotVersion"] = denial.SnapshotVersion;
        return problem;
    }

    private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        if (context.RequestServices.GetService(typeof(IProblemDetailsService)) is IProblemDetailsService service
            && await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).ConfigureAwait(false))
        {
            return;
        }

        await TypedResults.Problem(problem).ExecuteAsync(context).ConfigureAwait(false);
    }
}
