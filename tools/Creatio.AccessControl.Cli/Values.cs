using System.Globalization;

namespace Creatio.AccessControl.Cli;

/// <summary>Turns the text of options and test-file members into model values; every method returns an error message
/// (or <see langword="null"/> when the text is good), so that the command line and test files report the same way.</summary>
internal static class Values
{
    /// <summary>Parses an ISO 8601 instant; one without an offset is taken as UTC.</summary>
    public static string? Instant(string text, out DateTimeOffset instant)
    {
        bool ok = DateTimeOffset.TryParse(
            text,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out instant);
        return ok && text.Length >= 10 && char.IsAsciiDigit(text[0])
            ? null
            : $"`{text}` is not an ISO 8601 instant, such as `2025-03-01T09:30:00Z`.";
    }

    /// <summary>Resolves a user: a GUID (known or not: an unknown user is denied by the engine, not refused here), or
    /// the exact name of exactly one user of the model.</summary>
    public static string? User(AccessModel model, string text, out UserId user)
    {
        if (Guid.TryParse(text, out Guid id))
        {
            user = new UserId(id);
            return null;
        }

        user = default;
        UserDefinition[] named = [.. model.Users.Where(u => string.Equals(u.Name, text, StringComparison.Ordinal))];
        if (named.Length == 1)
        {
            user = named[0].Id;
            return null;
        }

        return named.Length == 0
            ? $"`{text}` is neither a GUID nor the exact name of a user of the policy."
            : $"`{text}` names {named.Length} users ({string.Join(", ", named.Select(u => u.Id))}); use the GUID of one.";
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
        return $"`{text}` is not {Article(what)} {what}; expected one of {CommandLine.List(Enum.GetNames<T>())}.";
    }

    /// <summary>Returns "an" before a vowel, else "a".</summary>
    public static string Article(string noun) => "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>Checks that the grant exists and, when a user is named too, that it is the grant's grantor.</summary>
    public static string? GrantAgreesWithUser(AccessModel model, SupportGrantId grant, UserId? user)
    {
        SupportAccessGrant? definition = model.SupportGrants.FirstOrDefault(g => g.Id == grant);
        if (definition is null || user is not { } named || named == definition.Grantor)
        {
            return null;
        }

        return $"support grant `{grant}` runs with the permissions of its grantor `{definition.Grantor}`, not of user `{named}`; leave the user out or name the grantor.";
    }

    /// <summary>Resolves the principal of a request: the user's, or the support session's when a grant is named.</summary>
    public static AccessPrincipal Principal(AccessSnapshot snapshot, UserId? user, SupportGrantId? grant, DateTimeOffset now) =>
        grant is { } id ? snapshot.GetSupportPrincipal(id, now) : snapshot.GetPrincipal(user!.Value, now);
}
