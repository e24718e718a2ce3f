using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Creatio.AccessControl;

/// <summary>The spans and counters of administration changes and policy file reloads: an <see cref="ActivitySource"/> and a
/// <see cref="Meter"/> named <c>Creatio.AccessControl</c>, created once.</summary>
/// <remarks>A span starts only when a listener samples the source, and a counter adds only when it is listened to; tags are
/// set only then. Nothing of it is on the check path.</remarks>
internal static class AccessControlDiagnostics
{
    /// <summary>The name of the source and the meter.</summary>
    public const string Name = "Creatio.AccessControl";

    private static readonly ActivitySource s_source = new(Name);
    private static readonly Meter s_meter = new(Name);
    private static readonly Counter<long> s_changes = s_meter.CreateCounter<long>(
        "creatio.access.changes", "{batch}", "Administration batches, by outcome (applied, refused) and refusal.");

    private static readonly Counter<long> s_reloads = s_meter.CreateCounter<long>(
        "creatio.access.reloads", "{reload}", "Policy file reloads, by outcome (succeeded, failed).");

    /// <summary>Starts the span of an administration batch, when somebody listens.</summary>
    public static Activity? StartApply(AccessActor actor, int changes)
    {
        Activity? activity = s_source.StartActivity("creatio.access.apply");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("creatio.access.actor", actor.ToString());
            activity.SetTag("creatio.access.changes", changes);
        }

        return activity;
    }

    /// <summary>Ends the span of an administration batch with its result and counts the batch.</summary>
    /// <param name="activity">The batch's span, if one was started.</param>
    /// <param name="applied">Whether the batch was applied.</param>
    /// <param name="refusal">The refusal's name (<c>None</c> when applied).</param>
    /// <param name="version">The snapshot version after the batch.</param>
    /// <param name="message">Why it was refused.</param>
    /// <remarks>Takes the result's parts, not the administration API's result, so that diagnostics stay below
    /// administration.</remarks>
    public static void Applied(Activity? activity, bool applied, string refusal, long version, string message)
    {
        string outcome = applied ? "applied" : "refused";
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("creatio.access.outcome", outcome);
            activity.SetTag("creatio.access.snapshot_version", version);
            if (!applied)
            {
                activity.SetTag("creatio.access.refusal", refusal);
                activity.SetStatus(ActivityStatusCode.Error, message);
            }
        }

        if (s_changes.Enabled)
        {
            s_changes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("refusal", refusal));
        }
    }

    /// <summary>Starts the span of a policy file reload, when somebody listens.</summary>
    public static Activity? StartReload(string path)
    {
        Activity? activity = s_source.StartActivity("creatio.access.reload");
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("creatio.access.policy_file", path);
        }

        return activity;
    }

    /// <summary>Ends the span of a reload with its outcome and counts the reload.</summary>
    public static void Reloaded(Activity? activity, long version, Exception? error)
    {
        string outcome = error is null ? "succeeded" : "failed";
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("creatio.access.outcome", outcome);
            activity.SetTag("creatio.access.snapshot_version", version);
            if (error is not null)
            {
                activity.SetTag("exception.type", error.GetType().FullName);
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }

        if (s_reloads.Enabled)
        {
            s_reloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
