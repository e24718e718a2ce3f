using System.Text.Json;

namespace Creatio.AccessControl.Cli;

/// <summary>Writes a decision for people and as JSON.</summary>
internal static class DecisionOutput
{
    /// <summary>One line: <c>Deny at Record: NoRecordRight (grantee Sales (id), position 0)</c>.</summary>
    public static string Line(AccessDecision decision, UnitNames names)
    {
        string rule = decision.Grantee is { } grantee
            ? decision.Position is { } position
                ? $" (grantee {names.Describe(grantee.Value)}, position {position})"
                : $" (grantee {names.Describe(grantee.Value)})"
            : string.Empty;
        return $"{decision.Outcome} at {decision.Stage}: {decision.Reason}{rule}";
    }

    /// <summary>Writes the decision's members into an open JSON object.</summary>
    public static void WriteMembers(Utf8JsonWriter json, AccessDecision decision, UnitNames names)
    {
        json.WriteString("decision", decision.Outcome.ToString());
        json.WriteString("stage", decision.Stage.ToString());
        json.WriteString("reason", decision.Reason.ToString());
        if (decision.Grantee is { } grantee)
        {
            json.WriteString("grantee", grantee.Value);
            json.WriteString("granteeName", names.Name(grantee.Value));
        }
        else
        {
            json.WriteNull("grantee");
            json.WriteNull("granteeName");
        }

        if (decision.Position is { } position)
        {
            json.WriteNumber("position", position);
        }
        else
        {
            json.WriteNull("position");
        }
    }
}
