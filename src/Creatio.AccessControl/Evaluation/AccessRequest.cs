namespace Creatio.AccessControl;

/// <summary>One question to the engine, as a value: for <see cref="AccessPrincipal.Check(in AccessRequest)"/>,
/// <see cref="AccessPrincipal.Explain(in AccessRequest)"/> and test files.</summary>
/// <remarks>Create one with the static factory methods. This type is immutable.</remarks>
public readonly record struct AccessRequest
{
    private AccessRequest(AccessRequestKind kind, ObjectName objectName, RecordId? record, ColumnName column, int operation, SystemOperationCode systemOperation)
    {
        Kind = kind;
        Object = objectName;
        Record = record;
        Column = column;
        Operation = operation;
        SystemOperation = systemOperation;
    }

    /// <summary>Gets what the request asks.</summary>
    public AccessRequestKind Kind { get; }

    /// <summary>Gets the object; <see langword="default"/> for a system operation request.</summary>
    public ObjectName Object { get; }

    /// <summary>Gets the record, when the request names one.</summary>
    public RecordId? Record { get; }

    /// <summary>Gets the column of a column request.</summary>
    public ColumnName Column { get; }

    /// <summary>Gets the system operation of a system operation request.</summary>
    public SystemOperationCode SystemOperation { get; }

    /// <summary>Gets the object operation of an object request.</summary>
    public ObjectOperation ObjectOperation => (ObjectOperation)Operation;

    /// <summary>Gets the record operation of a record or share request.</summary>
    public RecordOperation RecordOperation => (RecordOperation)Operation;

    /// <summary>Gets the column operation of a column request.</summary>
    public ColumnOperation ColumnOperation => (ColumnOperation)Operation;

    private int Operation { get; }

    /// <summary>Asks for an object operation.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ForObject(ObjectName objectName, ObjectOperation operation) =>
        new(AccessRequestKind.Object, objectName, null, default, (int)operation, default);

    /// <summary>Asks for an operation on a record.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ForRecord(ObjectName objectName, RecordId record, RecordOperation operation) =>
        new(AccessRequestKind.Record, objectName, record, default, (int)operation, default);

    /// <summary>Asks for an operation on a column, optionally of one record.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="column">The column.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="record">The record, or <see langword="null"/> for the column of the object as a whole.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ForColumn(ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record = null) =>
        new(AccessRequestKind.Column, objectName, record, column, (int)operation, default);

    /// <summary>Asks for a system operation.</summary>
    /// <param name="operation">The operation's code.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ForSystemOperation(SystemOperationCode operation) =>
        new(AccessRequestKind.SystemOperation, default, null, default, 0, operation);

    /// <summary>Asks whether the user may share an operation on a record.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation to share.</param>
    /// <returns>The request.</returns>
    public static AccessRequest ForShare(ObjectName objectName, RecordId record, RecordOperation operation) =>
        new(AccessRequestKind.Share, objectName, record, default, (int)operation, default);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        AccessRequestKind.Object => $"{ObjectOperation} {Object}",
        AccessRequestKind.Record => $"{RecordOperation} {Object} record {Record}",
        AccessRequestKind.Column => Record is { } record ? $"{ColumnOperation} {Object}.{Column} of record {record}" : $"{ColumnOperation} {Object}.{Column}",
        AccessRequestKind.SystemOperation => $"Execute {SystemOperation}",
        AccessRequestKind.Share => $"Share {RecordOperation} on {Object} record {Record}",
        _ => Kind.ToString(),
    };
}
