namespace Creatio.AccessControl;

/// <summary>One change a host performed in a support session.</summary>
/// <param name="At">When.</param>
/// <param name="Object">The object changed.</param>
/// <param name="Record">The record changed, if one was.</param>
/// <param name="Operation">What was done (for example <c>Create</c>, <c>Edit</c>, <c>Delete</c>, or a system operation code).</param>
/// <param name="ChangedColumns">The columns changed.</param>
public sealed record SupportSessionChange(
    DateTimeOffset At,
    ObjectName Object,
    RecordId? Record,
    string Operation,
    IReadOnlyList<ColumnName> ChangedColumns);
