namespace Creatio.AccessControl.Cli;

/// <summary>Expands file patterns the way shells do, for shells that don't (Windows) and quoted patterns:
/// <c>*</c> matches any run of characters within a name, <c>?</c> one character, and a <c>**</c> segment any number of
/// folders. Wildcards do not match names that start with a dot unless the pattern's segment does.</summary>
internal static class Glob
{
    private static readonly EnumerationOptions s_enumeration = new()
    {
        AttributesToSkip = 0,
        IgnoreInaccessible = true,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    private static readonly StringComparison s_names = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    /// <summary>Whether an argument is a pattern (has <c>*</c> or <c>?</c>) rather than a path.</summary>
    public static bool IsPattern(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Expands arguments: a pattern to the files it matches, in ordinal order of their paths; a path as it is.
    /// A file named twice is kept once, where it first appears.</summary>
    /// <param name="command">The command, for messages.</param>
    /// <param name="arguments">Paths and patterns.</param>
    /// <exception cref="UsageException">A path is not a file, or a pattern matches no file.</exception>
    public static IReadOnlyList<string> Expand(string command, IEnumerable<string> arguments)
    {
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.FromComparison(s_names));
        foreach (string argument in arguments)
        {
            IEnumerable<string> matches;
            if (!IsPattern(argument))
            {
                if (!File.Exists(argument))
                {
                    throw new UsageException($"`{command}`: cannot read `{argument}`: no such file.");
                }

                matches = [argument];
            }
            else
            {
                List<string> found = Match(argument);
                if (found.Count == 0)
                {
                    throw new UsageException($"`{command}`: `{argument}` matches no file.");
                }

                matches = found.Order(StringComparer.FromComparison(s_names));
            }

            foreach (string file in matches)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    /// <summary>The files a pattern matches, as paths that start the way the pattern does.</summary>
    public static List<string> Match(string pattern)
    {
        string root = Path.GetPathRoot(pattern) ?? string.Empty;
        string[] segments = pattern[root.Length..].Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        var matches = new List<string>();
        if (segments.Length > 0)
        {
            Walk(root, segments, 0, matches);
        }

        return matches;
    }

    /// <summary>Whether a name matches one segment of a pattern.</summary>
    public static bool MatchesSegment(string segment, string name)
    {
        if (name.StartsWith('.') && !segment.StartsWith('.'))
        {
            return false;
        }

        // The classic two-pointer wildcard match: on a mismatch, let the last star take one more character.
        int s = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (s < segment.Length && segment[s] == '*')
            {
                star = s++;
                resume = n;
            }
            else if (s < segment.Length && (segment[s] == '?' || SameChar(segment[s], name[n])))
            {
                s++;
                n++;
            }
            else if (star >= 0)
            {
                s = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (s < segment.Length && segment[s] == '*')
        {
            s++;
        }

        return s == segment.Length;
    }

    private static void Walk(string prefix, string[] segments, int index, List<string> matches)
    {
        string directory = prefix.Length == 0 ? "." : prefix;
        string segment = segments[index];
        bool last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                AllFiles(prefix, matches);
                return;
            }

            Walk(prefix, segments, index + 1, matches);
            foreach (string name in Names(directory, files: false).Where(n => !n.StartsWith('.')))
            {
                Walk(Join(prefix, name), segments, index, matches);
            }

            return;
        }

        if (!IsPattern(segment))
        {
            string next = Join(prefix, segment);
            if (last ? File.Exists(next) : Directory.Exists(next))
            {
                if (last)
                {
                    matches.Add(next);
                }
                else
                {
                    Walk(next, segments, index + 1, matches);
                }
            }

            return;
        }

        foreach (string name in Names(directory, files: last).Where(n => MatchesSegment(segment, n)))
        {
            if (last)
            {
                matches.Add(Join(prefix, name));
            }
            else
            {
                Walk(Join(prefix, name), segments, index + 1, matches);
            }
        }
    }

    private static void AllFiles(string prefix, List<string> matches)
    {
        string directory = prefix.Length == 0 ? "." : prefix;
        matches.AddRange(Names(directory, files: true).Where(n => !n.StartsWith('.')).Select(n => Join(prefix, n)));
        foreach (string name in Names(directory, files: false).Where(n => !n.StartsWith('.')))
        {
            AllFiles(Join(prefix, name), matches);
        }
    }

    private static IEnumerable<string> Names(string directory, bool files)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        IEnumerable<string> paths = files
            ? Directory.EnumerateFiles(directory, "*", s_enumeration)
            : Directory.EnumerateDirectories(directory, "*", s_enumeration);
        return paths.Select(p => Path.GetFileName(p));
    }

    private static bool SameChar(char a, char b) =>
        a == b || (s_names == StringComparison.OrdinalIgnoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : Path.Join(prefix, name);
}
