namespace Creatio.AccessControl.AspNetCore;

/// <summary>The names under which the library reports traces and metrics, for <c>AddSource</c> and <c>AddMeter</c>.</summary>
/// <remarks>Nothing is measured or traced unless a listener subscribes to these names; a check then costs one counter add.</remarks>
public static class AccessControlTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>Creatio.AccessControl</c>.</summary>
    public const string ActivitySourceName = "Creatio.AccessControl";

    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>Creatio.AccessControl</c>.</summary>
    public const string MeterName = "Creatio.AccessControl";

    /// <summary>The counter of decisions made by the authorization handlers: <c>creatio.access.decisions</c>, tagged
    /// <c>outcome</c> (<c>allow</c>, <c>deny</c>), <c>stage</c> (an <see cref="AccessStage"/> name) and <c>check</c>
    /// (<c>object</c>, <c>record</c>, <c>system_operation</c>).</summary>
    public const string DecisionsCounterName = "creatio.access.decisions";

    /// <summary>The span of the start-up load: <c>creatio.access.load</c>, tagged <c>creatio.access.snapshot_version</c>.</summary>
    public const string LoadActivityName = "creatio.access.load";

    /// <summary>The span of an administration batch, which the core library reports: <c>creatio.access.apply</c>, tagged
    /// <c>creatio.access.actor</c>, <c>creatio.access.changes</c>, <c>creatio.access.outcome</c> (<c>applied</c>,
    /// <c>refused</c>), <c>creatio.access.refusal</c> and <c>creatio.access.snapshot_version</c>.</summary>
    public const string ApplyActivityName = "creatio.access.apply";

    /// <summary>The span of a policy file reload, which the core library reports: <c>creatio.access.reload</c>, tagged
    /// <c>creatio.access.policy_file</c>, <c>creatio.access.outcome</c> (<c>succeeded</c>, <c>failed</c>) and
    /// <c>creatio.access.snapshot_version</c>; an error status when it failed.</summary>
    public const string ReloadActivityName = "creatio.access.reload";

    /// <summary>The counter of administration batches, which the core library reports: <c>creatio.access.changes</c>, tagged
    /// <c>outcome</c> (<c>applied</c>, <c>refused</c>) and <c>refusal</c> (an <see cref="AccessChangeRefusal"/> name).</summary>
    public const string ChangesCounterName = "creatio.access.changes";

    /// <summary>The counter of policy file reloads, which the core library reports: <c>creatio.access.reloads</c>, tagged
    /// <c>outcome</c> (<c>succeeded</c>, <c>failed</c>).</summary>
    public const string ReloadsCounterName = "creatio.access.reloads";
}
