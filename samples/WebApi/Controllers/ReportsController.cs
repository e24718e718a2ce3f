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
    public ActionResult<object> Pipeline()
    {
        AccessPrincipal user = HttpContext.GetAccessPrincipal();
        IReadOnlyList<RecordId> readable = user.FilterRecords(OpportunityStore.ObjectName, RecordOperation.Read, store.Ids);
        return new { count = readable.Count, amount = store.Get(readable).Sum(o => o.Amount) };
    }
}
