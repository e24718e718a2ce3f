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

    private const string IgnoredRows = """
        {
          "formatVersion": 1,
          "objects": [
            { "name": "Invoice" }
          ],
          "objectOperationRows": [
            { "object": "Invoice", "grantee": "a29a3ba5-4b0d-de11-9a51-005056c00008", "position": 0, "operations": [ "Read" ] }
          ]
        }
        """;

    private const string IgnoredRowsWarning =
        "  IgnoredObjectOperationRows: $.objects[0] (line 4): Object `Invoice` does not use operation permissions, so its 1 object "
        + "operation row is ignored: every employee may do all four operations on it, and portal users none.";

    [Fact]
    public void Validate_ValidPolicyWithIgnoredRows_PrintsTheWarningAndExitsZero()
    {
        string path = CliHost.TempFile("ignored.json", IgnoredRows);

        CliResult result = CliHost.Run("validate", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal([$"{path}: valid: 0 users, 3 roles, 1 object, 1 row, 0 records; 1 warning:", IgnoredRowsWarning], result.StdoutLines);
    }

    [Fact]
    public void Validate_WarningsAsErrors_ExitsOneOnAWarning()
    {
        string path = CliHost.TempFile("ignored.json", IgnoredRows);

        Assert.Equal(ExitCodes.Negative, CliHost.Run("validate", path, "--warnings-as-errors").ExitCode);
        Assert.Equal(ExitCodes.Success, CliHost.Run("validate", CliHost.PipelinePolicy, "--warnings-as-errors").ExitCode);
    }

    [Fact]
    public void Validate_WarningsAsJson_ListsThemWithPathAndLine()
    {
        string path = CliHost.TempFile("ignored.json", IgnoredRows);

        CliResult result = CliHost.Run("validate", path, "--json");

        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray().ToArray());
        Assert.Equal("IgnoredObjectOperationRows", warning.GetProperty("code").GetString());
        Assert.Equal("$.objects[0]", warning.GetProperty("path").GetString());
        Assert.Equal(4, warning.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Validate_BadValueAndUnknownReference_ReportsBothInOnePass()
    {
        string path = CliHost.TempFile("two-kinds.json", """
            {
              "formatVersion": 1,
              "objects": [ { "name": "Invoice", "useOperationPermissions": "yes" }, { "name": "Account" } ],
              "objectOperationRows": [
                { "object": "Acount", "grantee": "a29a3ba5-4b0d-de11-9a51-005056c00008", "position": 0, "operations": [ "Read" ] }
              ]
            }
            """);

        CliResult result = CliHost.Run("validate", path);

        Assert.Equal(ExitCodes.Negative, result.ExitCode);
        Assert.Equal(
            [
                $"{path}: 2 problems:",
                "  InvalidType: $.objects[0].useOperationPermissions (line 3): Expected `true` or `false`, found a string.",
                "  DanglingReference: $.objectOperationRows[0].object (line 5): Object operation row of `Acount` for `All employees` "
                + "(`a29a3ba5-4b0d-de11-9a51-005056c00008`) names object `Acount`, which is not defined; did you mean `Account`?",
            ],
            result.StdoutLines);
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
