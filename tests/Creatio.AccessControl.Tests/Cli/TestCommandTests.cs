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
        Assert.Equal("92 passed, 0 failed\n", result.Stdout);
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
                "FAIL $.requests[1] wrongly expects a deny",
                "  expected: Deny: ObjectRowDenies",
                "  actual:   Allow at Object: OperationPermissionsOff",
                "1 passed, 1 failed",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Test_Json_ListsEveryResult()
    {
        CliResult result = CliHost.Run("test", CliHost.PipelineTest, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(92, json.RootElement.GetProperty("passed").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("failed").GetInt32());
        JsonElement first = json.RootElement.GetProperty("results")[0];
        Assert.True(first.GetProperty("passed").GetBoolean());
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
              $: Member `extra` is not part of the test file format here; expected one of `description`, `policy`, `policyFile`, `now`, `requests`.
              $.requests[0].expect: Member `decison` is not part of the test file format here; expected one of `decision`, `stage`, `reason`.
              $.requests[0].expect: Missing required member `decision`.
              $.requests[1].kind: `table` is not a request kind; expected one of `object`, `record`, `column`, `systemOperation`, `share`.
              $.requests[1].expect.reason: `Because` is not a reason; expected one of {ReasonNames()}.
              $.requests[2]: Missing required member `description`.
              $.requests[2].expect.decision: `Maybe` is not a decision; expected `Allow` or `Deny`.

            """,
            result.Stderr);
    }

    [Fact]
    public void Test_UnresolvableUser_ReportedWithPath()
    {
        string path = CliHost.TempFile("user.test.json", InlineHeader + """
              "requests": [
                { "description": "who?", "user": "Bob", "kind": "record", "object": "City", "record": "30000000-0000-0000-0000-000000000001", "operation": "Read",
                  "expect": { "decision": "Deny" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains("  $.requests[0].user: `Bob` is neither a GUID nor the exact name of a user of the policy.", result.Stderr, StringComparison.Ordinal);
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
        Assert.Contains("$: Give exactly one of `policy` (an inline policy document) and `policyFile` (a path relative to the test file).", result.Stderr, StringComparison.Ordinal);
    }

    private static string ReasonNames() => string.Join(", ", Enum.GetNames<AccessReason>().Select(n => $"`{n}`"));
}
