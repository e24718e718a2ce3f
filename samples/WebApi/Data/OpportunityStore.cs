using Creatio.AccessControl;
using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace WebApi.Data;

/// <summary>The app's own data: opportunities in an in-memory SQLite database, keyed like the records of the access policy,
/// with the policy's record rights beside them so that lists are filtered by the database.</summary>
public sealed class OpportunityStore : IDisposable
{
    /// <summary>The object the opportunities are records of, in the access policy.</summary>
    public static readonly ObjectName ObjectName = new("Opportunity");

    private static readonly Opportunity[] s_seed =
    [
        new(Guid.Parse("00000000-0000-4000-8000-00000000c001"), "Fleet renewal", "Northwind", 120_000m, 0.18m),
        new(Guid.Parse("00000000-0000-4000-8000-00000000c002"), "Data center move", "Contoso", 480_000m, 0.31m),
        new(Guid.Parse("00000000-0000-4000-8000-00000000c003"), "Support contract", "Fabrikam", 36_000m, 0.52m),
    ];

    // A private in-memory database per app instance; this connection keeps it alive, each context opens its own.
    private readonly SqliteConnection _keepAlive = new($"Data Source=webapi-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly DbContextOptions<SalesDbContext> _options;

    /// <summary>Creates the database and stores the opportunities, with the authors, owners and record rights of the access
    /// policy the app started with.</summary>
    public OpportunityStore(IAccessEvaluator evaluator)
    {
        _keepAlive.Open();
        _options = new DbContextOptionsBuilder<SalesDbContext>().UseSqlite(_keepAlive.ConnectionString).Options;
        AccessModel model = evaluator.Snapshot.Model;
        using SalesDbContext db = Open();
        db.Database.EnsureCreated();
        db.ValidateAccessMapping();
        foreach (Opportunity o in s_seed)
        {
            RecordDefinition? record = model.Records.FirstOrDefault(r => r.Object == ObjectName && r.Id.Value == o.Id);
            db.Opportunities.Add(new OpportunityRow
            {
                Id = o.Id, Title = o.Title, Customer = o.Customer, Amount = o.Amount, Margin = o.Margin,
                CreatedById = record?.Author?.Value, OwnerId = record?.Owner?.Value,
            });
        }

        db.Set<EntityRecordRight>().AddRange(model.RecordRightRows.Where(r => r.Object == ObjectName).Select(EntityRecordRight.From));
        db.SaveChanges();
    }

    /// <summary>Gets the ids of every opportunity, in a stable order.</summary>
    public IEnumerable<RecordId> Ids
    {
        get
        {
            using SalesDbContext db = Open();
            return [.. db.Opportunities.Select(o => o.Id).ToList().Order().Select(id => new RecordId(id))];
        }
    }

    /// <summary>Returns the opportunities a user may perform an operation on, by title: one query, filtered by the database.</summary>
    public async Task<IReadOnlyList<Opportunity>> ListAsync(AccessPrincipal principal, RecordOperation operation, CancellationToken cancellationToken)
    {
        await using SalesDbContext db = Open();
        List<OpportunityRow> rows = await db.Opportunities.AsNoTracking()
            .WhereAccessible(principal, operation)
            .OrderBy(o => o.Title)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(o => o.ToOpportunity())];
    }

    /// <summary>Returns the opportunities of the ids given, in their order.</summary>
    public IEnumerable<Opportunity> Get(IEnumerable<RecordId> ids)
    {
        using SalesDbContext db = Open();
        Guid[] wanted = [.. ids.Select(id => id.Value)];
        Dictionary<Guid, Opportunity> found = db.Opportunities.AsNoTracking().Where(o => wanted.Contains(o.Id)).AsEnumerable().ToDictionary(o => o.Id, o => o.ToOpportunity());
        return [.. wanted.Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Returns an opportunity, or <see langword="null"/>.</summary>
    public Opportunity? Find(RecordId id)
    {
        using SalesDbContext db = Open();
        return db.Opportunities.AsNoTracking().FirstOrDefault(o => o.Id == id.Value)?.ToOpportunity();
    }

    /// <summary>Applies an edit and returns the names of the columns it changed.</summary>
    public IReadOnlyList<ColumnName> Update(RecordId id, OpportunityEdit edit)
    {
        using SalesDbContext db = Open();
        OpportunityRow row = db.Opportunities.Find(id.Value) ?? throw new KeyNotFoundException($"No opportunity `{id}`.");
        var changed = new List<ColumnName>();
        if (edit.Title is { } title) { changed.Add("Title"); row.Title = title; }
        if (edit.Amount is { } amount) { changed.Add("Amount"); row.Amount = amount; }
        if (edit.Margin is { } margin) { changed.Add("Margin"); row.Margin = margin; }
        db.SaveChanges();
        return changed;
    }

    /// <summary>Stores a record right the administration API applied, so that lists see it as checks do.</summary>
    public void AddRight(RecordRightRow right)
    {
        using SalesDbContext db = Open();
        db.Set<EntityRecordRight>().Add(EntityRecordRight.From(right));
        db.SaveChanges();
    }

    public void Dispose() => _keepAlive.Dispose();

    private SalesDbContext Open() => new(_options);
}
