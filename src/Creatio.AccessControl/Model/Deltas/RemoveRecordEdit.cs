namespace Creatio.AccessControl;

/// <summary>Removes a record; it must be present. Its record rights are removed by edits of their own.</summary>
public sealed class RemoveRecordEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="object">The object.</param>
    /// <param name="record">The record.</param>
    public RemoveRecordEdit(ObjectName @object, RecordId record)
    {
        Object = @object;
        Record = record;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.Records, r => r.Object == Object && r.Id == Record) > 0 ? null : $"record `{Record}` of `{Object}` does not exist";
    }
}
