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
        return current.IsSignedIn ? handling.ApplyRecord(context, this, requirement, current, null, resource) : Task.CompletedTask;
    }
}
