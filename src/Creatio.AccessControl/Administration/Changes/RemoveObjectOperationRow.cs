namespace Creatio.AccessControl;

/// <summary>Removes the operation row of an object at a position, moving the rows below it up by one; the object's rows
/// are renumbered from 0.</summary>
/// <remarks>The row-level form of <see cref="SetObjectOperationRows"/>: the same permission, audit event and edit (the
/// object's whole row list, renumbered), computed from the rows the object has when the change applies.</remarks>
public sealed record RemoveObjectOperationRow : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Position">The row's place in the object's rows ordered by position; 0 is the top.</param>
    public RemoveObjectOperationRow(ObjectName Object, int Position)
    {
        this.Object = Object;
        this.Position = Position;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the row's place in the object's rows ordered by position; 0 is the top.</summary>
    public int Position { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        List<ObjectOperationRow> rows = ObjectOperationRowList.Of(context, Object);
        ObjectOperationRowList.RequirePosition(Object, Position, rows.Count - 1, rows.Count, "a row position");
        context.Replaced([rows[Position]]);
        rows.RemoveAt(Position);
        return ObjectOperationRowList.Replace(Object, rows);
    }
}
