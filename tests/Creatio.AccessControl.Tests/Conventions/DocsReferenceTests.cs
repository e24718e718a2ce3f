using System.Text.RegularExpressions;
using Creatio.AccessControl.Tests.Cli;
using Creatio.AccessControl.Tests.Docs;

namespace Creatio.AccessControl.Tests.Conventions;

/// <summary>What users read — XML docs, the READMEs, the changelog, the samples — links the project's own <c>docs/</c>,
/// never a specification kept beside the repository; links to the repository resolve; and a package README, shown on the
/// package page where relative links break, links only absolutely.</summary>
public sealed partial class DocsReferenceTests
{
    private static readonly string s_root = Path.GetFullPath(Path.Combine(LayerGraph.SourceFolder, "..", ".."));

    /// <summary>The files users read, relative to the repository: sources and READMEs of src/, tools/ and samples/, the
    /// root README and the changelog.</summary>
    public static TheoryData<string> ReadFiles => [.. ReadFilePaths()];

    /// <summary>The README each packable project packs as its package README.</summary>
    public static TheoryData<string> PackageReadmes => [.. PackageReadmePaths()];

    [Theory]
    [MemberData(nameof(ReadFiles))]
    public void ReadFiles_DoNotReferToTheSpecificationBesideTheRepository(string file)
    {
        string text = File.ReadAllText(Path.Combine(s_root, file));

        Assert.DoesNotContain("DESIGN.md", text, StringComparison.Ordinal);
        Assert.DoesNotContain("../shared", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadFiles))]
    public void LinksToTheRepository_ResolveToAFileAndAHeading(string file)
    {
        string text = File.ReadAllText(Path.Combine(s_root, file));
        var broken = new List<string>();

        foreach (Match link in RepositoryLinkPattern().Matches(text))
        {
            string path = link.Groups["path"].Value;
            string anchor = link.Groups["anchor"].Value;
            string full = Path.Combine(s_root, path);
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                broken.Add($"{link.Value}: no such file");
            }
            else if (anchor.Length > 0 && !DocsLinkTests.Anchors(File.ReadAllText(full)).Contains(anchor))
            {
                broken.Add($"{link.Value}: no such heading");
            }
        }

        Assert.True(broken.Count == 0, $"{file} has broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void EveryPackableProject_PacksAReadme()
    {
        string[] packable = [.. Projects().Where(p => File.ReadAllText(Path.Combine(s_root, p)).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))];

        Assert.NotEmpty(packable);
        Assert.All(packable, project => Assert.True(
            PackedReadme(project) is { } readme && File.Exists(Path.Combine(s_root, readme)),
            $"{project} packs no README.md of its own folder"));
    }

    [Theory]
    [MemberData(nameof(PackageReadmes))]
    public void PackageReadmes_LinkOnlyAbsolutely(string readme)
    {
        string text = CodeBlockPattern().Replace(File.ReadAllText(Path.Combine(s_root, readme)).ReplaceLineEndings("\n"), string.Empty);

        string[] relative = [.. MarkdownLinkPattern().Matches(text)
            .Select(m => m.Groups[1].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal))];

        Assert.True(relative.Length == 0, $"{readme} links relatively, which breaks on the package page: {string.Join(", ", relative)}");
    }

    [Fact]
    public void TheCorePackageReadme_ShowsTheQuickStartTheSmokeTestRuns()
    {
        // eng/package-smoke-test.sh builds and runs the root README's "In five minutes" against the packed package.
        Assert.Equal(
            FiveMinutes(Path.Combine(s_root, "README.md")),
            FiveMinutes(Path.Combine(s_root, "src", "Creatio.AccessControl", "README.md")));
    }

    private static string FiveMinutes(string readme)
    {
        string text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        int section = text.IndexOf("\n## In five minutes\n", StringComparison.Ordinal);
        int start = section < 0 ? -1 : text.IndexOf("\n```csharp\n", section, StringComparison.Ordinal);
        int end = start < 0 ? -1 : text.IndexOf("\n```\n", start + 1, StringComparison.Ordinal);
        Assert.True(end > 0, $"{readme} has no ```csharp block under \"## In five minutes\"");
        return text[start..end];
    }

    private static IEnumerable<string> ReadFilePaths()
    {
        IEnumerable<string> files = new[] { "src", "tools", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(s_root, folder), "*", SearchOption.AllDirectories))
            .Where(path => path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".md", StringComparison.Ordinal))
            .Select(Relative)
            .Where(path => !path.Contains("/bin/", StringComparison.Ordinal) && !path.Contains("/obj/", StringComparison.Ordinal));
        return files.Append("README.md").Append("CHANGELOG.md").Append("CONTRIBUTING.md").Order(StringComparer.Ordinal);
    }

    private static IEnumerable<string> PackageReadmePaths() =>
        Projects().Select(PackedReadme).OfType<string>().Order(StringComparer.Ordinal);

    private static IEnumerable<string> Projects() =>
        new[] { "src", "tools" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(s_root, folder), "*.csproj", SearchOption.AllDirectories))
            .Select(Relative);

    /// <summary>The README a project packs at the package's root, relative to the repository; <see langword="null"/> when it
    /// packs none or one outside its folder.</summary>
    private static string? PackedReadme(string project)
    {
        Match packed = PackedReadmePattern().Match(File.ReadAllText(Path.Combine(s_root, project)));
        return packed.Success && !packed.Groups[1].Value.Contains("..", StringComparison.Ordinal)
            ? $"{Path.GetDirectoryName(project)!.Replace('\\', '/')}/{packed.Groups[1].Value}"
            : null;
    }

    private static string Relative(string path) => Path.GetRelativePath(s_root, path).Replace('\\', '/');

    [GeneratedRegex(@"https://github\.com/creatio-accesscontrol/Creatio\.AccessControl/blob/main/(?<path>[^\s""#)<>]+)(?:#(?<anchor>[^\s""')<>]+))?")]
    private static partial Regex RepositoryLinkPattern();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLinkPattern();

    [GeneratedRegex(@"<None Include=""([^""]*README\.md)"" Pack=""true"" PackagePath=""/""")]
    private static partial Regex PackedReadmePattern();

    [GeneratedRegex(@"^```.*?^```[^\n]*$", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlockPattern();
}
