namespace Creatio.AccessControl;

/// <summary>What one step of an explanation did.</summary>
public enum AccessStepResult
{
    /// <summary>The step let the request go on (or, as the last step, allowed it).</summary>
    Allowed = 0,

    /// <summary>The step denied the request; it decided.</summary>
    Denied = 1,

    /// <summary>The step did not apply to this request or user.</summary>
    NotApplicable = 2,

    /// <summary>The step was skipped because an earlier step decided (a super operation skips steps 4–6).</summary>
    Skipped = 3,
}
