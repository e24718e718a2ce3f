using System.Text.Json;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class CheckCommandTests
{
    private const string Mona = "20000000-0000-0000-0000-000000000003";
    private const string Deal = "30000000-0000-0000-0000-000000000001";
    private const string BothModesOn = "40000000-0000-0000-0000-000000000001";
    private const string ClosesOnMarch10 = "40000000-0000-0000-0000-000000000008";

    [Fact]
    public void Check_Allowed_PrintsDecisionAndExitsZero()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Mona", "--object", "Opportunity", "--operation", "Delete");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("Allow at Object: ObjectRowAllows (grantee Managers of Sales (10000000-0000-0000-0000-000000000004), position 0)\n", result.Stdout);
    }

    [Fact]
    public void Check_Denied_ExitsOne()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--object", "Opportunity", "--operation", "create");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal("Deny at Object: ObjectRowDenies (grantee Sales (10000000-0000-0000-0000-000000000002), position 1)\n", result.Stdout);
    }

    [Fact]
    public void Check_UserByGuidRecordAndColumn_AsJson()
    {
        CliResult result = CliHost.Run(
            "check", CliHost.PipelinePolicy, "--user", Mona, "--object", "Opportunity", "--record", Deal, "--column", "Amount", "--operation", "Edit", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement root = json.RootElement;
        Assert.Equal("Allow", root.GetProperty("decision").GetString());
        Assert.Equal("Column", root.GetProperty("stage").GetString());
        Assert.Equal("ColumnRowAllows", root.GetProperty("reason").GetString());
        Assert.Equal("Managers of Sales", root.GetProperty("granteeName").GetString());
        Assert.Equal(0, root.GetProperty("position").GetInt32());
        Assert.Equal(Mona, root.GetProperty("user").GetString());
    }

    [Fact]
    public void Check_SystemOperation_AllowedToAdministratorsByDefault()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Sam", "--system-operation", "CanManageSysSettings");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("Allow at SystemOperation: SystemAdministratorsByDefault (grantee System administrators", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Share_NeedsAllowAndGrant()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--object", "Opportunity", "--record", "30000000-0000-0000-0000-000000000007", "--operation", "Edit", "--share");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal("Deny at Record: NoGrantRight\n", result.Stdout);
    }

    [Fact]
    public void Check_SupportGrant_AppliesTheOverlay()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--support-grant", BothModesOn, "--object", "Opportunity", "--record", Deal, "--operation", "Read");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal("Deny at SupportAccess: SupportDataIsolation\n", result.Stdout);
    }

    [Fact]
    public void Check_SupportGrantWithAnotherUser_UsageError()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--support-grant", BothModesOn, "--user", "Alice", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("runs with the permissions of its grantor", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WithoutAt_UsesTheTimeProvider()
    {
        string[] args = ["check", CliHost.PipelinePolicy, "--support-grant", ClosesOnMarch10, "--object", "City", "--operation", "Read"];

        CliResult lastMinute = CliHost.RunAt(new DateTimeOffset(2025, 3, 10, 23, 59, 59, TimeSpan.Zero), args);
        CliResult nextDay = CliHost.RunAt(new DateTimeOffset(2025, 3, 11, 0, 0, 0, TimeSpan.Zero), args);

        Assert.Equal(ExitCodes.Success, lastMinute.ExitCode);
        Assert.Equal(ExitCodes.Negative, nextDay.ExitCode);
        Assert.Equal("Deny at SupportAccess: SupportGrantExpired\n", nextDay.Stdout);
    }

    [Fact]
    public void Check_At_OverridesTheClock()
    {
        CliResult result = CliHost.RunAt(
            new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
            "check", CliHost.PipelinePolicy, "--support-grant", ClosesOnMarch10, "--object", "City", "--operation", "Read", "--at", "2025-03-10T20:00:00+02:00");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public void Check_Explain_PrintsDecisionThenSteps()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Bob", "--object", "Opportunity", "--record", "30000000-0000-0000-0000-000000000003", "--operation", "Edit", "--explain");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal("Deny at Record: NoRecordRight", result.StdoutLines[0]);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("  Record: Denied (NoRecordRight)", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_ExplainAsJson_Parses()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--object", "Opportunity", "--column", "Amount", "--operation", "Edit", "--explain", "--json");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("ColumnReadOnly", json.RootElement.GetProperty("decision").GetProperty("reason").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("steps").EnumerateArray());
    }

    [Theory]
    [InlineData("`check`: missing required option `--operation`.", "--user", "Alice", "--object", "City")]
    [InlineData("`check`: missing required option `--user` (or `--support-grant`).", "--object", "City", "--operation", "Read")]
    [InlineData("`check`: `--operation`: `Share` is not an object operation; expected one of `Read`, `Create`, `Edit`, `Delete`.", "--user", "Alice", "--object", "City", "--operation", "Share")]
    [InlineData("`check`: `--operation`: `Create` is not a record operation; expected one of `Read`, `Edit`, `Delete`.", "--user", "Alice", "--object", "City", "--record", "30000000-0000-0000-0000-000000000001", "--operation", "Create")]
    [InlineData("`check`: `--operation`: `2` is not an object operation; expected one of `Read`, `Create`, `Edit`, `Delete`.", "--user", "Alice", "--object", "City", "--operation", "2")]
    [InlineData("`check`: `--record`: `r1` is not a GUID.", "--user", "Alice", "--object", "City", "--record", "r1", "--operation", "Read")]
    [InlineData("`check`: option `--object` cannot be used with `--system-operation`.", "--user", "Alice", "--object", "City", "--system-operation", "CanExportGrid")]
    [InlineData("`check`: option `--share` cannot be used with `--system-operation`.", "--user", "Alice", "--share", "--system-operation", "CanExportGrid")]
    [InlineData("`check`: `--share` needs `--record`.", "--user", "Alice", "--object", "City", "--operation", "Read", "--share")]
    [InlineData("`check`: option `--user` needs a non-empty value.", "--user", " ", "--object", "City", "--operation", "Read")]
    [InlineData("`check`: option `--at`: `yesterday` is not an ISO 8601 instant; write `2025-03-01T09:30:00Z`, `2025-03-01T11:30:00+02:00` or `2025-03-01` (without an offset, UTC).", "--user", "Alice", "--object", "City", "--operation", "Read", "--at", "yesterday")]
    public void Check_BadCommandLine_PreciseUsageError(string message, params string[] options)
    {
        CliResult result = CliHost.Run(["check", CliHost.PipelinePolicy, .. options]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal($"error: {message}\nRun `creatio-access check --help` for usage.\n", result.Stderr);
    }

    [Fact]
    public void Check_FlagWithAValue_UsageError()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--object", "City", "--operation", "Read", "--explain=yes");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Unrecognized command or argument 'yes'.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_InvalidPolicy_ExitsThreeWithTheProblems()
    {
        string path = CliHost.TempFile("bad.json", """{ "formatVersion": 2 }""");

        CliResult result = CliHost.Run("check", path, "--user", "Alice", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        Assert.StartsWith("invalid policy document: 1 problem:\n", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}
