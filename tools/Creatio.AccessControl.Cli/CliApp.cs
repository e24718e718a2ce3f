using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Creatio.AccessControl.Cli;

/// <summary>The <c>creatio-access</c> tool: its entry point, callable in-process.</summary>
/// <remarks>Exit codes (<see cref="ExitCodes"/>): 0 success (valid, allowed, all tests passed); 1 the negative answer
/// (invalid policy for <c>validate</c>, denied for <c>check</c>, a failed test for <c>test</c>); 2 a usage error or an
/// unreadable file; 3 an invalid policy document or test file for the commands that need a valid one.</remarks>
public static class CliApp
{
    /// <summary>The tool's command name, as installed.</summary>
    internal const string ToolName = "creatio-access";

    private const string RootNotes = """
        Inputs are matched the same way by every command and in test files:
          USER    a user's GUID, or its exact name, or a name equal to exactly one user's ignoring case;
                  several matches or none is an error listing the candidates.
          OBJECT, COLUMN, CODE (system operation)
                  exact names; an unknown name is an error naming the nearest known names.
          OP      Read, Create, Edit or Delete, in any case (records and sharing: Read, Edit, Delete;
                  columns: Read, Edit).
          TIME    an ISO 8601 instant: 2025-03-10T12:00:00Z, 2025-03-10T14:00+02:00, 2025-03-10;
                  without an offset it is UTC.
          ID      records and support grants are GUIDs the policy has.

        Exit codes: 0 valid / allowed / all tests passed; 1 invalid / denied / a test failed;
                    2 usage error or unreadable file; 3 invalid policy document or test file.
        Shell completion: `creatio-access completion bash|zsh|pwsh` prints a script to source.
        """;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors and invalid-input reports go.</param>
    /// <param name="time">The clock for <c>--at</c>'s default and for the time <c>test</c> reports.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        var context = new CliContext(stdout, stderr, time);
        RootCommand root = CreateRoot(context);
        ParseResult parse = root.Parse(args);
        string command = parse.CommandResult.Command is RootCommand ? ToolName : $"{ToolName} {parse.CommandResult.Command.Name}";
        try
        {
            if (parse.Action is ParseErrorAction)
            {
                foreach (string error in parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
                {
                    stderr.WriteLine($"error: {error}{Hint(parse, error)}");
                }

                stderr.WriteLine($"Run `{command} --help` for usage.");
                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException exception)
        {
            stderr.WriteLine($"error: {exception.Message}");
            stderr.WriteLine($"Run `{command} --help` for usage.");
            return ExitCodes.Usage;
        }
        catch (AccessModelValidationException exception)
        {
            PolicyFiles.WriteErrors(stderr, "invalid policy document", exception.Errors);
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>Gets the tool's version: the informational version of its assembly.</summary>
    internal static string Version =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Builds the command tree; its actions write to the context's writers.</summary>
    internal static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("Validate Creatio.AccessControl policy documents, decide and explain requests, run test files of expected decisions, list effective roles.")
        {
            ValidateCommand.Create(context),
            CheckCommand.Create(context),
            TestCommand.Create(context),
            EffectiveRolesCommand.Create(context),
            CompletionCommand.Create(),
        };

        foreach (Option option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
            else if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                help.MaxWidth = 120;
                helpOption.Action = new ToolHelpAction(help, root.Name);
            }
        }

        return root;
    }

    /// <summary>A " Did you mean …?" for an unknown command or option, or nothing.</summary>
    private static string Hint(ParseResult parse, string error)
    {
        string? token = parse.UnmatchedTokens.FirstOrDefault(t => error.Contains($"'{t}'", StringComparison.Ordinal));
        if (token is null)
        {
            return string.Empty;
        }

        Command command = parse.CommandResult.Command;
        IEnumerable<string> known = token.StartsWith('-')
            ? command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
        return PolicyInputs.DidYouMean(known.Distinct(StringComparer.Ordinal), token);
    }

    /// <summary>Prints the library's help with the tool's installed name in the usage line (whatever the executable is
    /// called, a test host in-process), then the command's notes: how inputs are matched, exit codes, completion.</summary>
    private sealed class ToolHelpAction(HelpAction help, string executable) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            InvocationConfiguration configuration = parseResult.InvocationConfiguration;
            TextWriter output = configuration.Output;
            using var buffer = new StringWriter();
            configuration.Output = buffer;
            try
            {
                help.Invoke(parseResult);
            }
            finally
            {
                configuration.Output = output;
            }

            string text = string.Join('\n', buffer.ToString().ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');
            text = text.Replace($"Usage:\n  {executable} ", $"Usage:\n  {ToolName} ", StringComparison.Ordinal);
            output.Write(text);
            output.Write("\n\n");
            Command command = parseResult.CommandResult.Command;
            string? notes = command switch
            {
                RootCommand => RootNotes,
                { Name: "check" } => CheckCommand.Notes,
                { Name: "test" } => TestCommand.Notes,
                { Name: "completion" } => CompletionCommand.Notes,
                _ => null,
            };
            if (notes is not null)
            {
                output.Write(notes.ReplaceLineEndings("\n").TrimEnd('\n'));
                output.Write("\n\n");
            }

            return ExitCodes.Success;
        }
    }

    /// <summary>Prints the tool's version (the default action prints the entry assembly's, which is the test host's when
    /// the tool runs in-process).</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }
}
