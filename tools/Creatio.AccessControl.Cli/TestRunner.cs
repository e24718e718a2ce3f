namespace Creatio.AccessControl.Cli;

/// <summary>Why a test case failed.</summary>
internal enum TestFailureKind
{
    /// <summary>The case passed.</summary>
    None,

    /// <summary>The engine decided otherwise than the case expects.</summary>
    DecisionMismatch,

    /// <summary>The case names a user, support grant, object, column, record or system operation the policy does not
    /// resolve, and does not expect the reason the engine gives for it.</summary>
    UnresolvedReference,
}

/// <summary>The outcome of one test case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Actual">The engine's decision, when the case was run.</param>
/// <param name="Failure">Why it failed, or <see cref="TestFailureKind.None"/>.</param>
/// <param name="Message">One line saying why it failed; <see langword="null"/> when it passed.</param>
/// <param name="Details">The lines that explain the failure (expected and actual, or the unresolved inputs).</param>
/// <param name="Time">How long the case took.</param>
internal sealed record TestCaseResult(
    TestCase Case,
    AccessDecision? Actual,
    TestFailureKind Failure,
    string? Message,
    IReadOnlyList<string> Details,
    TimeSpan Time)
{
    public bool Passed => Failure == TestFailureKind.None;
}

/// <summary>The outcome of one test file.</summary>
/// <param name="File">The test file as named on the command line (or expanded from a pattern).</param>
/// <param name="StartedAt">When the file started to run.</param>
/// <param name="Time">How long the file took.</param>
/// <param name="Cases">The cases' outcomes; empty when the file could not be run.</param>
/// <param name="Problem">Why the file could not be run: <see cref="ExitCodes.Usage"/> (unreadable),
/// <see cref="ExitCodes.InvalidInput"/> (an invalid test file or policy), or <see cref="ExitCodes.Success"/> when it ran.</param>
/// <param name="ProblemSource">What was unreadable or invalid: the test file, or its policy.</param>
/// <param name="Problems">The problems, one per line.</param>
internal sealed record TestFileResult(
    string File,
    DateTimeOffset StartedAt,
    TimeSpan Time,
    IReadOnlyList<TestCaseResult> Cases,
    int Problem,
    string? ProblemSource,
    IReadOnlyList<string> Problems)
{
    /// <summary>Gets the names of the policy's units, for output; <see langword="null"/> when the file did not run.</summary>
    public UnitNames? Names { get; init; }

    public bool Ran => Problem == ExitCodes.Success;

    public int Passed => Cases.Count(c => c.Passed);

    public int Failed => Cases.Count(c => !c.Passed);
}

/// <summary>Runs test files: reads each with its policy, resolves every case's inputs by <see cref="PolicyInputs"/>,
/// and compares the engine's decisions with the expected ones.</summary>
/// <remarks>A case that names an input the policy does not resolve fails, unless every such input is an unknown id or
/// name the engine looks up and the case expects exactly the reason the engine gives for it (<c>UnknownUser</c>,
/// <c>UnknownSupportGrant</c>, <c>UnknownObject</c>, <c>UnknownColumn</c>, <c>UnknownRecord</c>,
/// <c>UnknownSystemOperation</c>); then it runs like any other case.</remarks>
internal sealed class TestRunner(TimeProvider time)
{
    public TestFileResult Run(string path)
    {
        long started = time.GetTimestamp();
        DateTimeOffset startedAt = time.GetUtcNow();
        TestFileResult Stop(int problem, string source, IReadOnlyList<string> problems) =>
            new(path, startedAt, time.GetElapsedTime(started), [], problem, source, problems);

        TestFile file;
        try
        {
            file = TestFile.Parse(PolicyFiles.ReadBytes(path));
        }
        catch (UsageException exception)
        {
            return Stop(ExitCodes.Usage, path, [exception.Message]);
        }

        if (file.Errors.Count > 0)
        {
            return Stop(ExitCodes.InvalidInput, $"{path}: invalid test file", file.Errors);
        }

        string policySource = file.PolicyFile is { } relative
            ? Path.Combine(Path.GetDirectoryName(path) is { Length: > 0 } directory ? directory : ".", relative)
            : $"{path} ($.policy)";
        AccessModel model;
        AccessSnapshot snapshot;
        try
        {
            model = file.InlinePolicy is { } inline
                ? Serialization.AccessPolicyJson.Deserialize(inline)
                : PolicyFiles.Load(policySource);
            snapshot = Snapshots.Compile(model);
        }
        catch (UsageException exception)
        {
            return Stop(ExitCodes.Usage, policySource, [exception.Message]);
        }
        catch (AccessModelValidationException exception)
        {
            return Stop(ExitCodes.InvalidInput, $"{policySource}: invalid policy document", [.. exception.Errors.Select(e => $"{e.Code}: {e.Message}")]);
        }

        var inputs = new PolicyInputs(model);
        var names = new UnitNames(model);
        TestCaseResult[] cases = [.. file.Cases.Select(test => RunCase(test, file.Now, inputs, snapshot, names))];
        return new TestFileResult(path, startedAt, time.GetElapsedTime(started), cases, ExitCodes.Success, null, []) { Names = names };
    }

    private TestCaseResult RunCase(TestCase test, DateTimeOffset now, PolicyInputs inputs, AccessSnapshot snapshot, UnitNames names)
    {
        long started = time.GetTimestamp();
        var problems = new List<InputProblem>();
        UserId? user = null;
        if (test.User is { } userText)
        {
            if (inputs.User(userText, out UserId id) is { } problem)
            {
                problems.Add(problem);
            }

            user = id;
        }

        SupportGrantId? grant = null;
        if (test.SupportGrant is { } grantText)
        {
            Values.Grant(grantText, out SupportGrantId id);
            if (inputs.Grant(id, user) is { } problem)
            {
                problems.Add(problem);
            }

            grant = id;
        }

        test.Request.TryBuild(n => n, out AccessRequest request);
        problems.AddRange(inputs.References(request));
        if (problems.Count > 0 && !problems.All(p => p.Expectable != AccessReason.None && p.Expectable == test.Reason))
        {
            return new TestCaseResult(
                test,
                null,
                TestFailureKind.UnresolvedReference,
                $"{test.Path}.{problems[0].Member}: {problems[0].Message}",
                [.. problems.Select(p => $"{test.Path}.{p.Member}: {p.Message}{ExpectHint(p, problems.Count)}")],
                time.GetElapsedTime(started));
        }

        AccessDecision actual = Values.Principal(snapshot, user, grant, now).Check(request);
        bool passed = actual.Outcome == test.Decision &&
                      (test.Stage is not { } stage || stage == actual.Stage) &&
                      (test.Reason is not { } reason || reason == actual.Reason);
        return passed
            ? new TestCaseResult(test, actual, TestFailureKind.None, null, [], time.GetElapsedTime(started))
            : new TestCaseResult(
                test,
                actual,
                TestFailureKind.DecisionMismatch,
                $"expected {Expected(test)}; actual {DecisionOutput.Line(actual, names)}",
                [$"expected: {Expected(test)}", $"actual:   {DecisionOutput.Line(actual, names)}"],
                time.GetElapsedTime(started));
    }

    /// <summary>The expectation as one line: <c>Deny at Object: ObjectRowDenies</c>, leaving out what is not checked.</summary>
    internal static string Expected(TestCase test)
    {
        string text = test.Decision.ToString();
        if (test.Stage is { } stage)
        {
            text += $" at {stage}";
        }

        return test.Reason is { } reason ? $"{text}: {reason}" : text;
    }

    private static string ExpectHint(InputProblem problem, int count) =>
        problem.TestHint is { } hint ? $" {hint}"
        : problem.Expectable == AccessReason.None || count > 1 ? string.Empty
        : $" If the case tests exactly that, expect the reason `{problem.Expectable}`.";
}
