namespace Creatio.AccessControl;

/// <summary>What the name and code types share when they are read from text.</summary>
internal static class IdText
{
    /// <summary>The error of a name or code read from blank text.</summary>
    /// <param name="what">What was read, capitalized with its article, for example <c>An object name</c>.</param>
    /// <returns>The exception to throw.</returns>
    public static FormatException Blank(string what) => new($"{what} must not be empty or white space.");
}
