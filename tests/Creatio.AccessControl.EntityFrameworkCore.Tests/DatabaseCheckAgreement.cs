using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19 on a real database: objects that keep their records in the database, checked through
/// <see cref="EntityRecordRightReader"/>, answer as the in-memory path for the same data.</summary>
public static class DatabaseCheckAgreement
{
    public static async Task HoldsAsync(RecordDatabase database, RandomSupportModel random)
    {
        database.Load(random.Model);
        var reader = new DatabaseKeptRecords.CountingReader(new ContextPerObjectReader(database));
        await DatabaseKeptRecords.AgreeWithInMemoryChecksAsync(random, reader, name => [.. database.Stored(name).Select(id => new RecordId(id))]);
    }

    /// <summary>Reads through a context of the object's own model (the test database maps one object per model).</summary>
    private sealed class ContextPerObjectReader(RecordDatabase database) : IRecordRightReader
    {
        public async ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
        {
            await using RecordsContext context = database.Context(objectName);
            return await new EntityRecordRightReader(context).ReadRecordsAsync(objectName, operation, records, cancellationToken);
        }
    }
}
