namespace Creatio.AccessControl;

/// <summary>Replaces the default record permission rules of an object; they apply to records created afterwards.</summary>
public sealed record SetDefaultRecordRightRules : AccessChange
{
    /// <summary>Creates the change.</summary>
    /// <param name="Object">The object.</param>
    /// <param name="Rules">The new rules; each must name the object.</param>
    public SetDefaultRecordRightRules(ObjectName Object, IReadOnlyList<DefaultRecordRightRule> Rules)
    {
        this.Object = Object;
        this.Rules = Rules;
    }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; init; }

    /// <summary>Gets the new rules; each must name the object.</summary>
    public IReadOnlyList<DefaultRecordRightRule> Rules { get; init; }

    /// <inheritdoc/>
    public override AccessAuditEventType AuditEventType => AccessAuditEventType.DefaultRecordPermissions;

    internal override void CheckArguments()
    {
        ArgumentNullException.ThrowIfNull(Rules);
    }

    internal override AccessDecision Authorize(AccessPrincipal actor, AccessModel before) =>
        Require(actor, SystemOperations.CanManageAdministration);

    internal override AccessModelDelta ToDelta(ChangeContext context)
    {
        RequireObject(context, Object);
        foreach (DefaultRecordRightRule rule in Rules)
        {
            RequireSame(rule.Object, Object);
        }

        return Delta(new ReplaceDefaultRecordRightRulesEdit(Object, Rules));
    }
}
