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

    /// <summary>The span of the start-up load: <c>creatio.access.load</c>.</summary>
    public const string LoadActivityName = "creatio.access.load";
}
