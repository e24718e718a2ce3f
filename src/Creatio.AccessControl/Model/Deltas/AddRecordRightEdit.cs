namespace Creatio.AccessControl;

/// <summary>Appends a record right row, keeping the rows already there for the same grantee and operation (default record
/// rules may write several); <see cref="PutRecordRightEdit"/> replaces them instead.</summary>
public sealed class AddRecordRightEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="right">The right.</param>
    public AddRecordRightEdit(RecordRightRow right)
    {
        ArgumentNullException.ThrowIfNull(right);
        Right = right;
    }

    /// <summary>Gets the right.</summary>
    public RecordRightRow Right { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        builder.RecordRightRows.Add(Right);
        return null;
    }
}
