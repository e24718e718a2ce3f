using Creatio.AccessControl.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>A host keeping one object's records in a real database: its own rows inserted and deleted through a context,
/// the rights read and written by <see cref="EntityRecordRightReader"/> and <see cref="EntityRecordRightWriter"/> on a
/// context per call (the test database maps one object per model), lists by <c>WhereAccessible</c>.</summary>
public sealed class EfRecordHost(RecordDatabase database) : IRecordHost, IRecordRightReader, IRecordRightWriter
{
    public IRecordRightReader Reader => this;

    public IRecordRightWriter Writer => this;

    public async Task LoadAsync(AccessModel model, ObjectName objectName)
    {
        await using RecordsContext context = database.Context(objectName);
        await context.Rights.ExecuteDeleteAsync();
        await context.Records.ExecuteDeleteAsync();
        context.Records.AddRange(model.Records.Where(r => r.Object == objectName).Select(TestRecord.From));
        context.Rights.AddRange(model.RecordRightRows.Where(r => r.Object == objectName).Select(EntityRecordRight.From));
        await context.SaveChangesAsync();
    }

    public async Task InsertAsync(RecordDefinition record)
    {
        await using RecordsContext context = database.Context(record.Object);
        context.Records.Add(TestRecord.From(record));
        await context.SaveChangesAsync();
    }

    public async Task DeleteAsync(ObjectName objectName, RecordId record)
    {
        await using RecordsContext context = database.Context(objectName);
        await context.Records.Where(r => r.Id == record.Value).ExecuteDeleteAsync();
    }

    public async Task<IReadOnlyList<RecordId>> RecordsAsync(ObjectName objectName)
    {
        await using RecordsContext context = database.Context(objectName);
        return [.. (await context.Records.Select(r => r.Id).ToListAsync()).Select(id => new RecordId(id))];
    }

    public async Task<IReadOnlyList<RecordId>?> AccessibleAsync(AccessPrincipal principal, ObjectName objectName, RecordOperation operation)
    {
        await using RecordsContext context = database.Context(objectName);
        return [.. (await context.Records.WhereAccessible(principal, operation).Select(r => r.Id).ToListAsync()).Select(id => new RecordId(id))];
    }

    public async ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        await using RecordsContext context = database.Context(objectName);
        return await new EntityRecordRightReader(context).ReadRecordsAsync(objectName, operation, records, cancellationToken);
    }

    public async ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken)
    {
        await using RecordsContext context = database.Context(objectName);
        await new EntityRecordRightWriter(context).WriteAsync(objectName, edits, cancellationToken);
    }
}
