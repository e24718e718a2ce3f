namespace Creatio.AccessControl.Cli;

/// <summary><c>test FILE [--json]</c>: runs a test file of requests and expected decisions.</summary>
internal static class TestCommand
{
    private static readonly string[] s_valued = [];
    private static readonly string[] s_flags = ["--json"];

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        CommandLine line = CommandLine.Parse("test", args, s_valued, s_flags);
        TestFile file = TestFile.Parse(PolicyFiles.ReadBytes(line.File));
        if (file.Errors.Count > 0)
        {
            WriteProblems(stderr, line.File, file.Errors);
            return ExitCodes.InvalidInput;
        }

        AccessModel model;
        string policySource = file.PolicyFile is { } relative
            ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(line.File)) ?? ".", relative)
            : $"{line.File} ($.policy)";
        try
        {
            model = file.InlinePolicy is { } inline
                ? Serialization.AccessPolicyJson.Deserialize(inline)
                : PolicyFiles.Load(policySource);
        }
        catch (AccessModelValidationException exception)
        {
            PolicyFiles.WriteErrors(stderr, policySource, exception.Errors);
            return ExitCodes.InvalidInput;
        }

        // Resolve every user and grant before running anything, so that a mistake in the file is reported as such.
        var problems = new List<string>();
        var resolved = new List<(TestCase Case, UserId? User, SupportGrantId? Grant, AccessRequest Request)>();
        foreach (TestCase test in file.Cases)
        {
            string path = $"$.requests[{test.Index}]";
            UserId? user = null;
            SupportGrantId? grant = null;
            if (test.User is { } userText)
            {
                if (Values.User(model, userText, out UserId id) is { } error)
                {
                    problems.Add($"{path}.user: {error}");
                    continue;
                }

                user = id;
            }

            if (test.SupportGrant is { } grantText)
            {
                if (Values.Grant(grantText, out SupportGrantId id) is { } error)
                {
                    problems.Add($"{path}.supportGrant: {error}");
                    continue;
                }

                grant = id;
                if (Values.GrantAgreesWithUser(model, id, user) is { } mismatch)
                {
                    problems.Add($"{path}: {mismatch}");
                    continue;
                }
            }

            test.Request.TryBuild(n => n, out AccessRequest request);
            resolved.Add((test, user, grant, request));
        }

        if (problems.Count > 0)
        {
            WriteProblems(stderr, line.File, problems);
            return ExitCodes.InvalidInput;
        }

        AccessSnapshot snapshot = Snapshots.Compile(model);
        var names = new UnitNames(model);
        var results = new List<(TestCase Case, AccessDecision Actual, bool Passed)>();
        foreach ((TestCase test, UserId? user, SupportGrantId? grant, AccessRequest request) in resolved)
        {
            AccessDecision actual = Values.Principal(snapshot, user, grant, file.Now).Check(request);
            bool passed = actual.Outcome == test.Decision &&
                          (test.Stage is not { } stage || stage == actual.Stage) &&
                          (test.Reason is not { } reason || reason == actual.Reason);
            results.Add((test, actual, passed));
        }

        int failed = results.Count(r => !r.Passed);
        int passedCount = results.Count - failed;
        if (line.Has("--json"))
        {
            stdout.WriteLine(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("file", line.File);
                w.WriteNumber("passed", passedCount);
                w.WriteNumber("failed", failed);
                w.WriteStartArray("results");
                foreach ((TestCase test, AccessDecision actual, bool passed) in results)
                {
                    w.WriteStartObject();
                    w.WriteNumber("index", test.Index);
                    w.WriteString("description", test.Description);
                    w.WriteBoolean("passed", passed);
                    w.WriteStartObject("expected");
                    w.WriteString("decision", test.Decision.ToString());
                    w.WriteString("stage", test.Stage?.ToString());
                    w.WriteString("reason", test.Reason?.ToString());
                    w.WriteEndObject();
                    w.WriteStartObject("actual");
                    DecisionOutput.WriteMembers(w, actual, names);
                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            foreach ((TestCase test, AccessDecision actual, bool passed) in results.Where(r => !r.Passed))
            {
                stdout.WriteLine($"FAIL $.requests[{test.Index}] {test.Description}");
                stdout.WriteLine($"  expected: {Expected(test)}");
                stdout.WriteLine($"  actual:   {DecisionOutput.Line(actual, names)}");
            }

            stdout.WriteLine($"{passedCount} passed, {failed} failed");
        }

        return failed == 0 ? ExitCodes.Success : ExitCodes.Negative;
    }

    private static string Expected(TestCase test)
    {
        string text = test.Decision.ToString();
        if (test.Stage is { } stage)
        {
            text += $" at {stage}";
        }

        return test.Reason is { } reason ? $"{text}: {reason}" : text;
    }

    private static void WriteProblems(TextWriter writer, string file, IReadOnlyList<string> problems)
    {
        writer.WriteLine($"{file}: invalid test file: {PolicyFiles.Plural(problems.Count, "problem")}:");
        foreach (string problem in problems)
        {
            writer.WriteLine($"  {problem}");
        }
    }
}
