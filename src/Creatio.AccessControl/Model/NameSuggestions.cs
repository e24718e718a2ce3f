#if CREATIO_ACCESS_CLI
namespace Creatio.AccessControl.Cli;
#else
namespace Creatio.AccessControl;
#endif

/// <summary>Finds the known names nearest to a name that is not known, for "did you mean" hints in validation errors and
/// in the command-line tool (which compiles this file too).</summary>
internal static class NameSuggestions
{
    /// <summary>The most names a hint suggests.</summary>
    public const int MaxSuggestions = 3;

    /// <summary>Returns the known items whose names are nearest to a name: equal ignoring case first, then by edit
    /// distance, at most <see cref="MaxSuggestions"/>, none further than a third of the name's length (two edits at
    /// least); ties in the order of <see cref="StringComparer.Ordinal"/>.</summary>
    /// <param name="known">The known items.</param>
    /// <param name="name">How an item is named.</param>
    /// <param name="text">The name that is not known.</param>
    /// <param name="max">The most items returned.</param>
    public static T[] Nearest<T>(IEnumerable<T> known, Func<T, string> name, string text, int max = MaxSuggestions)
    {
        int limit = Math.Max(2, text.Length / 3);
        var near = new List<(T Item, string Name, int Distance)>();
        foreach (T item in known)
        {
            string candidate = name(item);

            // Names whose lengths differ by more than the limit are further than the limit: no need to measure them.
            if (Math.Abs(candidate.Length - text.Length) <= limit && Distance(candidate, text) is var distance && distance <= limit)
            {
                near.Add((item, candidate, distance));
            }
        }

        return [.. near.OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).Take(max).Select(c => c.Item)];
    }

    /// <summary>Returns the known name nearest to a name, or <see langword="null"/> when none is near.</summary>
    public static string? Nearest(IEnumerable<string> known, string text) =>
        Nearest(known, n => n, text, max: 1) is [var nearest] ? nearest : null;

    /// <summary>The edit distance (insertions, deletions, substitutions) between two names ignoring case: a change of case
    /// alone costs nothing.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int substitution = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
