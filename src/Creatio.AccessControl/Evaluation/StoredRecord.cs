namespace Creatio.AccessControl;

/// <summary>A record read from where a host keeps it, with its right rows for one operation
/// (what an <see cref="IRecordRightReader"/> returns).</summary>
public sealed record StoredRecord
{
    /// <summary>Creates a record read from a store.</summary>
    /// <param name="Record">The record: its object, id, author, owner and support grant.</param>
    /// <param name="Rights">Its right rows (rows of other records are ignored).</param>
    public StoredRecord(RecordDefinition Record, IReadOnlyList<RecordRightRow> Rights)
    {
        this.Record = Record;
        this.Rights = Rights;
    }

    /// <summary>Gets the record: its object, id, author, owner and support grant.</summary>
    public RecordDefinition Record { get; init; }

    /// <summary>Gets its right rows (rows of other records are ignored).</summary>
    public IReadOnlyList<RecordRightRow> Rights { get; init; }
}
