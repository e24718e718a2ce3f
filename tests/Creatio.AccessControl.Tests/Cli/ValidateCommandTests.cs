using System.Text.Json;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class ValidateCommandTests
{
    private const string TwoProblems = """
        {
          "formatVersion": 1,
          "roles": [
            { "id": "10000000-0000-0000-0000-000000000001", "name": "Sales", "kind": "Division", "colour": "red" }
          ],
          "users": [
            { "id": "not-a-guid", "name": "Alice" }
          ]
        }
        """;

    [Fact]
    public void Validate_ValidPolicy_PrintsSummaryAndExitsZero()
    {
        CliResult result = CliHost.Run("validate", CliHost.PipelinePolicy);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal($"{CliHost.PipelinePolicy}: valid: 8 users, 9 roles, 6 objects, 22 rows, 7 records.\n", result.Stdout);
    }

    [Fact]
    public void Validate_InvalidPolicy_ReportsEveryProblemWithPathAndLine()
    {
        string path = CliHost.TempFile("bad.json", TwoProblems);

        CliResult result = CliHost.Run("validate", path);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                $"{path}: 2 problems:",
                "  UnknownMember: $.roles[0].colour (line 4): Member `colour` is not part of the format here; expected one of `id`, `name`, `kind`, `parent`, `account`.",
                "  InvalidValue: $.users[0].id (line 7): `not-a-guid` is not a GUID; expected the form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void Validate_InvalidPolicyAsJson_ListsErrorsWithPathAndLine()
    {
        string path = CliHost.TempFile("bad.json", TwoProblems);

        CliResult result = CliHost.Run("validate", path, "--json");

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        JsonElement[] errors = [.. json.RootElement.GetProperty("errors").EnumerateArray()];
        Assert.Equal(2, errors.Length);
        Assert.Equal("$.roles[0].colour", errors[0].GetProperty("path").GetString());
        Assert.Equal(4, errors[0].GetProperty("line").GetInt32());
        Assert.Equal("UnknownMember", errors[0].GetProperty("code").GetString());
    }

    [Fact]
    public void Validate_ValidPolicyAsJson_HasTheCounts()
    {
        CliResult result = CliHost.Run("validate", CliHost.PipelinePolicy, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(8, json.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(22, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(7, json.RootElement.GetProperty("records").GetInt32());
    }

    [Fact]
    public void Validate_MissingFile_UsageError()
    {
        CliResult result = CliHost.Run("validate", Path.Combine(CliHost.ScenarioDirectory, "missing.json"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Cannot read `", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoFile_UsageError()
    {
        CliResult result = CliHost.Run("validate");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: Required argument missing for command: 'validate'.\nRun `creatio-access validate --help` for usage.\n", result.Stderr);
    }
}
