#pragma warning disable SA1307, IDE1006, CA1051 // The field names become the SQL parameters' names.

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>The values of one filtered query, read by EF Core as parameters: the effective roles, the users whose
/// authored or owned records qualify, and the support grant.</summary>
internal sealed class FilterValues
{
    public readonly Guid[] grantees;
    public readonly Guid[] authors;
    public readonly Guid? grant;

    public FilterValues(RecordFilter filter)
    {
        grantees = [.. filter.Grantees.Select(unit => unit.Value)];
        authors = [.. filter.AuthorsAndOwners.Select(user => user.Value)];
        grant = filter.CreatedInSupportGrant?.Value;
    }
}
