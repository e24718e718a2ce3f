using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Decides <see cref="RecordAccessRequirement"/>s of an endpoint, on the record its route value names.</summary>
internal sealed class RecordRouteAccessHandler(AccessRequirementHandling handling, ILogger<RecordRouteAccessHandler> logger)
    : AuthorizationHandler<RecordAccessRequirement, HttpContext>
{
    /// <inheritdoc/>
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordAccessRequirement requirement, HttpContext resource)
    {
        CurrentAccessPrincipal current = handling.CurrentFor(context);
        if (!current.IsSignedIn)
        {
            return Task.CompletedTask;
        }

        object? value = resource.GetRouteValue(requirement.RouteValueName);
        if (!RecordId.TryParse(value as string, out RecordId record))
        {
            string? text = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            AccessControlLog.RouteValueNotARecordId(logger, requirement.RouteValueName, text);
            AccessRequirementHandling.Refuse(context, this, $"The route value `{requirement.RouteValueName}` is `{text}`, not a record id.");
            return Task.CompletedTask;
        }

        return handling.ApplyRecord(context, this, requirement, current, resource, record);
    }
}
