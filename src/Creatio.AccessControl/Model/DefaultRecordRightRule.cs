namespace Creatio.AccessControl;

/// <summary>A default record permission rule (Creatio's <c>SysEntitySchemaRecordDefRight</c>): rights written for
/// every new record whose creator's effective roles contain <see cref="Author"/>.</summary>
public sealed record DefaultRecordRightRule
{
    /// <summary>Creates a rule.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Author">The admin unit the creator must have among their effective roles.</param>
    /// <param name="Grantee">The unit that receives the right, or <see langword="null"/> for the author's portal organization.</param>
    /// <param name="Operation">The operation.</param>
    /// <param name="Level">The level written.</param>
    public DefaultRecordRightRule(
        ObjectName Object,
        AdminUnitId Author,
        AdminUnitId? Grantee,
        RecordOperation Operation,
        RecordRightLevel Level)
    {
        this.Object = Object;
        this.Author = Author;
        this.Grantee = Grantee;
        this.Operation = Operation;
        this.Level = Level;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the admin unit the creator must have among their effective roles.</summary>
    public AdminUnitId Author { get; init; }

    /// <summary>Gets the unit that receives the right, or <see langword="null"/> for the author's portal organization.</summary>
    public AdminUnitId? Grantee { get; init; }

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation { get; init; }

    /// <summary>Gets the level written.</summary>
    public RecordRightLevel Level { get; init; }
}
