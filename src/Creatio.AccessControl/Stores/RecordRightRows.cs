namespace Creatio.AccessControl.Stores;

/// <summary>The rows an <see cref="IRecordRightStore"/> holds.</summary>
public sealed record RecordRightRows
{
    /// <summary>Creates a set of rows.</summary>
    /// <param name="Records">The records.</param>
    /// <param name="Rights">The record rights.</param>
    public RecordRightRows(IReadOnlyList<RecordDefinition> Records, IReadOnlyList<RecordRightRow> Rights)
    {
        this.Records = Records;
        this.Rights = Rights;
    }

    /// <summary>Gets the records.</summary>
    public IReadOnlyList<RecordDefinition> Records { get; init; }

    /// <summary>Gets the record rights.</summary>
    public IReadOnlyList<RecordRightRow> Rights { get; init; }
}
