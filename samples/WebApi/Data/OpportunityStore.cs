using System.Collections.Concurrent;
using Creatio.AccessControl;

namespace WebApi.Data;

/// <summary>The app's own data: opportunities in memory, keyed like the records of the access policy.</summary>
public sealed class OpportunityStore
{
    /// <summary>The object the opportunities are records of, in the access policy.</summary>
    public static readonly ObjectName ObjectName = new("Opportunity");

    private readonly ConcurrentDictionary<RecordId, Opportunity> _opportunities = new(
        new Opportunity[]
        {
            new(Guid.Parse("00000000-0000-4000-8000-00000000c001"), "Fleet renewal", "Northwind", 120_000m, 0.18m),
            new(Guid.Parse("00000000-0000-4000-8000-00000000c002"), "Data center move", "Contoso", 480_000m, 0.31m),
            new(Guid.Parse("00000000-0000-4000-8000-00000000c003"), "Support contract", "Fabrikam", 36_000m, 0.52m),
        }.ToDictionary(o => new RecordId(o.Id)));

    /// <summary>Gets the ids of every opportunity, in a stable order.</summary>
    public IEnumerable<RecordId> Ids => _opportunities.Keys.OrderBy(id => id.Value);

    /// <summary>Returns the opportunities of the ids given, in their order.</summary>
    public IEnumerable<Opportunity> Get(IEnumerable<RecordId> ids) =>
        ids.Select(id => _opportunities.TryGetValue(id, out Opportunity? o) ? o : null).OfType<Opportunity>();

    /// <summary>Returns an opportunity, or <see langword="null"/>.</summary>
    public Opportunity? Find(RecordId id) => _opportunities.GetValueOrDefault(id);

    /// <summary>Applies an edit and returns the names of the columns it changed.</summary>
    public IReadOnlyList<ColumnName> Update(RecordId id, OpportunityEdit edit)
    {
        var changed = new List<ColumnName>();
        _opportunities.AddOrUpdate(
            id,
            _ => throw new KeyNotFoundException($"No opportunity `{id}`."),
            (_, o) =>
            {
                changed.Clear();
                if (edit.Title is { } title) { changed.Add("Title"); o = o with { Title = title }; }
                if (edit.Amount is { } amount) { changed.Add("Amount"); o = o with { Amount = amount }; }
                if (edit.Margin is { } margin) { changed.Add("Margin"); o = o with { Margin = margin }; }
                return o;
            });
        return changed;
    }
}
