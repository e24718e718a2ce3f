using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>The app's opportunities, on the request's <see cref="SalesDbContext"/>: lists filtered by the database, reads
/// and edits of one record. It never writes a record right: the administration API does.</summary>
public sealed class OpportunityStore(SalesDbContext db)
{
    /// <summary>The object the opportunities are records of, in the access policy.</summary>
    public static readonly ObjectName ObjectName = new("Opportunity");

    /// <summary>Returns the opportunities a user may perform an operation on, by title: one query, filtered by the database.</summary>
    public async Task<IReadOnlyList<Opportunity>> ListAsync(AccessPrincipal principal, RecordOperation operation, CancellationToken cancellationToken)
    {
        List<OpportunityRow> rows = await db.Opportunities.AsNoTracking()
            .WhereAccessible(principal, operation)
            .OrderBy(o => o.Title)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => o.ToOpportunity())];
    }

    /// <summary>Returns an opportunity, or <see langword="null"/>.</summary>
    public async Task<Opportunity?> FindAsync(RecordId id, CancellationToken cancellationToken) =>
        (await db.Opportunities.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id.Value, cancellationToken))?.ToOpportunity();

    /// <summary>Applies an edit and returns the names of the columns it changed.</summary>
    public async Task<IReadOnlyList<ColumnName>> UpdateAsync(RecordId id, OpportunityEdit edit, CancellationToken cancellationToken)
    {
        OpportunityRow row = await db.Opportunities.FindAsync([id.Value], cancellationToken) ?? throw new KeyNotFoundException($"No opportunity `{id}`.");
        var changed = new List<ColumnName>();
        if (edit.Title is { } title) { changed.Add("Title"); row.Title = title; }
        if (edit.Amount is { } amount) { changed.Add("Amount"); row.Amount = amount; }
        if (edit.Margin is { } margin) { changed.Add("Margin"); row.Margin = margin; }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }

    /// <summary>Creates an opportunity authored and owned by a user: the row, then the record through the administration API
    /// (which checks the Create permission and writes the author, owner and default rights), in one transaction.</summary>
    /// <returns>The administration's result; when it is refused, nothing was stored.</returns>
    public async Task<AccessChangeResult> CreateAsync(
        Opportunity opportunity, UserId author, AccessActor actor, IAccessAdministration administration, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Opportunities.Add(new OpportunityRow
        {
            Id = opportunity.Id, Title = opportunity.Title, Customer = opportunity.Customer, Amount = opportunity.Amount, Margin = opportunity.Margin,
            CreatedById = author.Value, OwnerId = author.Value,
        });
        await db.SaveChangesAsync(cancellationToken);
        AccessChangeResult result = await administration.ApplyAsync(
            actor, new CreateRecord(new RecordDefinition(ObjectName, new RecordId(opportunity.Id), author, author)), cancellationToken);
        if (result.IsApplied)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }
}
