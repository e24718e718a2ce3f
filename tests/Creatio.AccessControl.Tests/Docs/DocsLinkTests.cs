using System.Text.RegularExpressions;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The pages of <c>docs/</c> link to each other with relative links that resolve, headings included, and stand
/// on their own: a clone or a package user has nothing beside the repository.</summary>
public sealed partial class DocsLinkTests
{
    private static readonly string s_docs = Path.Combine(RepositoryRoot(), "docs");

    public static TheoryData<string> Pages => [.. Directory.GetFiles(s_docs, "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void RelativeLinks_ResolveToAPageAndAHeading(string page)
    {
        string text = WithoutCodeBlocks(File.ReadAllText(Path.Combine(s_docs, page)));
        var broken = new List<string>();

        foreach (Match link in LinkPattern().Matches(text))
        {
            string target = link.Groups[1].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            string file = target.Split('#')[0];
            string anchor = target.Contains('#', StringComparison.Ordinal) ? target[(target.IndexOf('#', StringComparison.Ordinal) + 1)..] : string.Empty;
            string path = file.Length == 0 ? Path.Combine(s_docs, page) : Path.GetFullPath(Path.Combine(s_docs, file));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{target}: no such file");
            }
            else if (anchor.Length > 0 && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(path)).Contains(anchor))
            {
                broken.Add($"{target}: no such heading");
            }
        }

        Assert.Empty(broken);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Pages_DoNotReferToFilesOutsideTheRepository(string page)
    {
        string text = File.ReadAllText(Path.Combine(s_docs, page));

        Assert.DoesNotContain("DESIGN.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anchors_FollowGitHubsHeadingIds()
    {
        const string Page = "# Super operations skip steps 4–6\n## Looking at E(u)\n## The author's portal organization\n## Same\n## Same\n```\n# not a heading\n```\n";

        List<string> anchors = Anchors(Page);

        Assert.Equal(["super-operations-skip-steps-46", "looking-at-eu", "the-authors-portal-organization", "same", "same-1"], anchors);
    }

    /// <summary>The ids GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, repeats
    /// numbered.</summary>
    internal static List<string> Anchors(string markdown)
    {
        var anchors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string line in WithoutCodeBlocks(markdown).Split('\n'))
        {
            Match heading = HeadingPattern().Match(line);
            if (!heading.Success)
            {
                continue;
            }

            string id = PunctuationPattern().Replace(heading.Groups[1].Value.Trim().ToLowerInvariant(), string.Empty).Replace(' ', '-');
            anchors.Add(seen.TryGetValue(id, out int count) ? $"{id}-{count}" : id);
            seen[id] = count + 1;
        }

        return anchors;
    }

    private static string WithoutCodeBlocks(string text) => CodeBlockPattern().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Creatio.AccessControl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Creatio.AccessControl.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^#{1,6}\s+(.*)$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"[^\p{L}\p{Nd}\p{Pc}\- ]")]
    private static partial Regex PunctuationPattern();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlockPattern();
}
