using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>The app's database context (scoped: one per request): its opportunities, and their record rights in Creatio's
/// table, the one copy that lists, record checks and the administration API read and write.</summary>
public sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : DbContext(options)
{
    public DbSet<OpportunityRow> Opportunities => Set<OpportunityRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAccessObject<OpportunityRow>(OpportunityStore.ObjectName, o => o.CreatedById, o => o.OwnerId);

        // The indexes docs/entity-framework-core.md recommends: the author and owner, and for the order the list sorts by
        // (the title) one index holding the columns the filter reads, so that a page walks it without reading the table.
        // SQLite has no INCLUDE: the columns are keys. With Npgsql: HasIndex(o => o.Title).IncludeProperties(o => new { o.Id, o.CreatedById, o.OwnerId }).
        modelBuilder.Entity<OpportunityRow>(entity =>
        {
            entity.HasIndex(o => o.CreatedById);
            entity.HasIndex(o => o.OwnerId);
            entity.HasIndex(o => new { o.Title, o.Id, o.CreatedById, o.OwnerId }).HasDatabaseName("IX_Opportunities_Title_Access");
        });
    }
}

/// <summary>An opportunity as the database keeps it: the record id, its values, its author and owner.</summary>
public sealed class OpportunityRow
{
    public Guid Id { get; set; }

    public string Title { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public decimal Amount { get; set; }

    public decimal Margin { get; set; }

    public Guid? CreatedById { get; set; }

    public Guid? OwnerId { get; set; }

    public Opportunity ToOpportunity() => new(Id, Title, Customer, Amount, Margin);
}
