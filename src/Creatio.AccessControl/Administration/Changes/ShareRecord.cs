namespace Creatio.AccessControl;

/// <summary>Shares an operation on a record: adds the right, or replaces the level of the grantee's right for that operation.</summary>
public sealed record ShareRecord : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Right">The right; its source is kept as given.</param>
    public ShareRecord(RecordRightRow Right)
    {
        this.Right = Right;
    }

    /// <summary>Gets the right; its source is kept as given.</summary>
    public RecordRightRow Right { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.RecordPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Right);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        actor.CheckShare(Right.Object, Right.Record, Right.Operation);

    internal override ValueTask<AccessDecision> AuthorizeAsync(AccessPrincipal actor, AccessModel before, IRecordRightReader records, CancellationToken cancellationToken) =>
        actor.CheckShareAsync(records, Right.Object, Right.Record, Right.Operation, cancellationToken);

    internal override ObjectName? RecordObject => Right.Object;

    internal override RecordId? NamedRecord => Right.Record;

    internal override AccessModelDelta ToDelta(ChangeContext context) => Delta(new PutRecordRightEdit(Right));
}
