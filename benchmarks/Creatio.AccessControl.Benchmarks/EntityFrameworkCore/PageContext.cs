using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary>The benchmark's records: opportunities whose author and owner are always set.</summary>
internal sealed class PageOpportunity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid CreatedById { get; set; }

    public Guid OwnerId { get; set; }
}

/// <summary>The opportunities' table beside the PostgreSQL package's rights table.</summary>
internal sealed class PageContext(DbContextOptions<PageContext> options) : DbContext(options)
{
    public DbSet<PageOpportunity> Opportunities => Set<PageOpportunity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PageOpportunity>().ToTable("Opportunities");
        modelBuilder.HasAccessObject<PageOpportunity>("Opportunity", o => o.CreatedById, o => o.OwnerId)
            .HasRecordRights(schema: "access_control", excludeFromMigrations: true);
    }
}
