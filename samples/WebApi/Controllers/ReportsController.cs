using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using WebApi.Data;

namespace WebApi.Controllers;

/// <summary>A controller protected by attributes: exporting the pipeline needs Read on opportunities and the
/// <c>CanExportGrid</c> system operation, which System administrators hold.</summary>
[ApiController]
[Route("reports")]
[RequireAccess("Opportunity", ObjectOperation.Read)]
public sealed class ReportsController(OpportunityStore store) : ControllerBase
{
    /// <summary>The total amount of the opportunities the user may read.</summary>
    [HttpGet("pipeline")]
    [RequireSystemOperation("CanExportGrid")]
    public async Task<ActionResult<object>> Pipeline()
    {
        IReadOnlyList<Opportunity> readable = await store.ListAsync(HttpContext.GetAccessPrincipal(), RecordOperation.Read, HttpContext.RequestAborted);
        return new { count = readable.Count, amount = readable.Sum(o => o.Amount) };
    }
}
