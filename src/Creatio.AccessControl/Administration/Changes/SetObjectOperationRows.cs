namespace Creatio.AccessControl;

/// <summary>Replaces every operation row of an object.</summary>
public sealed record SetObjectOperationRows : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Rows">The new rows; each must name the object.</param>
    public SetObjectOperationRows(ObjectName Object, IReadOnlyList<ObjectOperationRow> Rows)
    {
        this.Object = Object;
        this.Rows = Rows;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the new rows; each must name the object.</summary>
    public IReadOnlyList<ObjectOperationRow> Rows { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ObjectOperationPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rows);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RequireObject(context, Object);
        foreach (ObjectOperationRow row in Rows)
        {
            RequireSame(row.Object, Object);
        }

        return Delta(new ReplaceObjectOperationRowsEdit(Object, Rows));
    }
}
