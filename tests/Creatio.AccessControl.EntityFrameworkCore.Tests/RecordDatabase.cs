using Creatio.AccessControl.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>A database holding a model's records and record rights, queried through one context per object.</summary>
public abstract class RecordDatabase : IDisposable
{
    private readonly Dictionary<string, List<Guid>> _stored = [];

    /// <summary>Creates a context whose <see cref="TestRecord"/> holds the records of an object.</summary>
    public abstract RecordsContext Context(ObjectName objectName);

    /// <summary>Gets the ids of an object's records in the database.</summary>
    public IReadOnlyList<Guid> Stored(ObjectName objectName) => _stored.TryGetValue(objectName.Value, out List<Guid>? ids) ? ids : [];

    /// <summary>Replaces the database's records and rights by the model's (a record id kept by two objects is stored once,
    /// for the first).</summary>
    public void Load(AccessModel model)
    {
        _stored.Clear();
        using RecordsContext context = Context("Object0");
        context.Rights.ExecuteDelete();
        context.Records.ExecuteDelete();
        var ids = new HashSet<Guid>();
        foreach (RecordDefinition record in model.Records)
        {
            if (ids.Add(record.Id.Value))
            {
                context.Records.Add(TestRecord.From(record));
                (_stored.TryGetValue(record.Object.Value, out List<Guid>? stored) ? stored : _stored[record.Object.Value] = []).Add(record.Id.Value);
            }
        }

        context.Rights.AddRange(model.RecordRightRows.Select(EntityRecordRight.From));
        context.SaveChanges();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }
}
