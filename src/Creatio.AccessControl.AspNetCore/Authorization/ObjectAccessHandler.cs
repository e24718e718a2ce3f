using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Decides <see cref="ObjectAccessRequirement"/>s with the request's principal.</summary>
internal sealed class ObjectAccessHandler(AccessRequirementHandling handling) : AuthorizationHandler<ObjectAccessRequirement>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ObjectAccessRequirement requirement)
    {
        CurrentAccessPrincipal current = handling.CurrentFor(context);
        if (current.IsSignedIn)
        {
            AccessDecision decision = current.Principal.CheckObject(requirement.Object, requirement.Operation);
            handling.Apply(context, this, requirement, current, AccessCheck.Object, requirement.Request, decision);
        }

        return Task.CompletedTask;
    }
}
