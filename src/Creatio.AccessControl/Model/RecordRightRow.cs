namespace Creatio.AccessControl;

/// <summary>One record right (Creatio's <c>SysXxxRight</c> rows).</summary>
public sealed record RecordRightRow
{
    /// <summary>Creates a record right.</summary>
    /// <param name="Object">The object the record belongs to.</param>
    /// <param name="Record">The record.</param>
    /// <param name="Grantee">The admin unit the right is for.</param>
    /// <param name="Operation">The operation the right is about.</param>
    /// <param name="Level">The level; rights are additive and unordered, and <see cref="RecordRightLevel.Deny"/> grants nothing.</param>
    /// <param name="Source">Where the row came from.</param>
    public RecordRightRow(
        ObjectName Object,
        RecordId Record,
        AdminUnitId Grantee,
        RecordOperation Operation,
        RecordRightLevel Level,
        RecordRightSource Source = RecordRightSource.Manual)
    {
        this.Object = Object;
        this.Record = Record;
        this.Grantee = Grantee;
        this.Operation = Operation;
        this.Level = Level;
        this.Source = Source;
    }

    /// <summary>Gets the object the record belongs to.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the record.</summary>
    public RecordId Record { get; init; }

    /// <summary>Gets the admin unit the right is for.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the operation the right is about.</summary>
    public RecordOperation Operation { get; init; }

    /// <summary>Gets the level; rights are additive and unordered, and <see cref="RecordRightLevel.Deny"/> grants nothing.</summary>
    public RecordRightLevel Level { get; init; }

    /// <summary>Gets where the row came from.</summary>
    public RecordRightSource Source { get; init; }
}
