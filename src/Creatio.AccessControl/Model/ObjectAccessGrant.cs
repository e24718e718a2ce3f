namespace Creatio.AccessControl;

/// <summary>Object operations that a system operation grants to the users allowed it (Creatio 8.2+).</summary>
public sealed record ObjectAccessGrant
{
    /// <summary>Creates a grant.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Operations">The operations granted, in addition to what the object's rows decide.</param>
    public ObjectAccessGrant(ObjectName Object, ObjectOperations Operations)
    {
        this.Object = Object;
        this.Operations = Operations;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the operations granted, in addition to what the object's rows decide.</summary>
    public ObjectOperations Operations { get; init; }
}
