namespace Creatio.AccessControl;

/// <summary>The records a batch names, with their rights for every operation, read from the database once before the batch
/// is authorized; the batch's database checks read them here, so that they all see the same state.</summary>
internal sealed class StoredRecordRights : IRecordRightReader
{
    private static readonly RecordOperation[] s_operations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];

    private readonly Dictionary<RecordId, StoredRecord> _records;

    private StoredRecordRights(Dictionary<RecordId, StoredRecord> records) => _records = records;

    /// <summary>Reads records of an object with their rights for every operation (one read per operation); a reader's extra
    /// or foreign rows are ignored, never trusted.</summary>
    /// <exception cref="InvalidOperationException">The reader returned <see langword="null"/> instead of a list.</exception>
    public static async ValueTask<StoredRecordRights> ReadAsync(IRecordRightReader reader, ObjectName objectName, RecordId[] records, CancellationToken cancellationToken)
    {
        var found = new Dictionary<RecordId, (RecordDefinition Record, List<RecordRightRow> Rights)>();
        if (records.Length > 0)
        {
            var asked = new HashSet<RecordId>(records);
            foreach (RecordOperation operation in s_operations)
            {
                IReadOnlyList<StoredRecord> stored = await reader.ReadRecordsAsync(objectName, operation, records, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"The record reader returned no list for {records.Length} record(s) of `{objectName}`.");
                foreach (StoredRecord record in stored)
                {
                    if (record?.Record is not { } definition || definition.Object != objectName || !asked.Contains(definition.Id) || record.Rights is null)
                    {
                        continue;
                    }

                    if (!found.TryGetValue(definition.Id, out (RecordDefinition Record, List<RecordRightRow> Rights) entry))
                    {
                        entry = (definition, []);
                        found.Add(definition.Id, entry);
                    }

                    entry.Rights.AddRange(record.Rights.Where(r => r is not null && r.Object == objectName && r.Record == definition.Id && r.Operation == operation));
                }
            }
        }

        return new StoredRecordRights(found.ToDictionary(p => p.Key, p => new StoredRecord(p.Value.Record, p.Value.Rights)));
    }

    /// <summary>The same records but <paramref name="left"/>.</summary>
    public StoredRecordRights Without(HashSet<RecordId> left) =>
        left.Count == 0 ? this : new(_records.Where(p => !left.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value));

    public bool TryGet(RecordId record, out StoredRecord? found) => _records.TryGetValue(record, out found);

    /// <summary>The records and their rights, as a model builder's lists the batch's changes read and edit.</summary>
    public AccessModelBuilder ToBuilder()
    {
        var builder = new AccessModelBuilder();
        foreach (StoredRecord record in _records.Values)
        {
            builder.Records.Add(record.Record);
            foreach (RecordRightRow right in record.Rights)
            {
                builder.RecordRightRows.Add(right);
            }
        }

        return builder;
    }

    public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        var found = new List<StoredRecord>();
        foreach (RecordId id in records.Distinct())
        {
            if (_records.TryGetValue(id, out StoredRecord? record) && record.Record.Object == objectName)
            {
                found.Add(new StoredRecord(record.Record, [.. record.Rights.Where(r => r.Operation == operation)]));
            }
        }

        return new(found);
    }
}
