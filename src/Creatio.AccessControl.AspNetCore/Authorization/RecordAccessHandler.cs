using Microsoft.AspNetCore.Authorization;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Decides <see cref="RecordAccessRequirement"/>s on a <see cref="RecordId"/> resource, as
/// <see cref="IAuthorizationService.AuthorizeAsync(System.Security.Claims.ClaimsPrincipal, object?, IEnumerable{IAuthorizationRequirement})"/>
/// passes it.</summary>
internal sealed class RecordAccessHandler(AccessRequirementHandling handling) : AuthorizationHandler<RecordAccessRequirement, RecordId>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordAccessRequirement requirement, RecordId resource)
    {
        CurrentAccessPrincipal current = handling.CurrentFor(context);
        if (current.IsSignedIn)
        {
            AccessDecision decision = current.Principal.CheckRecord(requirement.Object, resource, requirement.Operation);
            handling.Apply(context, this, requirement, current, AccessCheck.Record, requirement.RequestFor(resource), decision);
        }

        return Task.CompletedTask;
    }
}
