namespace Creatio.AccessControl.Cli;

/// <summary>The <c>creatio-access</c> tool: its entry point, callable in-process.</summary>
/// <remarks>Exit codes (<see cref="ExitCodes"/>): 0 success (valid, allowed, all tests passed); 1 the negative answer
/// (invalid policy for <c>validate</c>, denied for <c>check</c>, a failed test for <c>test</c>); 2 a usage error or an
/// unreadable file; 3 an invalid policy document or test file for the commands that need a valid one.</remarks>
public static class CliApp
{
    internal const string Usage = """
        Usage: creatio-access COMMAND FILE [options]

        Commands:
          validate FILE [--json]
              Report every problem of a policy document; exit 1 if it has any.
          check FILE (--user USER | --support-grant ID) [--object NAME --operation OP]
                [--record ID] [--column NAME] [--share] [--system-operation CODE]
                [--at TIME] [--explain] [--json]
              Decide one request; exit 0 when allowed, 1 when denied.
          test FILE [--json]
              Run a test file of requests and expected decisions; exit 1 if any fails.
          effective-roles FILE --user USER [--at TIME] [--json]
              List the user's effective roles E(u) and how each was obtained.

        USER is a user's GUID or the exact name of exactly one user of the policy.
        TIME is an ISO 8601 instant (default: now); without an offset it is UTC.
        OP is Read, Create, Edit or Delete (records and sharing: Read, Edit, Delete; columns: Read, Edit).
        check asks about a record with --record, a column with --column (and optionally --record),
        sharing an operation on a record with --share --record, and a system operation with
        --system-operation CODE (then without --object and --operation).

        Exit codes: 0 valid / allowed / all tests passed; 1 invalid / denied / a test failed;
                    2 usage error or unreadable file; 3 invalid policy document or test file.
        Options: --help shows this text.
        """;

    /// <summary>Runs the tool.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors and invalid-input reports go.</param>
    /// <param name="time">The clock for <c>--at</c>'s default.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            if (args.Length == 0)
            {
                throw new UsageException("missing a command.");
            }

            if (args.Any(a => a is "--help" or "-h") || args[0] == "help")
            {
                stdout.Write(Usage.ReplaceLineEndings("\n"));
                stdout.Write('\n');
                return ExitCodes.Success;
            }

            ReadOnlySpan<string> rest = args.AsSpan(1);
            return args[0] switch
            {
                "validate" => ValidateCommand.Run(rest, stdout),
                "check" => CheckCommand.Run(rest, stdout, time),
                "test" => TestCommand.Run(rest, stdout, stderr),
                "effective-roles" => EffectiveRolesCommand.Run(rest, stdout, time),
                _ => throw new UsageException($"unknown command `{args[0]}`; expected one of `validate`, `check`, `test`, `effective-roles`."),
            };
        }
        catch (UsageException exception)
        {
            stderr.WriteLine($"error: {exception.Message}");
            stderr.WriteLine("Run `creatio-access --help` for usage.");
            return ExitCodes.Usage;
        }
        catch (AccessModelValidationException exception)
        {
            PolicyFiles.WriteErrors(stderr, "invalid policy document", exception.Errors);
            return ExitCodes.InvalidInput;
        }
    }
}
