namespace Creatio.AccessControl.Tests.Support;

/// <summary>Where a host keeps the records of one object that keeps them in the database, with the reader and writer the
/// administration uses: the host inserts and deletes its own rows, the administration writes the rights.</summary>
public interface IRecordHost
{
    /// <summary>Gets the reader of the records.</summary>
    IRecordRightReader Reader { get; }

    /// <summary>Gets the writer the administration writes through.</summary>
    IRecordRightWriter Writer { get; }

    /// <summary>Replaces every record and right by those of <paramref name="model"/> of <paramref name="objectName"/>.</summary>
    Task LoadAsync(AccessModel model, ObjectName objectName);

    /// <summary>Inserts the host's row of a record (what a host does before <see cref="CreateRecord"/>).</summary>
    Task InsertAsync(RecordDefinition record);

    /// <summary>Deletes the host's row of a record (what a host does after <see cref="DeleteRecord"/>, or when it rolls back
    /// a refused creation).</summary>
    Task DeleteAsync(ObjectName objectName, RecordId record);

    /// <summary>The ids of the records held.</summary>
    Task<IReadOnlyList<RecordId>> RecordsAsync(ObjectName objectName);

    /// <summary>The records a principal may perform an operation on, by the host's list query; <see langword="null"/> when the
    /// host has none (it is then not compared).</summary>
    Task<IReadOnlyList<RecordId>?> AccessibleAsync(AccessPrincipal principal, ObjectName objectName, RecordOperation operation);
}

/// <summary>A host keeping its records in lists, atomically written: the plain twin of a database.</summary>
public sealed class InMemoryRecordHost : IRecordHost, IRecordRightReader, IRecordRightWriter
{
    private readonly object _gate = new();
    private Dictionary<RecordId, RecordDefinition> _records = [];
    private List<RecordRightRow> _rights = [];

    /// <summary>Gets or sets the number of edits after which the next write fails (to test that nothing of it lands);
    /// <see langword="null"/> never fails.</summary>
    public int? FailAfter { get; set; }

    /// <summary>Gets the number of writes so far.</summary>
    public int Writes { get; private set; }

    public IRecordRightReader Reader => this;

    public IRecordRightWriter Writer => this;

    /// <summary>Gets the rights held.</summary>
    public IReadOnlyList<RecordRightRow> Rights
    {
        get
        {
            lock (_gate)
            {
                return [.. _rights];
            }
        }
    }

    /// <summary>Gets a record held, or <see langword="null"/>.</summary>
    public RecordDefinition? Record(RecordId id)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault(id);
        }
    }

    public Task LoadAsync(AccessModel model, ObjectName objectName)
    {
        lock (_gate)
        {
            _records = model.Records.Where(r => r.Object == objectName).ToDictionary(r => r.Id);
            _rights = [.. model.RecordRightRows.Where(r => r.Object == objectName)];
        }

        return Task.CompletedTask;
    }

    public Task InsertAsync(RecordDefinition record)
    {
        lock (_gate)
        {
            _records.Add(record.Id, record);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(ObjectName objectName, RecordId record)
    {
        lock (_gate)
        {
            _records.Remove(record);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<RecordId>> RecordsAsync(ObjectName objectName)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<RecordId>>([.. _records.Keys]);
        }
    }

    public Task<IReadOnlyList<RecordId>?> AccessibleAsync(AccessPrincipal principal, ObjectName objectName, RecordOperation operation) =>
        Task.FromResult<IReadOnlyList<RecordId>?>(null);

    public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredRecord> found =
            [
                .. records.Distinct().Where(_records.ContainsKey).Select(id => _records[id]).Where(r => r.Object == objectName)
                    .Select(r => new StoredRecord(r, [.. _rights.Where(x => x.Record == r.Id && x.Operation == operation)])),
            ];
            return ValueTask.FromResult(found);
        }
    }

    /// <summary>Applies the edits to copies and swaps them in: all or nothing, as a transaction.</summary>
    public ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Writes++;
            var records = new Dictionary<RecordId, RecordDefinition>(_records);
            var rights = new List<RecordRightRow>(_rights);
            for (int i = 0; i < edits.Count; i++)
            {
                if (i == FailAfter)
                {
                    throw new InvalidOperationException($"The test store fails after {i} edit(s).");
                }

                Apply(objectName, edits[i], records, rights);
            }

            _records = records;
            _rights = rights;
        }

        return ValueTask.CompletedTask;
    }

    private static void Apply(ObjectName objectName, AccessModelEdit edit, Dictionary<RecordId, RecordDefinition> records, List<RecordRightRow> rights)
    {
        switch (edit)
        {
            case PutRecordRightEdit put when put.Right.Object == objectName:
                rights.RemoveAll(r => r.Record == put.Right.Record && r.Grantee == put.Right.Grantee && r.Operation == put.Right.Operation);
                rights.Add(put.Right);
                break;
            case AddRecordRightEdit add when add.Right.Object == objectName:
                rights.Add(add.Right);
                break;
            case RemoveRecordRightEdit remove when remove.Object == objectName:
                if (rights.RemoveAll(r => r.Record == remove.Record && r.Grantee == remove.Grantee && r.Operation == remove.Operation && (remove.Source is null || r.Source == remove.Source)) == 0)
                {
                    throw new InvalidOperationException($"The right of `{remove.Grantee}` to {remove.Operation} record `{remove.Record}` is not there.");
                }

                break;
            case PutRecordEdit put when put.Record.Object == objectName:
                if (!records.ContainsKey(put.Record.Id))
                {
                    throw new InvalidOperationException($"Record `{put.Record.Id}` has no row.");
                }

                records[put.Record.Id] = put.Record;
                break;
            case RemoveRecordEdit remove when remove.Object == objectName:
                rights.RemoveAll(r => r.Record == remove.Record);
                break;
            default:
                throw new ArgumentException($"The edit {edit.GetType().Name} is not a record edit of `{objectName}`.", nameof(edit));
        }
    }
}
