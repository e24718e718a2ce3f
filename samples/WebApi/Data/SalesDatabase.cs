using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>The app's database: an in-memory SQLite database per app instance, created and seeded at start-up. It is the one
/// copy of the opportunities' records and rights: the access policy declares <c>Opportunity</c> as keeping its records in
/// the database, lists are filtered here (<c>WhereAccessible</c>), record checks read here (<c>RequireRecordAccess</c>), and
/// the administration API writes shares and new records here.</summary>
public sealed class SalesDatabase : IDisposable
{
    private static readonly Guid s_ann = Guid.Parse("00000000-0000-4000-8000-0000000a0001");
    private static readonly Guid s_bob = Guid.Parse("00000000-0000-4000-8000-0000000a0002");
    private static readonly Guid s_carol = Guid.Parse("00000000-0000-4000-8000-0000000a0003");
    private static readonly Guid s_sales = Guid.Parse("00000000-0000-4000-8000-0000000b0001");
    private static readonly Guid s_supportContract = Guid.Parse("00000000-0000-4000-8000-00000000c003");

    // This connection keeps the private in-memory database alive; each context opens its own.
    private readonly SqliteConnection _keepAlive = new($"Data Source=webapi-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");

    /// <summary>Creates the database and stores the opportunities with their authors, owners and record rights.</summary>
    public SalesDatabase()
    {
        _keepAlive.Open();
        using var db = new SalesDbContext(new DbContextOptionsBuilder<SalesDbContext>().UseSqlite(ConnectionString).Options);
        db.Database.EnsureCreated();
        db.ValidateAccessMapping();
        db.Opportunities.AddRange(
            new OpportunityRow { Id = Guid.Parse("00000000-0000-4000-8000-00000000c001"), Title = "Fleet renewal", Customer = "Northwind", Amount = 120_000m, Margin = 0.18m, CreatedById = s_bob, OwnerId = s_bob },
            new OpportunityRow { Id = Guid.Parse("00000000-0000-4000-8000-00000000c002"), Title = "Data center move", Customer = "Contoso", Amount = 480_000m, Margin = 0.31m, CreatedById = s_ann, OwnerId = s_ann },
            new OpportunityRow { Id = s_supportContract, Title = "Support contract", Customer = "Fabrikam", Amount = 36_000m, Margin = 0.52m, CreatedById = s_carol, OwnerId = s_carol });

        // Carol's support contract may be read by Sales: a row of Creatio's record rights table.
        db.Set<EntityRecordRight>().Add(EntityRecordRight.From(
            new RecordRightRow(OpportunityStore.ObjectName, new RecordId(s_supportContract), new AdminUnitId(s_sales), RecordOperation.Read, RecordRightLevel.Allow)));
        db.SaveChanges();
    }

    /// <summary>Gets the connection string of the database.</summary>
    public string ConnectionString => _keepAlive.ConnectionString;

    public void Dispose() => _keepAlive.Dispose();
}
