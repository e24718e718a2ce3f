using System.Text.Json;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class TestCommandTests
{
    private const string InlineHeader = """
        {
          "policy": {
            "formatVersion": 1,
            "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice" } ],
            "objects": [ { "name": "City", "category": "Lookup" } ]
          },
          "now": "2025-03-10T12:00:00Z",
        """;

    [Fact]
    public void Test_PipelineScenario_AllPass()
    {
        CliResult result = CliHost.Run("test", CliHost.PipelineTest);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stdout + result.Stderr);
        Assert.Equal($"{CliHost.PipelineTest}: 92 passed, 0 failed\n1 file, 92 cases: 92 passed, 0 failed (0.000 s)\n", result.Stdout);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Test_PipelineScenario_HasAtLeastFortyRequests()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(CliHost.PipelineTest));

        Assert.True(json.RootElement.GetProperty("requests").GetArrayLength() >= 40);
    }

    [Fact]
    public void Test_InlinePolicy_RunsAndReportsFailures()
    {
        string path = CliHost.TempFile("inline.test.json", InlineHeader + """
              "requests": [
                { "description": "reads cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Read",
                  "expect": { "decision": "Allow", "stage": "Object", "reason": "OperationPermissionsOff" } },
                { "description": "wrongly expects a deny", "user": "Alice", "kind": "object", "object": "City", "operation": "Edit",
                  "expect": { "decision": "Deny", "reason": "ObjectRowDenies" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                $"FAIL {path} $.requests[1] (line 10): wrongly expects a deny",
                "  expected: Deny: ObjectRowDenies",
                "  actual:   Allow at Object: OperationPermissionsOff",
                $"{path}: 1 passed, 1 failed",
                "1 file, 2 cases: 1 passed, 1 failed (0.000 s)",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Test_Json_ListsEveryResult()
    {
        CliResult result = CliHost.Run("test", CliHost.PipelineTest, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal(1, root.GetProperty("files").GetInt32());
        Assert.Equal(0, root.GetProperty("filesNotRun").GetInt32());
        Assert.Equal(92, root.GetProperty("cases").GetInt32());
        Assert.Equal(92, root.GetProperty("passed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        JsonElement file = root.GetProperty("results")[0];
        Assert.Equal(CliHost.PipelineTest, file.GetProperty("file").GetString());
        Assert.True(file.GetProperty("ran").GetBoolean());
        JsonElement first = file.GetProperty("cases")[0];
        Assert.True(first.GetProperty("passed").GetBoolean());
        Assert.Equal(6, first.GetProperty("line").GetInt32());
        Assert.Equal("UnknownUser", first.GetProperty("expected").GetProperty("reason").GetString());
        Assert.Equal("UnknownUser", first.GetProperty("actual").GetProperty("reason").GetString());
    }

    [Fact]
    public void Test_UnknownAndMissingMembers_ReportedWithPaths()
    {
        string path = CliHost.TempFile("bad.test.json", InlineHeader + """
              "requests": [
                { "description": "typo", "user": "Alice", "kind": "object", "object": "City", "operation": "Read",
                  "expect": { "decison": "Allow" } },
                { "description": "bad kind", "user": "Alice", "kind": "table", "object": "City", "operation": "Read",
                  "expect": { "decision": "Allow", "reason": "Because" } },
                { "user": "Nobody", "kind": "record", "object": "City", "operation": "Read", "expect": { "decision": "Maybe" } }
              ],
              "extra": true
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(
            $"""
            {path}: invalid test file: 7 problems:
              $ (line 14): Member `extra` is not part of the test file format here; expected one of `$schema`, `description`, `policy`, `policyFile`, `now`, `requests`.
              $.requests[0].expect (line 9): Member `decison` is not part of the test file format here; expected one of `decision`, `stage`, `reason`.
              $.requests[0].expect (line 9): Missing required member `decision`.
              $.requests[1].kind (line 10): `table` is not a request kind; expected one of `object`, `record`, `column`, `systemOperation`, `share`.
              $.requests[1].expect.reason (line 11): `Because` is not a reason; expected one of {ReasonNames()}.
              $.requests[2] (line 12): Missing required member `description`.
              $.requests[2].expect.decision (line 12): `Maybe` is not a decision; expected `Allow` or `Deny`.

            """,
            result.Stderr);
    }

    [Fact]
    public void Test_UnresolvableUser_FailsTheCaseWithItsPath()
    {
        string path = CliHost.TempFile("user.test.json", InlineHeader + """
              "requests": [
                { "description": "who?", "user": "Alicia", "kind": "object", "object": "City", "operation": "Read",
                  "expect": { "decision": "Deny" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                $"FAIL {path} $.requests[0] (line 8): who?",
                "  $.requests[0].user: the policy has no user named `Alicia`. Did you mean `Alice` (20000000-0000-0000-0000-000000000001)? To test an unknown user, give a GUID the policy does not have and expect the reason `UnknownUser`.",
                $"{path}: 0 passed, 1 failed",
                "1 file, 1 case: 0 passed, 1 failed (0.000 s)",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Test_InvalidInlinePolicy_ReportsTheTestFilesLines()
    {
        string path = CliHost.TempFile("badpolicy.test.json", """
            {
              "now": "2025-03-10T12:00:00Z",
              "policy": {
                "formatVersion": 1,
                "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice", "age": 3 } ]
              },
              "requests": [
                { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Deny" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("$.users[0].age (line 5): Member `age` is not part of the format here", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_NotJson_ReportsTheLine()
    {
        string path = CliHost.TempFile("broken.test.json", "{\n  \"now\": \n}");

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("$ (line 3): The file is not valid JSON:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_BothPolicyAndPolicyFile_Refused()
    {
        string path = CliHost.TempFile("both.test.json", InlineHeader + """
              "policyFile": "p.json",
              "requests": [
                { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("$ (line 1): Give exactly one of `policy` (an inline policy document) and `policyFile` (a path relative to the test file).", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_SeveralFiles_RunsEachAndSumsThemUp()
    {
        string passing = CliHost.TempFile("passing.test.json", InlineHeader + """
              "requests": [
                { "description": "reads cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } }
              ]
            }
            """);
        string failing = CliHost.TempFile("failing.test.json", InlineHeader + """
              "requests": [
                { "description": "reads cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } },
                { "description": "edits cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Edit", "expect": { "decision": "Deny" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", passing, CliHost.PipelineTest, failing);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                $"{passing}: 1 passed, 0 failed",
                $"{CliHost.PipelineTest}: 92 passed, 0 failed",
                $"FAIL {failing} $.requests[1] (line 9): edits cities",
                "  expected: Deny",
                "  actual:   Allow at Object: OperationPermissionsOff",
                $"{failing}: 1 passed, 1 failed",
                "3 files, 95 cases: 94 passed, 1 failed (0.000 s)",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Test_AnInvalidFile_DoesNotStopTheOthers()
    {
        string invalid = CliHost.TempFile("invalid.test.json", """{ "now": "soon", "policyFile": "p.json", "requests": [] }""");

        CliResult result = CliHost.Run("test", invalid, CliHost.PipelineTest);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Equal(
            [
                $"{invalid}: not run (invalid)",
                $"{CliHost.PipelineTest}: 92 passed, 0 failed",
                "2 files (1 not run), 92 cases: 92 passed, 0 failed (0.000 s)",
            ],
            result.StdoutLines);
        Assert.StartsWith($"{invalid}: invalid test file: 2 problems:\n  $.now (line 1): `soon` is not an ISO 8601 instant;", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_MissingPolicyFile_IsUnreadable()
    {
        string path = CliHost.TempFile("orphan.test.json", """
            { "policyFile": "missing.policy.json", "now": "2025-03-10T12:00:00Z",
              "requests": [ { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } } ] }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Cannot read `", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("missing.policy.json", result.Stderr, StringComparison.Ordinal);
        Assert.Equal($"{path}: not run (unreadable)", result.StdoutLines[0]);
    }

    [Fact]
    public void Test_PatternMatchingNothing_UsageErrorBeforeRunningAnything()
    {
        string directory = Path.GetDirectoryName(CliHost.TempFile("a.txt", "x"))!;

        CliResult result = CliHost.Run("test", CliHost.PipelineTest, Path.Combine(directory, "*.test.json"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            $"error: `test`: `{Path.Combine(directory, "*.test.json")}` matches no file.\nRun `creatio-access test --help` for usage.\n",
            result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Test_Pattern_RunsEveryMatchingFile()
    {
        string directory = Path.GetDirectoryName(CliHost.TempFile("one.test.json", InlineHeader + """
              "requests": [ { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } } ]
            }
            """))!;
        File.Copy(Path.Combine(directory, "one.test.json"), Path.Combine(directory, "two.test.json"));

        CliResult result = CliHost.Run("test", Path.Combine(directory, "*.test.json"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [
                $"{Path.Combine(directory, "one.test.json")}: 1 passed, 0 failed",
                $"{Path.Combine(directory, "two.test.json")}: 1 passed, 0 failed",
                "2 files, 2 cases: 2 passed, 0 failed (0.000 s)",
            ],
            result.StdoutLines);
    }

    private static string ReasonNames() => string.Join(", ", Enum.GetNames<AccessReason>().Select(n => $"`{n}`"));
}
