namespace Creatio.AccessControl;

/// <summary>Adds an object or replaces its switches, category and columns.</summary>
/// <param name="Definition">The object.</param>
public sealed record SetObject(ObjectDefinition Definition) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.AdministrationSwitches;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Definition);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context) => Delta(new PutObjectEdit(Definition));
}
