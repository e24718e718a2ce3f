namespace Creatio.AccessControl;

/// <summary>One step of an explanation: what it looked at and what it decided.</summary>
/// <param name="Stage">The step.</param>
/// <param name="Result">What the step did.</param>
/// <param name="Reason">Why, when the step decided or let the request go on for a reason.</param>
/// <param name="Detail">A one-line description.</param>
/// <param name="Rows">The rows the step considered, in the order it considered them.</param>
public sealed record AccessExplanationStep(
    AccessStage Stage,
    AccessStepResult Result,
    AccessReason Reason,
    string Detail,
    IReadOnlyList<AccessExplanationRow> Rows);
