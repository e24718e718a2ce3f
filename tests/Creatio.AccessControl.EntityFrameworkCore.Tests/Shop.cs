using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

public sealed class Opportunity
{
    public Guid Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public Guid? CreatedById { get; set; }

    public Guid? OwnerId { get; set; }
}

/// <summary>An entity whose author and owner are never null, and which keeps the support grant records were created in.</summary>
public sealed class Invoice
{
    public Guid Id { get; set; }

    public Guid CreatedById { get; set; }

    public Guid OwnerId { get; set; }

    public Guid? SupportAccessGrantId { get; set; }
}

/// <summary>A context whose model is whatever its test configures, cached under the test's key.</summary>
public sealed class ShopContext(DbContextOptions options, string key, Action<ModelBuilder> configure) : DbContext(options)
{
    public string Key { get; } = key;

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public static ShopContext Sqlite(SqliteConnection connection, string key, Action<ModelBuilder> configure) =>
        new(Options(builder => builder.UseSqlite(connection)), key, configure);

    public static DbContextOptions Options(Action<DbContextOptionsBuilder> provider)
    {
        var builder = new DbContextOptionsBuilder<ShopContext>();
        provider(builder);
        return builder.ReplaceService<IModelCacheKeyFactory, KeyFactory>().Options;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);

    private sealed class KeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (((ShopContext)context).Key, designTime);
    }
}

/// <summary>Sales › Sales managers; Ann in Sales, Bob manages it, Eve is another employee, Carl a portal user. Opportunity
/// uses record permissions, Lead does not, Secret lets nobody read it, Invoice uses record permissions.</summary>
public static class Shop
{
    public static readonly RoleId Sales = new(Guid.Parse("5a1e5000-0000-0000-0000-000000000001"));
    public static readonly RoleId SalesManagers = new(Guid.Parse("5a1e5000-0000-0000-0000-000000000002"));
    public static readonly UserId Ann = new(Guid.Parse("a0000000-0000-0000-0000-000000000001"));
    public static readonly UserId Bob = new(Guid.Parse("b0000000-0000-0000-0000-000000000002"));
    public static readonly UserId Eve = new(Guid.Parse("e0000000-0000-0000-0000-000000000003"));
    public static readonly UserId Carl = new(Guid.Parse("c0000000-0000-0000-0000-000000000004"));
    public static readonly SupportGrantId Grant = new(Guid.Parse("90000000-0000-0000-0000-000000000001"));
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Opportunities 1–6: 1 by Ann; 2 readable by Sales; 3 denied to Sales (a Deny row grants nothing); 4 editable
    /// by Sales; 5 owned by Carl; 6 by Eve.</summary>
    public static Guid Opportunity(int n) => Guid.Parse($"0990{n:D4}-0000-0000-0000-000000000000");

    public static Guid Invoice(int n) => Guid.Parse($"1220{n:D4}-0000-0000-0000-000000000000");

    public static AccessModel Model { get; } = BuildModel();

    public static AccessSnapshot Snapshot { get; } = AccessSnapshot.Compile(Model);

    public static AccessPrincipal Principal(UserId user) => Snapshot.GetPrincipal(user, Now);

    public static void Configure(ModelBuilder modelBuilder) =>
        modelBuilder
            .HasAccessObject<Opportunity>("Opportunity", o => o.CreatedById, o => o.OwnerId)
            .HasAccessObject<Invoice>("Invoice", i => i.CreatedById, i => i.OwnerId, i => i.SupportAccessGrantId);

    /// <summary>Creates the tables and stores the model's opportunities, invoices and rights.</summary>
    public static void Seed(ShopContext context)
    {
        context.Database.EnsureCreated();
        foreach (RecordDefinition record in Model.Records)
        {
            if (record.Object == "Opportunity")
            {
                context.Opportunities.Add(new() { Id = record.Id.Value, Name = $"Opportunity {record.Id}", CreatedById = record.Author?.Value, OwnerId = record.Owner?.Value });
            }
            else
            {
                context.Invoices.Add(new() { Id = record.Id.Value, CreatedById = record.Author!.Value.Value, OwnerId = record.Owner!.Value.Value, SupportAccessGrantId = record.CreatedInSupportGrant?.Value });
            }
        }

        context.Set<EntityRecordRight>().AddRange(Model.RecordRightRows.Select(EntityRecordRight.From));
        context.SaveChanges();
    }

    private static AccessModel BuildModel()
    {
        RecordId O(int n) => new(Opportunity(n));
        RecordId I(int n) => new(Invoice(n));
        return new AccessModelBuilder()
            .Add(new RoleDefinition(Sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new RoleDefinition(SalesManagers, "Managers of Sales", AdminUnitKind.Manager, Sales))
            .Add(new UserDefinition(Ann, "Ann")).Add(new RoleMembership(Ann, Sales))
            .Add(new UserDefinition(Bob, "Bob")).Add(new RoleMembership(Bob, SalesManagers))
            .Add(new UserDefinition(Eve, "Eve"))
            .Add(new UserDefinition(Carl, "Carl", AdminUnitKind.ExternalUser)).Add(new RoleMembership(Carl, BuiltInRoles.AllPortalUsers))
            .Add(new ObjectDefinition("Opportunity") { UseOperationPermissions = true, UseRecordPermissions = true, IsAvailableForPortal = true })
            .Add(new ObjectOperationRow("Opportunity", BuiltInRoles.AllPortalUsers, Position: 0, ObjectOperations.Read))
            .Add(new ObjectOperationRow("Opportunity", BuiltInRoles.AllEmployees, Position: 1, ObjectOperations.All))
            .Add(new ObjectDefinition("Lead"))
            .Add(new ObjectDefinition("Secret") { UseOperationPermissions = true })
            .Add(new ObjectDefinition("Invoice") { UseRecordPermissions = true })
            .Add(new RecordDefinition("Opportunity", O(1), Ann, Ann))
            .Add(new RecordDefinition("Opportunity", O(2)))
            .Add(new RecordRightRow("Opportunity", O(2), Sales, RecordOperation.Read, RecordRightLevel.Allow))
            .Add(new RecordDefinition("Opportunity", O(3)))
            .Add(new RecordRightRow("Opportunity", O(3), Sales, RecordOperation.Read, RecordRightLevel.Deny))
            .Add(new RecordDefinition("Opportunity", O(4)))
            .Add(new RecordRightRow("Opportunity", O(4), Sales, RecordOperation.Edit, RecordRightLevel.AllowAndGrant))
            .Add(new RecordDefinition("Opportunity", O(5), Eve, Carl))
            .Add(new RecordDefinition("Opportunity", O(6), Eve, Eve))
            .Add(new RecordDefinition("Invoice", I(1), Ann, Ann))
            .Add(new RecordDefinition("Invoice", I(2), Ann, Ann) { CreatedInSupportGrant = Grant })
            .Add(new SupportAccessGrant(Grant, "Ticket 1", new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12), Ann, Ann))
            .Build();
    }
}
