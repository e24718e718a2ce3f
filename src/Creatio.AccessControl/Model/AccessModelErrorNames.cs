using System.Text;
using System.Text.RegularExpressions;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl;

/// <summary>Names the admin units of validation messages by name and id, and uses Creatio 8.0.9's names of portal users
/// (external users, All external users) with the old ones in brackets, once per message.</summary>
/// <remarks>The validator quotes admin unit ids in backticks (<c>`6b1f…`</c>); for a unit the model defines, this makes
/// it <c>`Sales managers` (`6b1f…`)</c>. Only the reported messages are rewritten, so that a model with a great many
/// problems costs nothing more.</remarks>
internal static partial class AccessModelErrorNames
{
    /// <summary>The name Creatio 8.0.9 gives the built-in role of portal users, and the one the builder gives it.</summary>
    public const string AllExternalUsers = "All external users";

    /// <summary>The name Creatio gave the built-in role of portal users up to 8.0.9; a model may still use it.</summary>
    public const string AllPortalUsers = "All portal users";

    /// <summary>Returns the problems with their messages rewritten, keeping the count of those not reported.</summary>
    /// <param name="errors">The problems.</param>
    /// <param name="nameOf">The name of an admin unit the model defines, or <see langword="null"/>.</param>
    public static AccessModelErrorList Apply(AccessModelErrorList errors, Func<Guid, string?> nameOf)
    {
        var named = new AccessModelErrorList();
        foreach (AccessModelError error in errors)
        {
            named.Add(error with { Message = Rewrite(error.Message, nameOf) });
        }

        named.AddUnreported(errors.TotalCount - errors.Count);
        return named;
    }

    /// <summary>Whether a role name is one of the names of the built-in role of portal users (ignoring case).</summary>
    public static bool IsPortalRoleName(string? name) =>
        string.Equals(name, AllExternalUsers, StringComparison.OrdinalIgnoreCase) || string.Equals(name, AllPortalUsers, StringComparison.OrdinalIgnoreCase);

    internal static string Rewrite(string message, Func<Guid, string?> nameOf)
    {
        string named = QuotedId().Replace(message, match =>
        {
            Guid id = Guid.Parse(match.Groups[1].ValueSpan);
            string? name = id == Guid.Empty ? null : nameOf(id);
            if (string.IsNullOrWhiteSpace(name))
            {
                return match.Value;
            }

            if (id == BuiltInRoles.AllPortalUsers.Value && IsPortalRoleName(name))
            {
                name = AllExternalUsers;
            }

            return $"{MessageText.Quote(name)} ({match.Value})";
        });
        return WithOldNamesOnce(named);
    }

    /// <summary>Puts the old name in brackets after the first mention of a new one, unless the message says it already.</summary>
    private static string WithOldNamesOnce(string message)
    {
        var text = new StringBuilder(message);
        if (!message.Contains(AllPortalUsers, StringComparison.Ordinal) && AllExternalUsersMention().Match(message) is { Success: true } role)
        {
            text.Insert(role.Index + role.Length, " (" + AllPortalUsers + ")");
        }

        if (ExternalUserMention().Match(text.ToString()) is { Success: true } user && !PortalUserMention().IsMatch(text.ToString()))
        {
            text.Insert(user.Index + user.Length, " (portal user)");
        }

        return text.ToString();
    }

    [GeneratedRegex("`([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedId();

    // "All external users", with its closing backtick when it is quoted.
    [GeneratedRegex("All external users`?", RegexOptions.CultureInvariant)]
    private static partial Regex AllExternalUsersMention();

    // "External user" or "external user", but not "All external users".
    [GeneratedRegex("(?<!All )\\b[Ee]xternal user\\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalUserMention();

    // "portal user", but not "All portal users".
    [GeneratedRegex("(?<!All )\\b[Pp]ortal user\\b", RegexOptions.CultureInvariant)]
    private static partial Regex PortalUserMention();
}
