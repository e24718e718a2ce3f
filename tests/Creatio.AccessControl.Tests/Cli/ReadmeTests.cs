using System.Text.RegularExpressions;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>The walk-through of the tool's README, from a new policy to a CI job, run as the README shows it.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string s_readme =
        File.ReadAllText(CliHost.RepositoryFile("tools", "Creatio.AccessControl.Cli", "README.md")).ReplaceLineEndings("\n");

    /// <summary>Writes the README's <c>&lt;!-- file: PATH --&gt;</c> blocks into a fresh folder and returns it.</summary>
    private static string WriteWalkThrough()
    {
        string root = Path.GetDirectoryName(CliHost.TempFile("walk-through", string.Empty))!;
        foreach (Match block in FileBlock().Matches(s_readme))
        {
            string path = Path.Combine(root, block.Groups["path"].Value);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, block.Groups["json"].Value);
        }

        return root;
    }

    /// <summary>The output lines the README shows after <c>$ COMMAND</c>.</summary>
    private static string[] Shown(string command)
    {
        string[] lines = s_readme.Split('\n');
        int start = Array.IndexOf(lines, $"$ {command}");
        Assert.True(start >= 0, $"the README shows no `$ {command}`");
        return [.. lines.Skip(start + 1).TakeWhile(l => !l.StartsWith('$') && !l.StartsWith("```", StringComparison.Ordinal))];
    }

    private static string[] Relative(CliResult result, string root) =>
        [.. result.StdoutLines.Select(l => l.Replace(root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace('\\', '/'))];

    [Fact]
    public void WalkThrough_HasAPolicyAndATestFile()
    {
        Assert.Equal(["policies/access-policy.json", "policies/tests/opportunity.test.json"], FileBlock().Matches(s_readme).Select(m => m.Groups["path"].Value));
    }

    [Fact]
    public void WalkThrough_ValidateAndCheck_PrintWhatTheReadmeShows()
    {
        string root = WriteWalkThrough();
        string policy = Path.Combine(root, "policies", "access-policy.json");

        CliResult validate = CliHost.Run("validate", policy);
        CliResult check = CliHost.Run("check", policy, "--user", "bob", "--object", "Opportunity", "--operation", "edit");

        Assert.Equal(Shown("creatio-access validate policies/access-policy.json"), Relative(validate, root));
        Assert.Equal(Shown("creatio-access check policies/access-policy.json --user bob --object Opportunity --operation edit"), Relative(check, root));
    }

    [Fact]
    public void WalkThrough_Test_PassesAndWritesJUnit()
    {
        string root = WriteWalkThrough();

        CliResult result = CliHost.Run("test", Path.Combine(root, "policies", "tests", "*.json"), "--junit", Path.Combine(root, "results.xml"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.Stdout + result.Stderr);
        string[] shown = Shown("creatio-access test policies/tests/*.json --junit results.xml");
        Assert.Equal(shown.Select(WithoutTime), Relative(result, root).Select(WithoutTime));
        Assert.True(File.Exists(Path.Combine(root, "results.xml")));
    }

    [Fact]
    public void WalkThrough_TestFile_FollowsTheSchema()
    {
        Match test = FileBlock().Matches(s_readme).Single(m => m.Groups["path"].Value.EndsWith(".test.json", StringComparison.Ordinal));

        Assert.True(TestFileSchemaTests.IsValid(test.Groups["json"].Value));
    }

    [Fact]
    public void CiSnippets_RunTheTestsWithJUnit()
    {
        Assert.Contains("      - run: dotnet creatio-access test \"policies/tests/*.json\" --junit results.xml\n", s_readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet creatio-access test \"policies/tests/*.json\" --junit results.xml\n", s_readme, StringComparison.Ordinal);
    }

    private static string WithoutTime(string line) => TimeInParentheses().Replace(line, "(s)");

    [GeneratedRegex(@"<!-- file: (?<path>[^ ]+) -->\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"\([0-9.]+ s\)$")]
    private static partial Regex TimeInParentheses();
}
