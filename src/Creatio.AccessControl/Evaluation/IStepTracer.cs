using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>What the one walk of the steps (<see cref="AccessPrincipal"/>'s <c>…Steps</c> methods) reports as it
/// decides: every check walks with <see cref="NoTrace"/>, whose empty methods the JIT removes, and
/// <see cref="AccessPrincipal.Explain(in AccessRequest)"/> walks with an <see cref="Explainer"/>, which records each
/// step. The walk decides; a tracer only looks, so an explanation says what the check decides.</summary>
/// <remarks>Arguments are values the walk has at hand; whatever an explanation needs beyond them (rows, names) the
/// tracer reads itself, so that a check pays nothing for it.</remarks>
internal interface IStepTracer
{
    /// <summary>A support session whose grant allows nothing: the only step.</summary>
    void SupportDenied(AccessDecision decision);

    /// <summary>Step 1: the user is unknown, inactive (a deny) or active (an allow).</summary>
    void User(AccessDecision decision);

    /// <summary>The object is unknown, or was resolved in another snapshot.</summary>
    void UnknownObject(AccessDecision decision);

    /// <summary>Step 2, for a portal user (<paramref name="external"/>); for an employee it does not apply.</summary>
    void Portal(AccessDecision decision, bool external);

    /// <summary>The request's operation value is not defined.</summary>
    void InvalidOperation(AccessDecision decision);

    /// <summary>The column is unknown (<paramref name="column"/> is <see langword="null"/>) or a system column asked by a
    /// portal user.</summary>
    void ColumnRefused(AccessDecision decision, CompiledColumn? column);

    /// <summary>Step 3: whether the super operation of <paramref name="operation"/> allows (then it decides and steps
    /// 4–6 are skipped, except for sharing, which goes on to its own step).</summary>
    void Super(ObjectOperation operation, AccessDecision decision, bool allows);

    /// <summary>Step 4.</summary>
    void Object(AccessDecision decision, CompiledObject compiled, ObjectOperation operation);

    /// <summary>Step 5, for one record; <paramref name="operationBit"/> is the record operation asked.</summary>
    void Record(AccessDecision decision, CompiledObject compiled, bool external, RecordId record, int operationBit);

    /// <summary>Step 6.</summary>
    void Column(AccessDecision decision, CompiledColumn column);

    /// <summary>Sharing stopped before the grant was looked at: an undefined operation or an unknown record.</summary>
    void ShareRefused(AccessDecision decision);

    /// <summary>Sharing: <paramref name="grant"/> is whether AllowAndGrant is held; when it is not,
    /// <paramref name="decision"/> is what <c>CanChangeEntitySchemaRecordRight</c> decides.</summary>
    void Share(AccessDecision grant, AccessDecision decision, CompiledObject compiled, RecordIndex record, int operationBit);

    /// <summary>A system operation; <paramref name="operation"/> is -1 for an unknown code.</summary>
    void SystemOperation(AccessDecision decision, int operation);

    /// <summary>Step 7, in a support session: the decision after the overlay.</summary>
    void Support(AccessDecision decision);
}

/// <summary>The tracer of every check: it records nothing and costs nothing.</summary>
internal struct NoTrace : IStepTracer
{
    public readonly void SupportDenied(AccessDecision decision)
    {
    }

    public readonly void User(AccessDecision decision)
    {
    }

    public readonly void UnknownObject(AccessDecision decision)
    {
    }

    public readonly void Portal(AccessDecision decision, bool external)
    {
    }

    public readonly void InvalidOperation(AccessDecision decision)
    {
    }

    public readonly void ColumnRefused(AccessDecision decision, CompiledColumn? column)
    {
    }

    public readonly void Super(ObjectOperation operation, AccessDecision decision, bool allows)
    {
    }

    public readonly void Object(AccessDecision decision, CompiledObject compiled, ObjectOperation operation)
    {
    }

    public readonly void Record(AccessDecision decision, CompiledObject compiled, bool external, RecordId record, int operationBit)
    {
    }

    public readonly void Column(AccessDecision decision, CompiledColumn column)
    {
    }

    public readonly void ShareRefused(AccessDecision decision)
    {
    }

    public readonly void Share(AccessDecision grant, AccessDecision decision, CompiledObject compiled, RecordIndex record, int operationBit)
    {
    }

    public readonly void SystemOperation(AccessDecision decision, int operation)
    {
    }

    public readonly void Support(AccessDecision decision)
    {
    }
}
