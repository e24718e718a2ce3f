namespace Creatio.AccessControl;

/// <summary>Object operations that a system operation grants to the users allowed it (Creatio 8.2+).</summary>
/// <param name="Object">The object.</param>
/// <param name="Operations">The operations granted, in addition to what the object's rows decide.</param>
public sealed record ObjectAccessGrant(ObjectName Object, ObjectOperations Operations);
