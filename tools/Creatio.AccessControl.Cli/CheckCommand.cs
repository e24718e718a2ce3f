using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>check FILE …</c>: one request's decision, optionally with its explanation.</summary>
internal sealed class CheckCommand
{
    internal const string Notes = """
        What is asked:
          an object      --object OBJECT --operation OP
          a record       --object OBJECT --record ID --operation OP
          a column       --object OBJECT --column COLUMN --operation OP [--record ID]
          sharing        --object OBJECT --record ID --operation OP --share
          a system op.   --system-operation CODE
        Who asks: --user USER, or --support-grant ID for a support session under that grant (then --user may be left
        out, and if given must be the grant's grantor).
        An unknown user, object, column, record or system operation is a usage error naming the nearest known names.
        Exit code 0 when allowed, 1 when denied.
        """;

    private readonly CliContext _context;
    private readonly Argument<string> _file = CliOptions.PolicyFile();
    private readonly Option<string> _user;
    private readonly Option<string> _grant = new("--support-grant")
    {
        HelpName = "ID",
        Description = "Ask as a support session under this grant: its grantor's permissions, then the support overlay.",
    };

    private readonly Option<string> _object = new("--object") { HelpName = "OBJECT", Description = "The object asked about (exact name)." };
    private readonly Option<string> _operation = new("--operation") { HelpName = "OP", Description = "The operation: Read, Create, Edit or Delete." };
    private readonly Option<string> _record = new("--record") { HelpName = "ID", Description = "The record asked about (GUID)." };
    private readonly Option<string> _column = new("--column") { HelpName = "COLUMN", Description = "The column asked about (exact name)." };
    private readonly Option<bool> _share = new("--share") { Description = "Ask whether the user may share the operation on the record." };
    private readonly Option<string> _systemOperation = new("--system-operation")
    {
        HelpName = "CODE",
        Description = "The system operation asked about (exact code), instead of an object.",
    };

    private readonly Option<string> _at = CliOptions.At();
    private readonly Option<bool> _explain = new("--explain") { Description = "Print every step of the decision." };
    private readonly Option<bool> _json = CliOptions.Json();

    private CheckCommand(CliContext context)
    {
        _context = context;
        _user = CliOptions.User(_file, "The user who asks: a GUID or a name.");
        CliOptions.Complete(_object, _file, (inputs, _) => inputs.ObjectNames);
        CliOptions.Complete(_column, _file, (inputs, parse) => inputs.ColumnNames(parse.GetValue(_object) ?? string.Empty));
        CliOptions.Complete(_systemOperation, _file, (inputs, _) => inputs.SystemOperationCodes);
        CliOptions.Complete(_operation, Enum.GetNames<ObjectOperation>());
    }

    public static Command Create(CliContext context)
    {
        var check = new CheckCommand(context);
        var command = new Command("check", "Decide one request and print the decision; exit 0 when allowed, 1 when denied.")
        {
            check._file, check._user, check._grant, check._object, check._operation, check._record, check._column, check._share,
            check._systemOperation, check._at, check._explain, check._json,
        };
        command.SetAction(check.Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        RequestSpec spec = Spec(parse);
        DateTimeOffset now = CliOptions.Now(parse, _at, _context.Time);
        string? grantText = CliOptions.Value(parse, _grant);
        string? userText = CliOptions.Value(parse, _user);
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

        Fail(null, spec.TryBuild(n => $"`--{(n == "systemOperation" ? "system-operation" : n)}`", out AccessRequest request));

        AccessModel model = PolicyFiles.Load(parse.GetValue(_file)!);
        var inputs = new PolicyInputs(model);
        UserId? user = null;
        if (userText is not null)
        {
            Fail(inputs.User(userText, out UserId id));
            user = id;
        }

        if (grant is { } g)
        {
            Fail(inputs.Grant(g, user));
        }

        foreach (InputProblem problem in inputs.References(request))
        {
            Fail(problem);
        }

        AccessSnapshot snapshot = Snapshots.Compile(model);
        AccessPrincipal principal = Values.Principal(snapshot, user, grant, now);
        var names = new UnitNames(model);
        bool json = parse.GetValue(_json);
        TextWriter stdout = _context.Stdout;
        if (parse.GetValue(_explain))
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

    private RequestSpec Spec(ParseResult parse)
    {
        if (CliOptions.Value(parse, _systemOperation) is { } code)
        {
            Forbid(parse, _object, "with `--system-operation`");
            Forbid(parse, _operation, "with `--system-operation`");
            Forbid(parse, _record, "with `--system-operation`");
            Forbid(parse, _column, "with `--system-operation`");
            Forbid(parse, _share, "with `--system-operation`");
            return new RequestSpec(AccessRequestKind.SystemOperation, null, null, null, code);
        }

        string objectName = Required(parse, _object);
        string operation = Required(parse, _operation);
        string? record = CliOptions.Value(parse, _record);
        string? column = CliOptions.Value(parse, _column);
        if (parse.GetValue(_share))
        {
            Forbid(parse, _column, "with `--share`");
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

    private static string Required(ParseResult parse, Option<string> option) =>
        CliOptions.Value(parse, option) ?? throw new UsageException($"`check`: missing required option `{option.Name}`.");

    private static void Forbid(ParseResult parse, Option option, string because)
    {
        if (parse.GetResult(option) is { Implicit: false })
        {
            throw new UsageException($"`check`: option `{option.Name}` cannot be used {because}.");
        }
    }

    private static void Fail(string? option, string? error)
    {
        if (error is not null)
        {
            throw new UsageException(option is null ? $"`check`: {error}" : $"`check`: option `{option}`: {error}");
        }
    }

    private static void Fail(InputProblem? problem)
    {
        if (problem is not null)
        {
            Fail(OptionOf(problem.Member), problem.Message);
        }
    }

    /// <summary>The option that gives a request member.</summary>
    internal static string OptionOf(string member) => member switch
    {
        "supportGrant" => "--support-grant",
        "systemOperation" => "--system-operation",
        _ => $"--{member}",
    };
}
