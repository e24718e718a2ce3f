using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>test FILE... [--json] [--junit PATH]</c>: runs test files of requests and expected decisions.</summary>
internal static class TestCommand
{
    internal const string Notes = """
        FILE is a test file or a pattern: * matches within a name, ? one character, ** any number of folders.
        Quote a pattern to have the tool expand it (on Windows, or to reach into subfolders): "policies/tests/**/*.json".
        A test file names its policy (policyFile, relative to the test file, or policy inline), the instant the
        requests are made at (now) and the requests with their expected decisions; its JSON Schema,
        access-tests.v1.schema.json, ships in the tool's package (schemas/) and may be named by "$schema".
        A case that names an unknown user, support grant, object, column, record or system operation fails, unless it
        expects the reason the engine gives for it: UnknownUser, UnknownSupportGrant, UnknownObject, UnknownColumn,
        UnknownRecord or UnknownSystemOperation.
        Exit code 0 when every case passed, 1 when a case failed, 3 when a test file or its policy is invalid, 2 when one
        cannot be read.
        """;

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Test files, or patterns of test files.",
        };
        Option<bool> json = CliOptions.Json();
        var junit = new Option<string>("--junit")
        {
            HelpName = "PATH",
            Description = "Also write the results as JUnit XML to PATH, for CI servers: a testsuite per file, a testcase per case.",
        };
        var command = new Command("test", "Run test files of requests and expected decisions; print a summary; exit 1 if a case fails.")
        {
            files, json, junit,
        };
        command.SetAction(parse => Run(parse.GetValue(files)!, parse.GetValue(json), CliOptions.Value(parse, junit), context));
        return command;
    }

    private static int Run(string[] arguments, bool json, string? junit, CliContext context)
    {
        IReadOnlyList<string> paths = Glob.Expand("test", arguments);
        TimeProvider time = context.Time;
        long started = time.GetTimestamp();
        var runner = new TestRunner(time);
        TestFileResult[] files = [.. paths.Select(runner.Run)];
        TimeSpan total = time.GetElapsedTime(started);
        foreach (TestFileResult file in files.Where(f => !f.Ran))
        {
            context.Stderr.WriteLine(file.Problem == ExitCodes.Usage ? $"error: {file.Problems[0]}" : $"{file.ProblemSource}: {PolicyFiles.Plural(file.Problems.Count, "problem")}:");
            if (file.Problem != ExitCodes.Usage)
            {
                foreach (string problem in file.Problems)
                {
                    context.Stderr.WriteLine($"  {problem}");
                }
            }
        }

        if (json)
        {
            WriteJson(context.Stdout, files, total);
        }
        else
        {
            WriteText(context.Stdout, files, total);
        }

        if (junit is not null)
        {
            JUnitReport.Write(junit, files, total);
        }

        return files.Any(f => f.Problem == ExitCodes.Usage) ? ExitCodes.Usage
            : files.Any(f => f.Problem == ExitCodes.InvalidInput) ? ExitCodes.InvalidInput
            : files.Any(f => f.Failed > 0) ? ExitCodes.Negative
            : ExitCodes.Success;
    }

    private static void WriteText(TextWriter stdout, TestFileResult[] files, TimeSpan total)
    {
        foreach (TestFileResult file in files)
        {
            foreach (TestCaseResult result in file.Cases.Where(r => !r.Passed))
            {
                stdout.WriteLine($"FAIL {file.File} {result.Case.Path} (line {result.Case.Line}): {result.Case.Description}");
                foreach (string detail in result.Details)
                {
                    stdout.WriteLine($"  {detail}");
                }
            }

            stdout.WriteLine(file.Ran
                ? $"{file.File}: {file.Passed} passed, {file.Failed} failed"
                : $"{file.File}: not run ({(file.Problem == ExitCodes.Usage ? "unreadable" : "invalid")})");
        }

        int notRun = files.Count(f => !f.Ran);
        string filesText = PolicyFiles.Plural(files.Length, "file") + (notRun > 0 ? $" ({notRun} not run)" : string.Empty);
        stdout.WriteLine(
            $"{filesText}, {PolicyFiles.Plural(files.Sum(f => f.Cases.Count), "case")}: " +
            $"{files.Sum(f => f.Passed)} passed, {files.Sum(f => f.Failed)} failed ({JUnitReport.Seconds(total)} s)");
    }

    private static void WriteJson(TextWriter stdout, TestFileResult[] files, TimeSpan total)
    {
        stdout.WriteLine(Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("files", files.Length);
            w.WriteNumber("filesNotRun", files.Count(f => !f.Ran));
            w.WriteNumber("cases", files.Sum(f => f.Cases.Count));
            w.WriteNumber("passed", files.Sum(f => f.Passed));
            w.WriteNumber("failed", files.Sum(f => f.Failed));
            w.WriteNumber("seconds", Math.Round(total.TotalSeconds, 3));
            w.WriteStartArray("results");
            foreach (TestFileResult file in files)
            {
                w.WriteStartObject();
                w.WriteString("file", file.File);
                w.WriteBoolean("ran", file.Ran);
                w.WriteString("problemSource", file.ProblemSource);
                w.WriteStartArray("problems");
                foreach (string problem in file.Problems)
                {
                    w.WriteStringValue(problem);
                }

                w.WriteEndArray();
                w.WriteNumber("passed", file.Passed);
                w.WriteNumber("failed", file.Failed);
                w.WriteNumber("seconds", Math.Round(file.Time.TotalSeconds, 3));
                w.WriteStartArray("cases");
                foreach (TestCaseResult result in file.Cases)
                {
                    WriteCase(w, result, file);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    private static void WriteCase(System.Text.Json.Utf8JsonWriter w, TestCaseResult result, TestFileResult file)
    {
        TestCase test = result.Case;
        w.WriteStartObject();
        w.WriteNumber("index", test.Index);
        w.WriteNumber("line", test.Line);
        w.WriteString("description", test.Description);
        w.WriteBoolean("passed", result.Passed);
        w.WriteString("failure", result.Passed ? null : result.Failure.ToString());
        w.WriteString("message", result.Message);
        w.WriteStartObject("expected");
        w.WriteString("decision", test.Decision.ToString());
        w.WriteString("stage", test.Stage?.ToString());
        w.WriteString("reason", test.Reason?.ToString());
        w.WriteEndObject();
        if (result.Actual is { } actual)
        {
            w.WriteStartObject("actual");
            DecisionOutput.WriteMembers(w, actual, file.Names!);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("actual");
        }

        w.WriteEndObject();
    }
}
