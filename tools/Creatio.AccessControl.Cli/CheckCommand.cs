namespace Creatio.AccessControl.Cli;

/// <summary><c>check FILE …</c>: one request's decision, optionally with its explanation.</summary>
internal static class CheckCommand
{
    private static readonly string[] s_valued =
        ["--user", "--object", "--operation", "--record", "--column", "--system-operation", "--support-grant", "--at"];

    private static readonly string[] s_flags = ["--share", "--explain", "--json"];

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TimeProvider time)
    {
        CommandLine line = CommandLine.Parse("check", args, s_valued, s_flags);
        RequestSpec spec = Spec(line);
        DateTimeOffset now = Now(line, time);
        string? grantText = line.Value("--support-grant");
        string? userText = line.Value("--user");
        if (grantText is null && userText is null)
        {
            throw new UsageException("`check`: missing required option `--user` (or `--support-grant`).");
        }

        SupportGrantId? grant = null;
        if (grantText is not null)
        {
            Fail("--support-grant", Values.Grant(grantText, out SupportGrantId id));
            grant = id;
        }

        AccessRequest request = default;
        Fail(null, spec.TryBuild(n => $"`--{(n == "systemOperation" ? "system-operation" : n)}`", out request));

        AccessModel model = PolicyFiles.Load(line.File);
        UserId? user = null;
        if (userText is not null)
        {
            Fail("--user", Values.User(model, userText, out UserId id));
            user = id;
        }

        if (grant is { } g)
        {
            Fail(null, Values.GrantAgreesWithUser(model, g, user));
        }

        AccessSnapshot snapshot = Snapshots.Compile(model);
        AccessPrincipal principal = Values.Principal(snapshot, user, grant, now);
        var names = new UnitNames(model);
        bool json = line.Has("--json");
        if (line.Has("--explain"))
        {
            AccessExplanation explanation = principal.Explain(request);
            stdout.WriteLine(json ? explanation.ToJson(indented: true) : DecisionOutput.Line(explanation.Decision, names) + "\n" + explanation.ToString().TrimEnd('\n'));
            return explanation.Decision.IsAllowed ? ExitCodes.Success : ExitCodes.Negative;
        }

        AccessDecision decision = principal.Check(request);
        if (json)
        {
            stdout.WriteLine(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("user", principal.User.Value);
                if (grant is { } id)
                {
                    w.WriteString("supportGrant", id.Value);
                }

                w.WriteString("request", request.ToString());
                w.WriteString("at", now);
                DecisionOutput.WriteMembers(w, decision, names);
                w.WriteEndObject();
            }));
        }
        else
        {
            stdout.WriteLine(DecisionOutput.Line(decision, names));
        }

        return decision.IsAllowed ? ExitCodes.Success : ExitCodes.Negative;
    }

    internal static DateTimeOffset Now(CommandLine line, TimeProvider time)
    {
        if (line.Value("--at") is not { } text)
        {
            return time.GetUtcNow();
        }

        Fail("--at", Values.Instant(text, out DateTimeOffset now));
        return now;
    }

    private static RequestSpec Spec(CommandLine line)
    {
        if (line.Value("--system-operation") is { } code)
        {
            const string Because = "with `--system-operation`";
            line.Forbid("--object", Because);
            line.Forbid("--operation", Because);
            line.Forbid("--record", Because);
            line.Forbid("--column", Because);
            line.Forbid("--share", Because);
            return new RequestSpec(AccessRequestKind.SystemOperation, null, null, null, code);
        }

        string objectName = line.Required("--object");
        string operation = line.Required("--operation");
        string? record = line.Value("--record");
        string? column = line.Value("--column");
        if (line.Has("--share"))
        {
            line.Forbid("--column", "with `--share`");
            if (record is null)
            {
                throw new UsageException("`check`: `--share` needs `--record`.");
            }

            return new RequestSpec(AccessRequestKind.Share, objectName, record, null, operation);
        }

        AccessRequestKind kind = column is not null ? AccessRequestKind.Column
            : record is not null ? AccessRequestKind.Record
            : AccessRequestKind.Object;
        return new RequestSpec(kind, objectName, record, column, operation);
    }

    private static void Fail(string? option, string? error)
    {
        if (error is not null)
        {
            throw new UsageException(option is null ? $"`check`: {error}" : $"`check`: option `{option}`: {error}");
        }
    }
}
