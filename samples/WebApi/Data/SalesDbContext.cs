using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>The app's database: its opportunities, and the record rights of the access model in Creatio's table, so that
/// lists are filtered by the database.</summary>
public sealed class SalesDbContext(DbContextOptions<SalesDbContext> options) : DbContext(options)
{
    public DbSet<OpportunityRow> Opportunities => Set<OpportunityRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.HasAccessObject<OpportunityRow>(OpportunityStore.ObjectName, o => o.CreatedById, o => o.OwnerId);
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
