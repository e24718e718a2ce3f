namespace Creatio.AccessControl;

/// <summary>Adds an object or replaces its switches, category and columns.</summary>
/// <param name="Definition">The object.</param>
public sealed record SetObject(ObjectDefinition Definition) : AccessChange
{
    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.AdministrationSwitches;

    internal override ChangeScope Scope => ChangeScope.Permissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Definition);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override void Apply(ModelEditor editor)
    {
        ModelEditor.RemoveAll(editor.Builder.Objects, o => o.Name == Definition.Name);
        editor.Builder.Objects.Add(Definition);
        editor.TouchedRecordObjects.Add(Definition.Name.Value);
    }
}
