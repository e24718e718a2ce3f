using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Decides <see cref="SystemOperationRequirement"/>s with the request's principal.</summary>
internal sealed class SystemOperationHandler(AccessRequirementHandling handling) : AuthorizationHandler<SystemOperationRequirement>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SystemOperationRequirement requirement)
    {
        CurrentAccessPrincipal current = handling.CurrentFor(context);
        if (current.IsSignedIn)
        {
            AccessDecision decision = current.Principal.CheckSystemOperation(requirement.Operation);
            handling.Apply(context, this, requirement, current, AccessCheck.SystemOperation, requirement.Request, decision);
        }

        return Task.CompletedTask;
    }
}
