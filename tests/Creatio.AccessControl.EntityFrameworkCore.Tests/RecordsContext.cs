using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>A context whose <see cref="TestRecord"/> entity holds the records of one access object (a model per object,
/// all over the same tables).</summary>
public sealed class RecordsContext(DbContextOptions<RecordsContext> options, ObjectName objectName, bool rightsTableExists = false) : DbContext(options)
{
    public ObjectName ObjectName { get; } = objectName;

    /// <summary>Gets a value indicating whether another tool (the PostgreSQL package) created the rights table.</summary>
    public bool RightsTableExists { get; } = rightsTableExists;

    public DbSet<TestRecord> Records => Set<TestRecord>();

    public DbSet<EntityRecordRight> Rights => Set<EntityRecordRight>();

    /// <summary>Creates the options of a context over one database, whose model is chosen by the context's object.</summary>
    public static DbContextOptions<RecordsContext> Options(Action<DbContextOptionsBuilder<RecordsContext>> provider)
    {
        var builder = new DbContextOptionsBuilder<RecordsContext>();
        provider(builder);
        return builder.ReplaceService<IModelCacheKeyFactory, ObjectModelCacheKeyFactory>().Options;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TestRecord>().ToTable("Records");
        modelBuilder.HasAccessObject<TestRecord>(ObjectName, r => r.CreatedById, r => r.OwnerId, r => r.SupportAccessGrantId);
        if (RightsTableExists)
        {
            modelBuilder.HasRecordRights(schema: "access_control", excludeFromMigrations: true);   // the PostgreSQL package's default schema
        }
    }

    private sealed class ObjectModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            context is RecordsContext records ? (records.ObjectName, records.RightsTableExists, designTime) : (object)(context.GetType(), designTime);
    }
}
