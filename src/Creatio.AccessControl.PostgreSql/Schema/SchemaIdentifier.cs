using System.Text.RegularExpressions;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Checks and quotes the name of the PostgreSQL schema the package's tables live in.</summary>
internal static partial class SchemaIdentifier
{
    /// <summary>Returns whether a name is a plain identifier: a letter or underscore, then letters, digits or underscores,
    /// 63 characters at most.</summary>
    public static bool IsValid(string? name) => name is not null && Identifier().IsMatch(name);

    /// <summary>Returns the name quoted for SQL text.</summary>
    /// <exception cref="ArgumentException">The name is not a plain identifier.</exception>
    public static string Quote(string name) => IsValid(name)
        ? $"\"{name}\""
        : throw new ArgumentException($"The schema name `{name}` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).", nameof(name));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
