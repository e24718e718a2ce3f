namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IPermissionStore"/> holds.</summary>
/// <param name="Objects">The objects.</param>
/// <param name="ObjectOperationRows">The object operation rows.</param>
/// <param name="ColumnRightRows">The column rows.</param>
/// <param name="DefaultRecordRightRules">The default record permission rules.</param>
public sealed record PermissionRows(
    IReadOnlyList<ObjectDefinition> Objects,
    IReadOnlyList<ObjectOperationRow> ObjectOperationRows,
    IReadOnlyList<ColumnRightRow> ColumnRightRows,
    IReadOnlyList<DefaultRecordRightRule> DefaultRecordRightRules);
