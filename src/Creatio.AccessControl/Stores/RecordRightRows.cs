namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IRecordRightStore"/> holds.</summary>
/// <param name="Records">The records.</param>
/// <param name="Rights">The record rights.</param>
public sealed record RecordRightRows(IReadOnlyList<RecordDefinition> Records, IReadOnlyList<RecordRightRow> Rights);
