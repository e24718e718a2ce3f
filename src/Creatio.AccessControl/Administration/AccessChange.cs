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

    /// <summary>Edits the model; throws <see cref="AccessChangeRefusedException"/> when the change does not apply.</summary>
    internal abstract void Apply(ModelEditor editor);

    /// <summary>Applies the change to <see cref="IncrementalEditor.Snapshot"/> without a full validation and compile, when it
    /// can prove the result valid locally; otherwise returns <see langword="false"/> having changed nothing.</summary>
    internal virtual bool TryApplyIncrementally(IncrementalEditor editor) => false;

    /// <summary>Gets a value indicating whether the change only edits data (records), which a support session may do.</summary>
    internal virtual bool IsDataChange => false;

    /// <summary>Gets a value indicating whether the change creates or ends support access, which a support session never may.</summary>
    internal virtual bool IsSupportAccessChange => false;

    /// <summary>Which parts of the compiled snapshot the change touches.</summary>
    internal abstract ChangeScope Scope { get; }

    private protected static void RequireObject(ModelEditor editor, ObjectName objectName)
    {
        if (!editor.Builder.Objects.Any(o => o.Name == objectName))
        {
            ModelEditor.Refuse(AccessChangeRefusal.NotFound, $"Object `{objectName}` does not exist.");
        }
    }

    private protected static void RequireSame(ObjectName row, ObjectName expected)
    {
        if (row != expected)
        {
            ModelEditor.Refuse(AccessChangeRefusal.Conflict, $"A row names object `{row}`; every row must name `{expected}`.");
        }
    }

    private protected static bool SameRight(RecordRightRow row, ObjectName objectName, RecordId record, AdminUnitId grantee, RecordOperation operation) =>
        row.Object == objectName && row.Record == record && row.Grantee == grantee && row.Operation == operation;

    private protected static AccessDecision Require(AccessPrincipal actor, SystemOperationCode operation) =>
        actor.CheckSystemOperation(operation);

    private protected static AccessDecision RequireAll(AccessPrincipal actor, SystemOperationCode first, SystemOperationCode second)
    {
        AccessDecision decision = actor.CheckSystemOperation(first);
        return decision.IsAllowed ? actor.CheckSystemOperation(second) : decision;
    }
}
