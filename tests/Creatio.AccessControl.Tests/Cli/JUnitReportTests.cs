using System.Xml.Linq;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary><c>test --junit PATH</c>: the JUnit XML CI servers read.</summary>
public sealed class JUnitReportTests
{
    private const string Failing = """
        {
          "policy": {
            "formatVersion": 1,
            "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice" } ],
            "objects": [ { "name": "City", "category": "Lookup", "columns": [ "Name" ] } ]
          },
          "now": "2025-03-10T12:00:00Z",
          "requests": [
            { "description": "reads cities", "user": "Alice", "kind": "object", "object": "City", "operation": "Read",
              "expect": { "decision": "Allow" } },
            { "description": "wrongly expects a deny", "user": "Alice", "kind": "object", "object": "City", "operation": "Edit",
              "expect": { "decision": "Deny", "stage": "Object", "reason": "ObjectRowDenies" } },
            { "description": "names a column City lacks", "user": "Alice", "kind": "column", "object": "City", "column": "Nmae",
              "operation": "Read", "expect": { "decision": "Allow" } }
          ]
        }
        """;

    private static (CliResult Result, XDocument Report, string[] Files) RunWithReport()
    {
        string failing = CliHost.TempFile("failing.test.json", Failing);
        string invalid = CliHost.TempFile("invalid.test.json", """{ "policyFile": "p.json", "now": "2025-03-10 12:00", "requests": [] }""");
        string report = Path.Combine(Path.GetDirectoryName(failing)!, "out", "results.xml");
        CliResult result = CliHost.Run("test", CliHost.PipelineTest, failing, invalid, "--junit", report);
        return (result, XDocument.Load(report), [CliHost.PipelineTest, failing, invalid]);
    }

    [Fact]
    public void Report_HasASuitePerFileAndACasePerRequest()
    {
        (CliResult result, XDocument report, string[] files) = RunWithReport();

        Assert.Equal(ExitCodes.InvalidInput, result.ExitCode);
        XElement root = report.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal("96", root.Attribute("tests")!.Value);
        Assert.Equal("2", root.Attribute("failures")!.Value);
        Assert.Equal("1", root.Attribute("errors")!.Value);
        Assert.Equal("0.000", root.Attribute("time")!.Value);
        XElement[] suites = [.. root.Elements("testsuite")];
        Assert.Equal(files, suites.Select(s => s.Attribute("name")!.Value));
        Assert.Equal(["92", "3", "1"], suites.Select(s => s.Attribute("tests")!.Value));
        Assert.Equal(["0", "2", "0"], suites.Select(s => s.Attribute("failures")!.Value));
        Assert.Equal(["0", "0", "1"], suites.Select(s => s.Attribute("errors")!.Value));
        Assert.All(suites, s => Assert.Equal("2025-03-10T12:00:00", s.Attribute("timestamp")!.Value));
        Assert.Equal([92, 3, 1], suites.Select(s => s.Elements("testcase").Count()));
        Assert.All(suites, s => Assert.All(s.Elements("testcase"), c => Assert.Equal(s.Attribute("name")!.Value, c.Attribute("classname")!.Value)));
    }

    [Fact]
    public void Report_PassingCaseHasNoChildren()
    {
        (_, XDocument report, _) = RunWithReport();

        XElement passing = report.Root!.Elements("testsuite").ElementAt(1).Elements("testcase").First();
        Assert.Equal("[0] reads cities", passing.Attribute("name")!.Value);
        Assert.Equal("9", passing.Attribute("line")!.Value);
        Assert.Empty(passing.Elements());
    }

    [Fact]
    public void Report_DecisionMismatch_SaysExpectedAndActual()
    {
        (_, XDocument report, _) = RunWithReport();

        XElement failure = report.Root!.Elements("testsuite").ElementAt(1).Elements("testcase").ElementAt(1).Element("failure")!;
        Assert.Equal("DecisionMismatch", failure.Attribute("type")!.Value);
        Assert.Equal("expected Deny at Object: ObjectRowDenies; actual Allow at Object: OperationPermissionsOff", failure.Attribute("message")!.Value);
        Assert.Equal("expected: Deny at Object: ObjectRowDenies\nactual:   Allow at Object: OperationPermissionsOff", failure.Value);
    }

    [Fact]
    public void Report_UnknownColumn_FailsNamingIt()
    {
        (_, XDocument report, _) = RunWithReport();

        XElement failure = report.Root!.Elements("testsuite").ElementAt(1).Elements("testcase").ElementAt(2).Element("failure")!;
        Assert.Equal("UnresolvedReference", failure.Attribute("type")!.Value);
        Assert.Equal("$.requests[2].column: object `City` has no column `Nmae`. Did you mean `Name`?", failure.Attribute("message")!.Value);
    }

    [Fact]
    public void Report_InvalidFile_IsAnErrorListingItsProblems()
    {
        (_, XDocument report, string[] files) = RunWithReport();

        XElement testcase = Assert.Single(report.Root!.Elements("testsuite").ElementAt(2).Elements("testcase"));
        XElement error = testcase.Element("error")!;
        Assert.Equal("(test file)", testcase.Attribute("name")!.Value);
        Assert.Equal("Invalid", error.Attribute("type")!.Value);
        Assert.Equal($"{files[2]}: invalid test file: 2 problems", error.Attribute("message")!.Value);
        Assert.StartsWith("$.now (line 1): `2025-03-10 12:00` is not an ISO 8601 instant;", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnwritablePath_UsageError()
    {
        string blocker = CliHost.TempFile("blocker", "a file, not a folder");

        CliResult result = CliHost.Run("test", CliHost.PipelineTest, "--junit", Path.Combine(blocker, "results.xml"));

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `test`: cannot write the JUnit report `", result.Stderr, StringComparison.Ordinal);
    }
}
