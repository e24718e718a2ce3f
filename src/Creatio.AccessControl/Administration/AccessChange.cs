namespace Creatio.AccessControl;

/// <summary>One change to the access model, made through <see cref="IAccessAdministration"/>.</summary>
/// <remarks>Each change knows what the acting user needs (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md">administration and audit</see>), how it edits the model, and which audit event
/// reports it. Changes are immutable values; a batch of them is applied all or nothing.</remarks>
public abstract record AccessChange
{
    private protected AccessChange()
    {
    }

    /// <summary>Gets the audit event type that reports this change.</summary>
    public abstract AccessAuditEventType AuditEventType { get; }

    /// <summary>Throws for a caller mistake (a <see langword="null"/> member).</summary>
    internal virtual void CheckArguments()
    {
    }

    /// <summary>Checks that the actor may make the change, in the model as it is before the change.</summary>
    internal abstract AccessDecision Authorize(AccessPrincipal actor, AccessModel before);

    /// <summary>The model-level edits the change makes, given the model as the earlier changes of the batch left it;
    /// throws <see cref="AccessChangeRefusedException"/> when the change does not apply (a row it removes is missing, one it
    /// adds is there already). The delta is validated with the rest of the batch by <see cref="AccessModel.Apply"/>.</summary>
    internal abstract AccessModelDelta ToDelta(ChangeContext context);

    /// <summary>Checks that the actor may make the change when its object keeps its records in the database: by default as
    /// <see cref="Authorize"/>; a change whose permission depends on the record reads it through <paramref name="records"/>
    /// with the same rule (<see cref="AccessPrincipal.CheckRecordAsync"/>, <see cref="AccessPrincipal.CheckShareAsync"/>).</summary>
    internal virtual ValueTask<AccessDecision> AuthorizeAsync(AccessPrincipal actor, AccessModel before, IRecordRightReader records, CancellationToken cancellationToken) =>
        new(Authorize(actor, before));

    /// <summary>Gets the object whose records the change edits; <see langword="null"/> for a change to the model only.</summary>
    internal virtual ObjectName? RecordObject => null;

    /// <summary>Gets the record the change edits; <see langword="null"/> when it names none.</summary>
    internal virtual RecordId? NamedRecord => null;

    /// <summary>Gets a value indicating whether the change creates <see cref="NamedRecord"/>.</summary>
    internal virtual bool CreatesRecord => false;

    /// <summary>Gets a value indicating whether the change only edits data (records), which a support session may do.</summary>
    internal virtual bool IsDataChange => false;

    /// <summary>Gets a value indicating whether the change creates or ends support access, which a support session never may.</summary>
    internal virtual bool IsSupportAccessChange => false;

    /// <summary>Describes the decision that refused the change, for the refusal's message: a support-access change refused
    /// because the external access object is not defined says which object the settings name.</summary>
    internal string DescribeRefusal(AccessDecision decision, AccessModel before) =>
        IsSupportAccessChange && decision.Reason == AccessReason.UnknownObject && SupportAccessRules.MissingExternalAccessObject(before) is { } missing
            ? $"{decision} ({missing})"
            : decision.ToString();

    private protected static AccessModelDelta Delta(params IEnumerable<AccessModelEdit> edits) => new(edits);

    private protected static void RequireObject(ChangeContext context, ObjectName objectName)
    {
        if (!context.HasObject(objectName))
        {
            ChangeContext.Refuse(AccessChangeRefusal.NotFound, $"Object `{objectName}` does not exist.");
        }
    }

    private protected static void RequireSame(ObjectName row, ObjectName expected)
    {
        if (row != expected)
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"A row names object `{row}`; every row must name `{expected}`.");
        }
    }

    private protected static AccessDecision Require(AccessPrincipal actor, SystemOperationCode operation) =>
        actor.CheckSystemOperation(operation);

    private protected static AccessDecision RequireAll(AccessPrincipal actor, SystemOperationCode first, SystemOperationCode second)
    {
        AccessDecision decision = actor.CheckSystemOperation(first);
        return decision.IsAllowed ? actor.CheckSystemOperation(second) : decision;
    }
}
