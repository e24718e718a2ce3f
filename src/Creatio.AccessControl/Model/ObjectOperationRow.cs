namespace Creatio.AccessControl;

/// <summary>One row of an object's operation permissions (Creatio's <c>SysEntitySchemaOperationRight</c>).</summary>
/// <remarks>The first row by position whose grantee is among the user's effective roles decides the whole request:
/// a cleared flag on that row denies even when a lower row allows.</remarks>
public sealed record ObjectOperationRow
{
    /// <summary>Creates a row.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Grantee">The admin unit the row is for.</param>
    /// <param name="Position">The row's position; 0 is the top. Unique within one object.</param>
    /// <param name="Operations">The operations the row allows; the others it denies.</param>
    public ObjectOperationRow(ObjectName Object, AdminUnitId Grantee, int Position, ObjectOperations Operations)
    {
        this.Object = Object;
        this.Grantee = Grantee;
        this.Position = Position;
        this.Operations = Operations;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the admin unit the row is for.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the row's position; 0 is the top. Unique within one object.</summary>
    public int Position { get; init; }

    /// <summary>Gets the operations the row allows; the others it denies.</summary>
    public ObjectOperations Operations { get; init; }
}
