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
        IReadOnlyList<RoleOrigin> roles = new RoleProvenance(model).EffectiveRoles(user, now);
        if (json)
        {
            stdout.WriteLine(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("user", user.Value);
                w.WriteString("userName", names.Name(user.Value));
                w.WriteString("at", now);
                w.WriteStartArray("effectiveRoles");
                foreach (RoleOrigin origin in roles)
                {
                    w.WriteStartObject();
                    w.WriteString("id", origin.Unit);
                    w.WriteString("name", names.Name(origin.Unit));
                    w.WriteString("kind", names.Kind(origin.Unit)?.ToString());
                    w.WriteString("obtained", ObtainedCode(origin.Kind));
                    WriteUnit(w, "from", origin.From);
                    WriteUnit(w, "managerUnit", origin.Manager);
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
            foreach (RoleOrigin origin in roles)
            {
                stdout.WriteLine($"  {names.Describe(origin.Unit)} [{names.Kind(origin.Unit)}]: {Describe(origin, names)}");
            }
        }

        return ExitCodes.Success;
    }

    internal static string ObtainedCode(ProvenanceKind kind) => kind switch
    {
        ProvenanceKind.Self => "self",
        ProvenanceKind.DirectMembership => "directMembership",
        ProvenanceKind.Ancestor => "ancestor",
        ProvenanceKind.FunctionalLink => "functionalLink",
        ProvenanceKind.ManagedSubtree => "managedSubtree",
        ProvenanceKind.ManagedEmployee => "managedEmployee",
        ProvenanceKind.EmployeeRole => "employeeRole",
        _ => "delegation",
    };

    internal static string Describe(RoleOrigin origin, UnitNames names)
    {
        string From() => names.Describe(origin.From!.Value);
        string Manager() => names.Describe(origin.Manager!.Value);
        return origin.Kind switch
        {
            ProvenanceKind.Self => "own (the user)",
            ProvenanceKind.DirectMembership => "direct membership",
            ProvenanceKind.Ancestor => $"ancestor of {From()}",
            ProvenanceKind.FunctionalLink => $"functional link from {From()}",
            ProvenanceKind.ManagedSubtree => $"managed subtree of manager unit {Manager()}",
            ProvenanceKind.ManagedEmployee => $"employee in the managed subtree of manager unit {Manager()}",
            ProvenanceKind.EmployeeRole => $"employee {From()}'s role via manager unit {Manager()}",
            _ => $"delegation from {From()}",
        };
    }

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
