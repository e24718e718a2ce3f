namespace Creatio.AccessControl;

/// <summary>Removes a grantee's rights for an operation on a record; at least one must be present.</summary>
public sealed class RemoveRecordRightEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="object">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="grantee">The grantee.</param>
    /// <param name="operation">The operation.</param>
    public RemoveRecordRightEdit(ObjectName @object, RecordId record, AdminUnitId grantee, RecordOperation operation)
    {
        Object = @object;
        Record = record;
        Grantee = grantee;
        Operation = operation;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    /// <summary>Gets the grantee.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation { get; init; }

    /// <summary>Gets the source of the rows removed; <see langword="null"/> (the default) removes the rows of every
    /// source. Update record permissions removes only <see cref="RecordRightSource.Default"/> rows.</summary>
    public RecordRightSource? Source { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        return RemoveAll(builder.RecordRightRows, r => r.Object == Object && r.Record == Record && r.Grantee == Grantee && r.Operation == Operation && (Source is null || r.Source == Source)) > 0
            ? null
            : $"right of `{Grantee}` to {Operation} record `{Record}` of `{Object}` does not exist";
    }
}
