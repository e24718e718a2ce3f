namespace Creatio.AccessControl;

/// <summary>Inserts one operation row of an object at a position, moving the rows from there down by one; the object's
/// rows are renumbered from 0.</summary>
/// <remarks>The row-level form of <see cref="SetObjectOperationRows"/>: the same permission, audit event and edit (the
/// object's whole row list, renumbered), computed from the rows the object has when the change applies.</remarks>
public sealed record InsertObjectOperationRow : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Position">Where the row goes: 0 is the top, the object's row count is after the last row.</param>
    /// <param name="Grantee">The admin unit the row is for.</param>
    /// <param name="Operations">The operations the row allows; the others it denies.</param>
    public InsertObjectOperationRow(ObjectName Object, int Position, AdminUnitId Grantee, ObjectOperations Operations)
    {
        this.Object = Object;
        this.Position = Position;
        this.Grantee = Grantee;
        this.Operations = Operations;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets where the row goes: 0 is the top, the object's row count is after the last row.</summary>
    public int Position { get; init; }

    /// <summary>Gets the admin unit the row is for.</summary>
    public AdminUnitId Grantee { get; init; }

    /// <summary>Gets the operations the row allows; the others it denies.</summary>
    public ObjectOperations Operations { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        List<ObjectOperationRow> rows = ObjectOperationRowList.Of(context, Object);
        ObjectOperationRowList.RequirePosition(Object, Position, rows.Count, rows.Count, "an insert position");
        rows.Insert(Position, new ObjectOperationRow(Object, Grantee, Position, Operations));
        return ObjectOperationRowList.Replace(Object, rows);
    }
}
