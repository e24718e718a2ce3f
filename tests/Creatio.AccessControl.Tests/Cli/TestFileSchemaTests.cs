using System.Text.Json;
using System.Text.Json.Nodes;
using Creatio.AccessControl.Cli;
using Json.Schema;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>Keeps schemas/access-tests.v1.schema.json in step with the test files the runner reads: what the runner
/// accepts validates, what it refuses for its shape does not.</summary>
public sealed class TestFileSchemaTests
{
    private const string Valid = """
        {
          "$schema": "https://github.com/creatio-accesscontrol/Creatio.AccessControl/schemas/access-tests.v1.schema.json",
          "description": "every kind of request",
          "policy": {
            "formatVersion": 1,
            "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice" } ],
            "objects": [ { "name": "Deal", "useRecordPermissions": true, "columns": [ "Amount" ] } ],
            "records": [ { "object": "Deal", "id": "30000000-0000-0000-0000-000000000001", "owner": "20000000-0000-0000-0000-000000000001" } ]
          },
          "now": "2025-03-10T12:00:00.5+02:00",
          "requests": [
            { "description": "object", "user": "Alice", "kind": "object", "object": "Deal", "operation": "Read", "expect": { "decision": "Allow" } },
            { "description": "record", "user": "Alice", "kind": "record", "object": "Deal", "record": "30000000-0000-0000-0000-000000000001", "operation": "Edit", "expect": { "decision": "Allow", "stage": "Record" } },
            { "description": "column", "user": "Alice", "kind": "column", "object": "Deal", "column": "Amount", "operation": "Read", "expect": { "decision": "Allow" } },
            { "description": "share", "user": "Alice", "kind": "share", "object": "Deal", "record": "30000000-0000-0000-0000-000000000001", "operation": "Read", "expect": { "decision": "Allow" } },
            { "description": "system operation", "user": "Alice", "kind": "systemOperation", "operation": "CanExportGrid", "expect": { "decision": "Deny", "reason": "NoMatchingSystemOperationRow" } }
          ]
        }
        """;

    private static readonly JsonObject s_schemaNode = JsonNode.Parse(File.ReadAllText(SchemaPath("access-tests.v1.schema.json")))!.AsObject();
    private static readonly JsonSchema s_schema = Load();

    private static string SchemaPath(string name) => CliHost.RepositoryFile("schemas", name);

    private static JsonSchema Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        JsonSchema.FromText(File.ReadAllText(SchemaPath("access-policy.v1.schema.json")), options);
        return JsonSchema.FromText(File.ReadAllText(SchemaPath("access-tests.v1.schema.json")), options);
    }

    internal static bool IsValid(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        return s_schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    private static int RunnerExitCode(string json) => CliHost.Run("test", CliHost.TempFile("schema.test.json", json)).ExitCode;

    [Fact]
    public void Schema_AcceptsTheScenarioTestFile()
    {
        Assert.True(IsValid(File.ReadAllText(CliHost.PipelineTest)));
    }

    [Fact]
    public void Schema_AcceptsAFileUsingEveryMember()
    {
        Assert.True(IsValid(Valid));
        Assert.Equal(ExitCodes.Success, RunnerExitCode(Valid));
    }

    [Theory]
    [InlineData("\"now\": \"2025-03-10T12:00:00.5+02:00\"", "\"now\": \"2025-03-10 12:00\"")]
    [InlineData("\"now\": \"2025-03-10T12:00:00.5+02:00\"", "\"now\": \"March 10\"")]
    [InlineData("\"description\": \"every kind of request\"", "\"describe\": \"typo\"")]
    [InlineData("{ \"description\": \"object\", ", "{ ")]
    [InlineData("\"kind\": \"object\", \"object\": \"Deal\"", "\"kind\": \"table\", \"object\": \"Deal\"")]
    [InlineData("\"kind\": \"systemOperation\",", "\"kind\": \"systemOperation\", \"object\": \"Deal\",")]
    [InlineData("\"kind\": \"record\", \"object\": \"Deal\", \"record\": \"30000000-0000-0000-0000-000000000001\",", "\"kind\": \"record\", \"object\": \"Deal\",")]
    [InlineData("\"kind\": \"object\", \"object\": \"Deal\", \"operation\"", "\"kind\": \"object\", \"object\": \"Deal\", \"column\": \"Amount\", \"operation\"")]
    [InlineData("\"kind\": \"object\", \"object\": \"Deal\",", "\"kind\": \"object\",")]
    [InlineData("{ \"decision\": \"Allow\" } },\n    { \"description\": \"record\"", "{ \"decision\": \"Maybe\" } },\n    { \"description\": \"record\"")]
    [InlineData("\"reason\": \"NoMatchingSystemOperationRow\"", "\"reason\": \"Because\"")]
    [InlineData("\"stage\": \"Record\"", "\"stage\": \"Recording\"")]
    [InlineData("\"user\": \"Alice\", \"kind\": \"object\"", "\"kind\": \"object\"")]
    [InlineData("\"now\": \"2025-03-10T12:00:00.5+02:00\",", "\"policyFile\": \"p.json\", \"now\": \"2025-03-10T12:00:00.5+02:00\",")]
    public void Schema_RefusesWhatTheRunnerRefuses(string from, string to)
    {
        string json = Valid.ReplaceLineEndings("\n");
        Assert.Contains(from, json, StringComparison.Ordinal);
        string broken = json.Replace(from, to, StringComparison.Ordinal);

        Assert.False(IsValid(broken));
        Assert.Equal(ExitCodes.InvalidInput, RunnerExitCode(broken));
    }

    [Fact]
    public void Schema_MembersAreTheRunners()
    {
        JsonObject request = s_schemaNode["$defs"]!["request"]!["properties"]!.AsObject();
        JsonObject expect = s_schemaNode["$defs"]!["expect"]!["properties"]!.AsObject();

        Assert.Equal(TestFile.RootMembers, s_schemaNode["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(TestFile.RequestMembers, request.Select(p => p.Key));
        Assert.Equal(TestFile.ExpectMembers, expect.Select(p => p.Key));
    }

    [Fact]
    public void Schema_NamesAreTheLibrarys()
    {
        JsonObject request = s_schemaNode["$defs"]!["request"]!["properties"]!.AsObject();
        JsonObject expect = s_schemaNode["$defs"]!["expect"]!["properties"]!.AsObject();

        Assert.Equal(RequestSpec.Kinds.Keys, Names(request["kind"]!));
        Assert.Equal(Enum.GetNames<AccessStage>(), Names(expect["stage"]!));
        Assert.Equal(Enum.GetNames<AccessReason>(), Names(expect["reason"]!));
        Assert.Equal(Enum.GetNames<AccessOutcome>().Reverse(), Names(expect["decision"]!));
    }

    [Fact]
    public void Schema_IsShippedInTheToolsPackage()
    {
        string project = File.ReadAllText(CliHost.RepositoryFile("tools", "Creatio.AccessControl.Cli", "Creatio.AccessControl.Cli.csproj"));

        Assert.Contains("<None Include=\"../../schemas/access-tests.v1.schema.json\" Pack=\"true\" PackagePath=\"schemas/\"", project, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Names(JsonNode property) => property["enum"]!.AsArray().Select(n => n!.GetValue<string>());
}
