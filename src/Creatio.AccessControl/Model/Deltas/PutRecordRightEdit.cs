namespace Creatio.AccessControl;

/// <summary>Puts a record right: removes the grantee's rights for the same operation on the record and appends this one.</summary>
public sealed class PutRecordRightEdit : AccessModelEdit
{
    /// <summary>Creates the edit.</summary>
    /// <param name="right">The right.</param>
    public PutRecordRightEdit(RecordRightRow right)
    {
        ArgumentNullException.ThrowIfNull(right);
        Right = right;
    }

    /// <summary>Gets the right.</summary>
    public RecordRightRow Right { get; init; }

    internal override string? ApplyTo(AccessModelBuilder builder)
    {
        RemoveAll(builder.RecordRightRows, r => r.Object == Right.Object && r.Record == Right.Record && r.Grantee == Right.Grantee && r.Operation == Right.Operation);
        builder.RecordRightRows.Add(Right);
        return null;
    }
}
