using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>effective-roles FILE --user USER [--at TIME] [--json]</c>: <c>E(u)</c> and how each unit was obtained.</summary>
internal static class EffectiveRolesCommand
{
    public static Command Create(CliContext context)
    {
        Argument<string> file = CliOptions.PolicyFile();
        Option<string> user = CliOptions.User(file, "The user: a GUID or a name.");
        user.Required = true;
        Option<string> at = CliOptions.At();
        Option<bool> json = CliOptions.Json();
        var command = new Command("effective-roles", "List the user's effective roles E(u) and how each was obtained.") { file, user, at, json };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            CliOptions.Value(parse, user)!,
            CliOptions.Now(parse, at, context.Time),
            parse.GetValue(json),
            context.Stdout));
        return command;
    }

    private static int Run(string file, string userText, DateTimeOffset now, bool json, TextWriter stdout)
    {
        AccessModel model = PolicyFiles.Load(file);
        if (new PolicyInputs(model).User(userText, out UserId user) is { } problem)
        {
            throw new UsageException($"`effective-roles`: option `--user`: {problem.Message}");
        }

        var names = new UnitNames(model);
        IReadOnlyList<EffectiveRoleOrigin> roles = Snapshots.Compile(model).GetPrincipal(user, now).ExplainEffectiveRoles().Roles;
        if (json)
        {
            stdout.WriteLine(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("user", user.Value);
                w.WriteString("userName", names.Name(user.Value));
                w.WriteString("at", now);
                w.WriteStartArray("effectiveRoles");
                foreach (EffectiveRoleOrigin origin in roles)
                {
                    w.WriteStartObject();
                    w.WriteString("id", origin.Unit.Value);
                    w.WriteString("name", origin.Name);
                    w.WriteString("kind", names.Kind(origin.Unit.Value)?.ToString());
                    w.WriteString("obtained", ObtainedCode(origin.Rule));
                    WriteUnit(w, "via", origin.Via?.Value);
                    w.WriteString("description", Describe(origin, names));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            stdout.WriteLine($"Effective roles of {names.Describe(user.Value)} at {now:O}: {roles.Count}");
            foreach (EffectiveRoleOrigin origin in roles)
            {
                stdout.WriteLine($"  {names.Describe(origin.Unit.Value)} [{names.Kind(origin.Unit.Value)}]: {Describe(origin, names)}");
            }
        }

        return ExitCodes.Success;
    }

    internal static string ObtainedCode(EffectiveRoleRule rule) => rule switch
    {
        EffectiveRoleRule.Self => "self",
        EffectiveRoleRule.DirectMembership => "directMembership",
        EffectiveRoleRule.BuiltInMembership => "builtInMembership",
        EffectiveRoleRule.Inheritance => "inheritance",
        EffectiveRoleRule.FunctionalLink => "functionalLink",
        EffectiveRoleRule.Manager => "manager",
        _ => "delegation",
    };

    internal static string Describe(EffectiveRoleOrigin origin, UnitNames names) => origin.Describe(unit => names.Describe(unit.Value));

    private static void WriteUnit(System.Text.Json.Utf8JsonWriter w, string name, Guid? unit)
    {
        if (unit is { } id)
        {
            w.WriteString(name, id);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
