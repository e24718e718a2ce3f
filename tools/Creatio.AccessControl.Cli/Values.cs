using System.Globalization;

namespace Creatio.AccessControl.Cli;

/// <summary>Turns the text of options and test-file members into model values; every method returns an error message
/// (or <see langword="null"/> when the text is good), so that the command line and test files report the same way.</summary>
internal static class Values
{
    /// <summary>The ISO 8601 forms accepted for instants: a date, or a date and time to the minute, second or fraction of a
    /// second, each with an optional offset (<c>Z</c> or <c>±hh:mm</c>).</summary>
    private static readonly string[] s_instantFormats =
    [
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mmK",
        "yyyy'-'MM'-'dd",
    ];

    /// <summary>Parses an ISO 8601 instant in the extended format (<c>2025-03-01T09:30:00Z</c>, <c>2025-03-01T11:30+02:00</c>,
    /// <c>2025-03-01</c>); one without an offset is taken as UTC. Anything else is refused.</summary>
    public static string? Instant(string text, out DateTimeOffset instant)
    {
        instant = default;
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        bool ok = (dot < 0 || (dot + 1 < text.Length && char.IsAsciiDigit(text[dot + 1]))) && DateTimeOffset.TryParseExact(
            text,
            s_instantFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out instant);
        return ok
            ? null
            : $"`{text}` is not an ISO 8601 instant; write `2025-03-01T09:30:00Z`, `2025-03-01T11:30:00+02:00` or `2025-03-01` (without an offset, UTC).";
    }

    /// <summary>Parses a support grant's GUID.</summary>
    public static string? Grant(string text, out SupportGrantId grant)
    {
        bool ok = Guid.TryParse(text, out Guid id);
        grant = new SupportGrantId(id);
        return ok ? null : $"`{text}` is not a GUID.";
    }

    /// <summary>Parses a record's GUID.</summary>
    public static string? Record(string text, out RecordId record)
    {
        bool ok = Guid.TryParse(text, out Guid id);
        record = new RecordId(id);
        return ok ? null : $"`{text}` is not a GUID.";
    }

    /// <summary>Parses an enum by name, ignoring case; numbers are refused.</summary>
    public static string? Name<T>(string text, string what, out T value)
        where T : struct, Enum
    {
        if (text.Length > 0 && char.IsAsciiLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return null;
        }

        value = default;
        return $"`{text}` is not {Article(what)} {what}; expected one of {Quote(Enum.GetNames<T>())}.";
    }

    /// <summary>Lists names in backticks, separated by commas: <c>`Read`, `Edit`</c>.</summary>
    public static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));

    /// <summary>Returns "an" before a vowel, else "a".</summary>
    public static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Resolves the principal of a request: the user's, or the support session's when a grant is named.</summary>
    public static AccessPrincipal Principal(AccessSnapshot snapshot, UserId? user, SupportGrantId? grant, DateTimeOffset now) =>
        grant is { } id ? snapshot.GetSupportPrincipal(id, now) : snapshot.GetPrincipal(user!.Value, now);
}
