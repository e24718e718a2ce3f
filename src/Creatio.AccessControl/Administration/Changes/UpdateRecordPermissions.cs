namespace Creatio.AccessControl;

/// <summary>Runs Update record permissions: deletes the Default rights of every record of the object and writes them again from the current rules; Manual rights stay.</summary>
public sealed record UpdateRecordPermissions : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    public UpdateRecordPermissions(ObjectName Object)
    {
        this.Object = Object;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override ObjectName? RecordObject => Object;

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RequireObject(context, Object);
        var edits = new List<AccessModelEdit>();
        foreach (RecordRightRow row in context.RecordRightRows.Where(r => r.Object == Object && r.Source == RecordRightSource.Default).DistinctBy(r => (r.Record, r.Grantee, r.Operation)))
        {
            edits.Add(new RemoveRecordRightEdit(Object, row.Record, row.Grantee, row.Operation) { Source = RecordRightSource.Default });
        }

        foreach (RecordDefinition record in context.Records.Where(r => r.Object == Object))
        {
            foreach (RecordRightRow row in context.DefaultRights(record, record.Author))
            {
                edits.Add(new AddRecordRightEdit(row));
            }
        }

        return Delta(edits);
    }
}
