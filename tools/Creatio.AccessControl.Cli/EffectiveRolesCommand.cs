namespace Creatio.AccessControl.Cli;

/// <summary><c>effective-roles FILE --user USER [--at TIME] [--json]</c>: <c>E(u)</c> and how each unit was obtained.</summary>
internal static class EffectiveRolesCommand
{
    private static readonly string[] s_valued = ["--user", "--at"];
    private static readonly string[] s_flags = ["--json"];

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TimeProvider time)
    {
        CommandLine line = CommandLine.Parse("effective-roles", args, s_valued, s_flags);
        string userText = line.Required("--user");
        DateTimeOffset now = CheckCommand.Now(line, time);
        AccessModel model = PolicyFiles.Load(line.File);
        if (Values.User(model, userText, out UserId user) is { } error)
        {
            throw new UsageException($"`effective-roles`: option `--user`: {error}");
        }

        if (!model.Users.Any(u => u.Id == user))
        {
            throw new UsageException($"`effective-roles`: option `--user`: the policy has no user `{user}`.");
        }

        var names = new UnitNames(model);
        IReadOnlyList<RoleOrigin> roles = new RoleProvenance(model).EffectiveRoles(user, now);
        if (line.Has("--json"))
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
