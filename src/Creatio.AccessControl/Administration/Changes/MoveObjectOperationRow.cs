namespace Creatio.AccessControl;

/// <summary>Moves the operation row of an object at one position to another, shifting the rows between; the object's
/// rows are renumbered from 0.</summary>
/// <remarks>The row-level form of <see cref="SetObjectOperationRows"/>: the same permission, audit event and edit (the
/// object's whole row list, renumbered), computed from the rows the object has when the change applies. Since the first
/// matching row decides, moving a row up gives it precedence over the rows it passes.</remarks>
public sealed record MoveObjectOperationRow : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="From">The row's place in the object's rows ordered by position; 0 is the top.</param>
    /// <param name="To">The row's place after the move; 0 is the top.</param>
    public MoveObjectOperationRow(ObjectName Object, int From, int To)
    {
        this.Object = Object;
        this.From = From;
        this.To = To;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the row's place in the object's rows ordered by position; 0 is the top.</summary>
    public int From { get; init; }

    /// <summary>Gets the row's place after the move; 0 is the top.</summary>
    public int To { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        List<ObjectOperationRow> rows = ObjectOperationRowList.Of(context, Object);
        ObjectOperationRowList.RequirePosition(Object, From, rows.Count - 1, rows.Count, "a row position");
        ObjectOperationRowList.RequirePosition(Object, To, rows.Count - 1, rows.Count, "a row position");
        ObjectOperationRow row = rows[From];
        rows.RemoveAt(From);
        rows.Insert(To, row);
        return ObjectOperationRowList.Replace(Object, rows);
    }
}
