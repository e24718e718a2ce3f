namespace Creatio.AccessControl;

/// <summary>A default record permission rule (Creatio's <c>SysEntitySchemaRecordDefRight</c>): rights written for
/// every new record whose creator's effective roles contain <paramref name="Author"/>.</summary>
/// <param name="Object">The object.</param>
/// <param name="Author">The admin unit the creator must have among their effective roles.</param>
/// <param name="Grantee">The unit that receives the right, or <see langword="null"/> for the author's portal organization.</param>
/// <param name="Operation">The operation.</param>
/// <param name="Level">The level written.</param>
public sealed record DefaultRecordRightRule(
    ObjectName Object,
    AdminUnitId Author,
    AdminUnitId? Grantee,
    RecordOperation Operation,
    RecordRightLevel Level);
