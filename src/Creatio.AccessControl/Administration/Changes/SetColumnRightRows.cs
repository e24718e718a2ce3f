namespace Creatio.AccessControl;

/// <summary>Replaces every permission row of a column.</summary>
public sealed record SetColumnRightRows : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Column">The column.</param>
    /// <param name="Rows">The new rows; each must name the object and column.</param>
    public SetColumnRightRows(ObjectName Object, ColumnName Column, IReadOnlyList<ColumnRightRow> Rows)
    {
        this.Object = Object;
        this.Column = Column;
        this.Rows = Rows;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the column.</summary>
    public ColumnName Column { get; init; }

    /// <summary>Gets the new rows; each must name the object and column.</summary>
    public IReadOnlyList<ColumnRightRow> Rows { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.ColumnPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rows);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RequireObject(context, Object);
        foreach (ColumnRightRow row in Rows)
        {
            RequireSame(row.Object, Object);
            if (row.Column != Column)
            {
                ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"A row names column `{row.Column}`; every row must name `{Column}`.");
            }
        }

        return Delta(new ReplaceColumnRightRowsEdit(Object, Column, Rows));
    }
}
