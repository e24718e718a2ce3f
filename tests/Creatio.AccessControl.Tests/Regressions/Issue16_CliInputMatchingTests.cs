using Creatio.AccessControl.Cli;
using Creatio.AccessControl.Tests.Cli;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: inputs were matched three ways — <c>--user bob</c> was a usage error, <c>--operation edit</c> was
/// accepted, and <c>--object invoice</c> quietly denied (UnknownObject). Now one rule: users by GUID or name (ignoring
/// case when that is unambiguous), enumerated values in any case, objects, columns and codes exactly, and anything
/// unknown is a usage error naming the nearest known names.</summary>
public sealed class Issue16_CliInputMatchingTests
{
    private const string Deal = "30000000-0000-0000-0000-000000000001";

    private static CliResult Check(params string[] options) => CliHost.Run(["check", CliHost.PipelinePolicy, .. options]);

    private static string Error(string message, string command = "check") =>
        $"error: `{command}`: {message}\nRun `creatio-access {command} --help` for usage.\n";

    [Fact]
    public void User_NameInAnotherCase_ResolvesLikeTheExactName()
    {
        CliResult lower = Check("--user", "alice", "--object", "Opportunity", "--operation", "Create");
        CliResult exact = Check("--user", "Alice", "--object", "Opportunity", "--operation", "Create");

        Assert.Equal(ExitCodes.Negative, lower.ExitCode);
        Assert.Equal(exact.Stdout, lower.Stdout);
        Assert.Empty(lower.Stderr);
    }

    [Fact]
    public void Operation_InAnotherCase_IsAccepted()
    {
        CliResult result = Check("--user", "Mona", "--object", "Opportunity", "--operation", "dElEtE");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public void Object_InAnotherCase_IsAUsageErrorNamingTheObject()
    {
        CliResult result = Check("--user", "Alice", "--object", "invoice", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--object`: the policy has no object `invoice`. Did you mean `Invoice`?"), result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Object_Misspelled_NamesTheNearestObjects()
    {
        CliResult result = Check("--user", "Alice", "--object", "Acount", "--operation", "Read");

        Assert.Equal(Error("option `--object`: the policy has no object `Acount`. Did you mean `Account`?"), result.Stderr);
    }

    [Fact]
    public void Object_FarFromEveryName_SaysSoWithoutSuggestion()
    {
        CliResult result = Check("--user", "Alice", "--object", "Xylophone", "--operation", "Read");

        Assert.Equal(Error("option `--object`: the policy has no object `Xylophone`."), result.Stderr);
    }

    [Fact]
    public void Column_Unknown_IsAUsageErrorNamingTheNearestColumns()
    {
        CliResult result = Check("--user", "Mona", "--object", "Opportunity", "--column", "amount", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--column`: object `Opportunity` has no column `amount`. Did you mean `Amount`?"), result.Stderr);
    }

    [Fact]
    public void Column_SystemColumn_IsKnown()
    {
        CliResult result = Check("--user", "Mona", "--object", "Opportunity", "--column", "CreatedOn", "--operation", "Read");

        Assert.NotEqual(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Record_UnknownOfAnObjectWithRecordPermissions_IsAUsageError()
    {
        CliResult result = Check("--user", "Mona", "--object", "Opportunity", "--record", "30000000-0000-0000-0000-0000000000ff", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--record`: object `Opportunity` has no record `30000000-0000-0000-0000-0000000000ff` in the policy."), result.Stderr);
    }

    [Fact]
    public void Record_OfAnObjectWithoutRecordPermissions_NeedNotBeInThePolicy()
    {
        CliResult result = Check("--user", "Alice", "--object", "City", "--record", "30000000-0000-0000-0000-0000000000ff", "--operation", "Read");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Record_SharedButUnknown_IsAUsageErrorEvenWithoutRecordPermissions()
    {
        CliResult result = Check("--user", "Alice", "--object", "City", "--record", "30000000-0000-0000-0000-0000000000ff", "--operation", "Read", "--share");

        Assert.Equal(Error("option `--record`: object `City` has no record `30000000-0000-0000-0000-0000000000ff` in the policy."), result.Stderr);
    }

    [Fact]
    public void SystemOperation_Misspelled_IsAUsageErrorNamingTheNearestCode()
    {
        CliResult result = Check("--user", "Sam", "--system-operation", "CanManageSysSetings");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--system-operation`: the policy has no system operation `CanManageSysSetings`. Did you mean `CanManageSysSettings`?"), result.Stderr);
    }

    [Fact]
    public void User_UnknownGuid_IsAUsageError()
    {
        CliResult result = Check("--user", "99999999-9999-9999-9999-999999999999", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--user`: the policy has no user with id `99999999-9999-9999-9999-999999999999`."), result.Stderr);
    }

    [Fact]
    public void User_UnknownName_NamesTheNearestUsersWithTheirIds()
    {
        CliResult result = Check("--user", "Bobb", "--object", "City", "--operation", "Read");

        Assert.Equal(Error("option `--user`: the policy has no user named `Bobb`. Did you mean `Bob` (20000000-0000-0000-0000-000000000002)?"), result.Stderr);
    }

    [Fact]
    public void SupportGrant_Unknown_IsAUsageError()
    {
        CliResult result = Check("--support-grant", "40000000-0000-0000-0000-0000000000ff", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(Error("option `--support-grant`: the policy has no support grant `40000000-0000-0000-0000-0000000000ff`."), result.Stderr);
    }

    [Fact]
    public void EffectiveRoles_MatchesUsersTheSameWay()
    {
        CliResult lower = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "mona");
        CliResult unknown = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Mono");

        Assert.Equal(ExitCodes.Success, lower.ExitCode);
        Assert.StartsWith("Effective roles of Mona (", lower.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            Error("option `--user`: the policy has no user named `Mono`. Did you mean `Mona` (20000000-0000-0000-0000-000000000003)?", "effective-roles"),
            unknown.Stderr);
    }

    [Fact]
    public void TestFile_MatchesInputsTheSameWay()
    {
        string path = CliHost.TempFile("matching.test.json", $$"""
            {
              "policyFile": "{{CliHost.PipelinePolicy.Replace("\\", "\\\\", StringComparison.Ordinal)}}",
              "now": "2025-03-10T12:00:00Z",
              "requests": [
                { "description": "user and operation in another case", "user": "alice", "kind": "OBJECT", "object": "Opportunity",
                  "operation": "create", "expect": { "decision": "deny", "stage": "object", "reason": "objectRowDenies" } },
                { "description": "object in another case", "user": "Alice", "kind": "record", "object": "opportunity",
                  "record": "{{Deal}}", "operation": "Read", "expect": { "decision": "Deny" } }
              ]
            }
            """);

        CliResult result = CliHost.Run("test", path);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Contains(
            "  $.requests[1].object: the policy has no object `opportunity`. Did you mean `Opportunity`? If the case tests exactly that, expect the reason `UnknownObject`.\n",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.EndsWith("1 file, 2 cases: 1 passed, 1 failed (0.000 s)\n", result.Stdout, StringComparison.Ordinal);
    }
}
