namespace Creatio.AccessControl;

/// <summary>One step of an explanation: what it looked at and what it decided.</summary>
public sealed record AccessExplanationStep
{
    /// <summary>Creates a step of an explanation.</summary>
    /// <param name="Stage">The step.</param>
    /// <param name="Result">What the step did.</param>
    /// <param name="Reason">Why, when the step decided or let the request go on for a reason.</param>
    /// <param name="Detail">A one-line description.</param>
    /// <param name="Rows">The rows the step considered, in the order it considered them.</param>
    public AccessExplanationStep(AccessStage Stage, AccessStepResult Result, AccessReason Reason, string Detail, IReadOnlyList<AccessExplanationRow> Rows)
    {
        this.Stage = Stage;
        this.Result = Result;
        this.Reason = Reason;
        this.Detail = Detail;
        this.Rows = Rows;
    }

    /// <summary>Gets the step.</summary>
    public AccessStage Stage { get; init; }

    /// <summary>Gets what the step did.</summary>
    public AccessStepResult Result { get; init; }

    /// <summary>Gets why, when the step decided or let the request go on for a reason.</summary>
    public AccessReason Reason { get; init; }

    /// <summary>Gets a one-line description.</summary>
    public string Detail { get; init; }

    /// <summary>Gets the rows the step considered, in the order it considered them.</summary>
    public IReadOnlyList<AccessExplanationRow> Rows { get; init; }
}
