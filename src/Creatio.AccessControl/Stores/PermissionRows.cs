namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IPermissionStore"/> holds.</summary>
public sealed record PermissionRows
{
    /// <summary>Creates a set of rows.</summary>
    /// <param name="Objects">The objects.</param>
    /// <param name="ObjectOperationRows">The object operation rows.</param>
    /// <param name="ColumnRightRows">The column rows.</param>
    /// <param name="DefaultRecordRightRules">The default record permission rules.</param>
    public PermissionRows(
        IReadOnlyList<ObjectDefinition> Objects,
        IReadOnlyList<ObjectOperationRow> ObjectOperationRows,
        IReadOnlyList<ColumnRightRow> ColumnRightRows,
        IReadOnlyList<DefaultRecordRightRule> DefaultRecordRightRules)
    {
        this.Objects = Objects;
        this.ObjectOperationRows = ObjectOperationRows;
        this.ColumnRightRows = ColumnRightRows;
        this.DefaultRecordRightRules = DefaultRecordRightRules;
    }

    /// <summary>Gets the objects.</summary>
    public IReadOnlyList<ObjectDefinition> Objects { get; init; }

    /// <summary>Gets the object operation rows.</summary>
    public IReadOnlyList<ObjectOperationRow> ObjectOperationRows { get; init; }

    /// <summary>Gets the column rows.</summary>
    public IReadOnlyList<ColumnRightRow> ColumnRightRows { get; init; }

    /// <summary>Gets the default record permission rules.</summary>
    public IReadOnlyList<DefaultRecordRightRule> DefaultRecordRightRules { get; init; }
}
