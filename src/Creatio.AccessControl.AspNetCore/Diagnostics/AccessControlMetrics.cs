using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>The package's instruments, created once per container through <see cref="IMeterFactory"/>.</summary>
/// <remarks>Adding to a counter nobody listens to returns at once; tag values are constant strings, so nothing is allocated.</remarks>
internal sealed class AccessControlMetrics
{
    private static readonly string[] s_stages = StageNames();

    private readonly Counter<long> _decisions;

    public AccessControlMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(new MeterOptions(AccessControlTelemetry.MeterName));
        _decisions = meter.CreateCounter<long>(
            AccessControlTelemetry.DecisionsCounterName, "{decision}", "Access decisions made by the authorization handlers.");
    }

    /// <summary>The package's activity source; a span starts only when a listener samples it.</summary>
    public static ActivitySource ActivitySource { get; } = new(AccessControlTelemetry.ActivitySourceName);

    /// <summary>Counts one decision.</summary>
    public void Decided(AccessCheck check, AccessDecision decision)
    {
        if (!_decisions.Enabled)
        {
            return;
        }

        _decisions.Add(
            1,
            new KeyValuePair<string, object?>("outcome", decision.IsAllowed ? "allow" : "deny"),
            new KeyValuePair<string, object?>("stage", s_stages[(byte)decision.Stage]),
            new KeyValuePair<string, object?>("check", check switch
            {
                AccessCheck.Object => "object",
                AccessCheck.Record => "record",
                _ => "system_operation",
            }));
    }

    private static string[] StageNames()
    {
        string[] names = new string[byte.MaxValue + 1];
        Array.Fill(names, "Unknown");
        foreach (AccessStage stage in Enum.GetValues<AccessStage>())
        {
            names[(byte)stage] = stage.ToString();
        }

        return names;
    }
}

/// <summary>The kinds of check the handlers make, for the <c>check</c> tag.</summary>
internal enum AccessCheck
{
    /// <summary>An object operation.</summary>
    Object = 0,

    /// <summary>A record operation.</summary>
    Record = 1,

    /// <summary>A system operation.</summary>
    SystemOperation = 2,
}
