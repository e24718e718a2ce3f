using System.Text;
using System.Text.Json;

namespace Creatio.AccessControl;

/// <summary>The full trace of one decision: every step, the rows it considered, which effective role matched.</summary>
/// <remarks>Built only on request by <see cref="AccessPrincipal.Explain(in AccessRequest)"/>; the check methods never
/// build one. <see cref="Decision"/> is always the decision the check methods return for the same request.</remarks>
public sealed record AccessExplanation
{
    /// <summary>Creates an explanation.</summary>
    /// <param name="User">The user.</param>
    /// <param name="Request">The request.</param>
    /// <param name="SnapshotVersion">The version of the snapshot that decided.</param>
    /// <param name="Decision">The decision.</param>
    /// <param name="Steps">The steps, in the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>.</param>
    public AccessExplanation(UserId User, AccessRequest Request, long SnapshotVersion, AccessDecision Decision, IReadOnlyList<AccessExplanationStep> Steps)
    {
        this.User = User;
        this.Request = Request;
        this.SnapshotVersion = SnapshotVersion;
        this.Decision = Decision;
        this.Steps = Steps;
    }

    /// <summary>Gets the user.</summary>
    public UserId User { get; init; }

    /// <summary>Gets the request.</summary>
    public AccessRequest Request { get; init; }

    /// <summary>Gets the version of the snapshot that decided.</summary>
    public long SnapshotVersion { get; init; }

    /// <summary>Gets the decision.</summary>
    public AccessDecision Decision { get; init; }

    /// <summary>Gets the steps, in the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>.</summary>
    public IReadOnlyList<AccessExplanationStep> Steps { get; init; }

    /// <summary>Gets the user's effective roles, each with the rule that brought it in (what
    /// <see cref="AccessPrincipal.ExplainEffectiveRoles"/> returns); empty for an unknown user.</summary>
    public IReadOnlyList<EffectiveRoleOrigin> EffectiveRoles { get; init; } = [];

    /// <summary>Returns the explanation as readable text, one line per step and per row.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var names = new Dictionary<AdminUnitId, string>(EffectiveRoles.Count);
        foreach (EffectiveRoleOrigin origin in EffectiveRoles)
        {
            names[origin.Unit] = origin.Name;
        }

        var text = new StringBuilder();
        text.Append(Request).Append(" by ").Append(User).Append(" (snapshot ").Append(SnapshotVersion).Append(")\n");
        text.Append("=> ").Append(Decision).Append('\n');
        foreach (AccessExplanationStep step in Steps)
        {
            text.Append("  ").Append(step.Stage).Append(": ").Append(step.Result);
            if (step.Reason != AccessReason.None)
            {
                text.Append(" (").Append(step.Reason).Append(')');
            }

            if (step.Detail.Length > 0)
            {
                text.Append(" - ").Append(step.Detail);
            }

            text.Append('\n');
            foreach (AccessExplanationRow row in step.Rows)
            {
                text.Append(row.Decides ? "    > " : "      ");
                if (row.Position is { } position)
                {
                    text.Append('#').Append(position).Append(' ');
                }

                text.Append(row.GranteeName).Append(": ").Append(row.Value);
                if (row.InEffectiveRoles)
                {
                    text.Append(" [in effective roles");
                    if (row.Origin is { } origin)
                    {
                        text.Append(": ").Append(origin.Describe(unit => names.TryGetValue(unit, out string? name) ? name : unit.ToString()));
                    }

                    text.Append(']');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the explanation as a JSON document.</summary>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            writer.WriteString("user", User.Value);
            writer.WriteString("request", Request.ToString());
            writer.WriteNumber("snapshotVersion", SnapshotVersion);
            writer.WriteStartObject("decision");
            WriteDecision(writer, Decision);
            writer.WriteEndObject();
            writer.WriteStartArray("steps");
            foreach (AccessExplanationStep step in Steps)
            {
                writer.WriteStartObject();
                writer.WriteString("stage", step.Stage.ToString());
                writer.WriteString("result", step.Result.ToString());
                writer.WriteString("reason", step.Reason.ToString());
                writer.WriteString("detail", step.Detail);
                writer.WriteStartArray("rows");
                foreach (AccessExplanationRow row in step.Rows)
                {
                    writer.WriteStartObject();
                    writer.WriteString("grantee", row.Grantee.Value);
                    writer.WriteString("granteeName", row.GranteeName);
                    if (row.Position is { } position)
                    {
                        writer.WriteNumber("position", position);
                    }

                    writer.WriteString("value", row.Value);
                    writer.WriteBoolean("inEffectiveRoles", row.InEffectiveRoles);
                    writer.WriteBoolean("decides", row.Decides);
                    if (row.Origin is { } origin)
                    {
                        writer.WriteStartObject("origin");
                        WriteOrigin(writer, origin);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("effectiveRoles");
            foreach (EffectiveRoleOrigin origin in EffectiveRoles)
            {
                writer.WriteStartObject();
                writer.WriteString("unit", origin.Unit.Value);
                writer.WriteString("name", origin.Name);
                WriteOrigin(writer, origin);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteOrigin(Utf8JsonWriter writer, EffectiveRoleOrigin origin)
    {
        writer.WriteString("rule", origin.Rule.ToString());
        if (origin.Via is { } via)
        {
            writer.WriteString("via", via.Value);
        }
    }

    private static void WriteDecision(Utf8JsonWriter writer, AccessDecision decision)
    {
        writer.WriteString("outcome", decision.Outcome.ToString());
        writer.WriteString("stage", decision.Stage.ToString());
        writer.WriteString("reason", decision.Reason.ToString());
        if (decision.Grantee is { } grantee)
        {
            writer.WriteString("grantee", grantee.Value);
        }

        if (decision.Position is { } position)
        {
            writer.WriteNumber("position", position);
        }
    }
}
