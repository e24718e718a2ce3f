using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>The expansion of <c>test</c>'s file patterns, on a temporary folder.</summary>
public sealed class GlobTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "creatio-access-tests", Guid.NewGuid().ToString("N"));

    public GlobTests()
    {
        foreach (string file in new[]
        {
            "policies/tests/a.test.json",
            "policies/tests/b.test.json",
            "policies/tests/notes.txt",
            "policies/tests/.draft.test.json",
            "policies/tests/deep/c.test.json",
            "policies/tests/deep/deeper/d.test.json",
            "policies/tests/.hidden/e.test.json",
            "policies/policy.json",
        })
        {
            string path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Expand(params string[] patterns) =>
        [.. Glob.Expand("test", patterns.Select(p => Path.Combine(_root, p))).Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/'))];

    [Fact]
    public void Star_MatchesWithinOneFolderInOrder()
    {
        Assert.Equal(["policies/tests/a.test.json", "policies/tests/b.test.json"], Expand("policies/tests/*.test.json"));
    }

    [Fact]
    public void Star_SkipsNamesStartingWithADot()
    {
        Assert.DoesNotContain("policies/tests/.draft.test.json", Expand("policies/tests/*"));
        Assert.Equal(["policies/tests/.draft.test.json"], Expand("policies/tests/.*.json"));
    }

    [Fact]
    public void QuestionMark_MatchesOneCharacter()
    {
        Assert.Equal(["policies/tests/a.test.json", "policies/tests/b.test.json"], Expand("policies/tests/?.test.json"));
        Assert.Empty(Glob.Match(Path.Combine(_root, "policies/tests/??.test.json")));
    }

    [Fact]
    public void DoubleStar_MatchesAnyNumberOfFoldersButHiddenOnes()
    {
        Assert.Equal(
            [
                "policies/tests/a.test.json",
                "policies/tests/b.test.json",
                "policies/tests/deep/c.test.json",
                "policies/tests/deep/deeper/d.test.json",
            ],
            Expand("policies/**/*.test.json"));
    }

    [Fact]
    public void DoubleStarLast_MatchesEveryFileBelow()
    {
        Assert.Equal(["policies/tests/deep/c.test.json", "policies/tests/deep/deeper/d.test.json"], Expand("policies/tests/deep/**"));
    }

    [Fact]
    public void WildcardFolder_MatchesFoldersOnly()
    {
        Assert.Equal(["policies/tests/deep/c.test.json"], Expand("policies/*/deep/*.json"));
    }

    [Fact]
    public void SameFileTwice_IsKeptOnceWhereItFirstAppears()
    {
        Assert.Equal(
            ["policies/tests/b.test.json", "policies/tests/a.test.json"],
            Expand("policies/tests/b.test.json", "policies/tests/*.test.json"));
    }

    [Fact]
    public void RelativePattern_GivesPathsThatStartTheSameWay()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _root);

        IReadOnlyList<string> files = Glob.Expand("test", [Path.Combine(relative, "policies", "tests", "*.test.json")]);

        Assert.Equal([Path.Combine(relative, "policies", "tests", "a.test.json"), Path.Combine(relative, "policies", "tests", "b.test.json")], files);
    }

    [Fact]
    public void PatternMatchingNothing_IsAUsageError()
    {
        var exception = Assert.Throws<UsageException>(() => Expand("policies/tests/*.yaml"));

        Assert.Equal($"`test`: `{Path.Combine(_root, "policies/tests/*.yaml")}` matches no file.", exception.Message);
    }

    [Fact]
    public void MissingPath_IsAUsageError()
    {
        var exception = Assert.Throws<UsageException>(() => Expand("policies/tests/z.test.json"));

        Assert.Equal($"`test`: cannot read `{Path.Combine(_root, "policies/tests/z.test.json")}`: no such file.", exception.Message);
    }

    [Theory]
    [InlineData("*.json", "a.test.json", true)]
    [InlineData("*.json", "a.json.txt", false)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*", ".hidden", false)]
    [InlineData(".*", ".hidden", true)]
    [InlineData("?", "", false)]
    [InlineData("**", "x", true)]
    public void MatchesSegment_Wildcards(string segment, string name, bool expected)
    {
        Assert.Equal(expected, Glob.MatchesSegment(segment, name));
    }
}
