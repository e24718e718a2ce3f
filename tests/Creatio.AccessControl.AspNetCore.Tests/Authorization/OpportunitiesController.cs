using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>A controller protected by the package's attributes, for <see cref="ControllerAttributeTests"/>.</summary>
[ApiController]
[Route("mvc/opportunities")]
[RequireAccess("Opportunity", ObjectOperation.Read)]
public sealed class OpportunitiesController : ControllerBase
{
    [HttpGet]
    public string List() => "list";

    [HttpGet("{id}")]
    public string Get(RecordId id) => id.ToString();

    [HttpDelete("{id}")]
    [RequireRecordAccess("Opportunity", RecordOperation.Delete)]
    public IActionResult Delete(RecordId id) => NoContent();

    [HttpGet("approvals")]
    [RequireSystemOperation("CanApproveDeals")]
    public string Approvals() => "approvals";

    [HttpPost]
    [Authorize(Policy = "Access:Object:Opportunity:Create")]
    public string Create() => "created";

    [HttpGet("public")]
    [AllowAnonymous]
    public string Public() => "public";

    [HttpGet("bind")]
    [AllowAnonymous]
    public string Bind([FromQuery] RecordId record, [FromQuery] UserId user, [FromQuery] ObjectName objectName) =>
        $"{record}|{user}|{objectName}";
}
