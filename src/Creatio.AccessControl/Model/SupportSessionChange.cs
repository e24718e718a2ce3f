namespace Creatio.AccessControl;

/// <summary>One change a host performed in a support session.</summary>
public sealed record SupportSessionChange
{
    /// <summary>Creates a change.</summary>
    /// <param name="At">When.</param>
    /// <param name="Object">The object changed.</param>
    /// <param name="Record">The record changed, if one was.</param>
    /// <param name="Operation">What was done (for example <c>Create</c>, <c>Edit</c>, <c>Delete</c>, or a system operation code).</param>
    /// <param name="ChangedColumns">The columns changed.</param>
    public SupportSessionChange(
        DateTimeOffset At,
        ObjectName Object,
        RecordId? Record,
        string Operation,
        IReadOnlyList<ColumnName> ChangedColumns)
    {
        this.At = At;
        this.Object = Object;
        this.Record = Record;
        this.Operation = Operation;
        this.ChangedColumns = ChangedColumns;
    }

    /// <summary>Gets when.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Gets the object changed.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record changed, if one was.</summary>
    public RecordId? Record { get; init; }

    /// <summary>Gets what was done (for example <c>Create</c>, <c>Edit</c>, <c>Delete</c>, or a system operation code).</summary>
    public string Operation { get; init; }

    /// <summary>Gets the columns changed.</summary>
    public IReadOnlyList<ColumnName> ChangedColumns { get; init; }
}
