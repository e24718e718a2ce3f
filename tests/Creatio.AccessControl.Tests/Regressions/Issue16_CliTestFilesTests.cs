using Creatio.AccessControl.Cli;
using Creatio.AccessControl.Tests.Cli;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16, test files: <c>"$schema"</c> was refused; a case naming an unknown user, object, record or column
/// passed whenever the engine's deny happened to match; dates in any format <c>DateTimeOffset.TryParse</c> took were
/// accepted.</summary>
public sealed class Issue16_CliTestFilesTests
{
    private const string Policy = """
          "policy": {
            "formatVersion": 1,
            "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice" } ],
            "objects": [
              { "name": "City", "category": "Lookup", "columns": [ "Name" ] },
              { "name": "Deal", "useRecordPermissions": true }
            ],
            "records": [ { "object": "Deal", "id": "30000000-0000-0000-0000-000000000001" } ]
          },
        """;

    private static CliResult RunCases(string now, string requests) =>
        CliHost.Run("test", CliHost.TempFile("case.test.json", $$"""
            {
            {{Policy}}
              "now": "{{now}}",
              "requests": [
            {{requests}}
              ]
            }
            """));

    [Fact]
    public void Schema_IsAccepted()
    {
        CliResult result = CliHost.Run("test", CliHost.TempFile("schema.test.json", $$"""
            {
              "$schema": "https://github.com/creatio-accesscontrol/Creatio.AccessControl/schemas/access-tests.v1.schema.json",
            {{Policy}}
              "now": "2025-03-10T12:00:00Z",
              "requests": [
                { "description": "reads cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } }
              ]
            }
            """));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stderr);
    }

    [Theory]
    [InlineData("10/03/2025")]
    [InlineData("March 10, 2025")]
    [InlineData("2025-03-10 12:00:00")]
    [InlineData("2025-3-10")]
    [InlineData("2025-03-10T12:00:00.Z")]
    [InlineData("2025-03-10T12:00:00+02")]
    [InlineData(" 2025-03-10T12:00:00Z")]
    [InlineData("20250310")]
    public void Now_NotIso8601_IsRefusedWithItsLine(string now)
    {
        CliResult result = RunCases(now, """
                { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } }
            """);

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.Contains($"  $.now (line 11): `{now}` is not an ISO 8601 instant;", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-03-10T12:00:00Z")]
    [InlineData("2025-03-10T12:00:00.125Z")]
    [InlineData("2025-03-10T14:00:00+02:00")]
    [InlineData("2025-03-10T12:00Z")]
    [InlineData("2025-03-10T12:00:00")]
    [InlineData("2025-03-10")]
    public void Now_Iso8601_IsAccepted(string now)
    {
        CliResult result = RunCases(now, """
                { "description": "x", "user": "Alice", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Allow" } }
            """);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stderr);
    }

    [Fact]
    public void At_NotIso8601_IsAUsageError()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--object", "City", "--operation", "Read", "--at", "10/03/2025 12:00");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `check`: option `--at`: `10/03/2025 12:00` is not an ISO 8601 instant;", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "description": "x", "user": "20000000-0000-0000-0000-0000000000ff", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Deny" } }""", "$.requests[0].user: the policy has no user with id `20000000-0000-0000-0000-0000000000ff`. If the case tests exactly that, expect the reason `UnknownUser`.")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "object", "object": "Town", "operation": "Read", "expect": { "decision": "Deny" } }""", "$.requests[0].object: the policy has no object `Town`. If the case tests exactly that, expect the reason `UnknownObject`.")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "column", "object": "City", "column": "Size", "operation": "Read", "expect": { "decision": "Deny", "stage": "Column" } }""", "$.requests[0].column: object `City` has no column `Size`. If the case tests exactly that, expect the reason `UnknownColumn`.")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "record", "object": "Deal", "record": "30000000-0000-0000-0000-0000000000ff", "operation": "Read", "expect": { "decision": "Deny" } }""", "$.requests[0].record: object `Deal` has no record `30000000-0000-0000-0000-0000000000ff` in the policy. If the case tests exactly that, expect the reason `UnknownRecord`.")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "systemOperation", "operation": "CanFly", "expect": { "decision": "Deny", "reason": "UnknownObject" } }""", "$.requests[0].systemOperation: the policy has no system operation `CanFly`. If the case tests exactly that, expect the reason `UnknownSystemOperation`.")]
    [InlineData("""{ "description": "x", "supportGrant": "40000000-0000-0000-0000-0000000000ff", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Deny" } }""", "$.requests[0].supportGrant: the policy has no support grant `40000000-0000-0000-0000-0000000000ff`. If the case tests exactly that, expect the reason `UnknownSupportGrant`.")]
    public void UnknownReference_NotExpected_FailsTheCase(string request, string detail)
    {
        CliResult result = RunCases("2025-03-10T12:00:00Z", request);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal($"  {detail}", result.StdoutLines[1]);
    }

    [Theory]
    [InlineData("""{ "description": "x", "user": "20000000-0000-0000-0000-0000000000ff", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Deny", "reason": "UnknownUser" } }""")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "object", "object": "Town", "operation": "Read", "expect": { "decision": "Deny", "stage": "Object", "reason": "UnknownObject" } }""")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "column", "object": "City", "column": "Size", "operation": "Read", "expect": { "decision": "Deny", "reason": "UnknownColumn" } }""")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "record", "object": "Deal", "record": "30000000-0000-0000-0000-0000000000ff", "operation": "Read", "expect": { "decision": "Deny", "reason": "UnknownRecord" } }""")]
    [InlineData("""{ "description": "x", "user": "Alice", "kind": "systemOperation", "operation": "CanFly", "expect": { "decision": "Deny", "reason": "UnknownSystemOperation" } }""")]
    [InlineData("""{ "description": "x", "supportGrant": "40000000-0000-0000-0000-0000000000ff", "kind": "object", "object": "City", "operation": "Read", "expect": { "decision": "Deny", "reason": "UnknownSupportGrant" } }""")]
    public void UnknownReference_Expected_RunsAndPasses(string request)
    {
        CliResult result = RunCases("2025-03-10T12:00:00Z", request);

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stdout + result.Stderr);
    }

    [Fact]
    public void UnknownReference_TwoInOneCase_FailsThoughOneIsExpected()
    {
        // The engine stops at the unknown user, so a case expecting UnknownUser would not test the object at all.
        CliResult result = RunCases("2025-03-10T12:00:00Z", """
                { "description": "x", "user": "20000000-0000-0000-0000-0000000000ff", "kind": "object", "object": "Town", "operation": "Read", "expect": { "decision": "Deny", "reason": "UnknownUser" } }
            """);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                "  $.requests[0].user: the policy has no user with id `20000000-0000-0000-0000-0000000000ff`.",
                "  $.requests[0].object: the policy has no object `Town`.",
            ],
            result.StdoutLines[1..3]);
    }
}
