namespace Creatio.AccessControl;

/// <summary>Adds an object or replaces its switches, category and columns.</summary>
public sealed record SetObject : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Definition">The object.</param>
    public SetObject(ObjectDefinition Definition)
    {
        this.Definition = Definition;
    }

    /// <summary>Gets the object.</summary>
    public ObjectDefinition Definition { get; init; }

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
