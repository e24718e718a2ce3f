namespace Creatio.AccessControl;

/// <summary>Adds a record, or replaces the record of the same object and id in place.</summary>
public sealed class PutRecordEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="record">The record.</param>
    public PutRecordEdit(RecordDefinition record)
    {
        ArgumentNullException.ThrowIfNull(record);
        Record = record;
    }

    /// <summary>Gets the record.</summary>
    public RecordDefinition Record { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        Put(builder.Records, Record, r => r.Object == Record.Object && r.Id == Record.Id);
        return null;
    }
}
