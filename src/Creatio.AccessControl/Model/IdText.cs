using System.Diagnostics.CodeAnalysis;

namespace Creatio.AccessControl;

/// <summary>What the name and code types (<see cref="ObjectName"/>, <see cref="ColumnName"/>,
/// <see cref="SystemOperationCode"/>) share: a value that is its own text, never blank, read from text and written as it.</summary>
/// <remarks>Each type is a shell over these methods; its equality is the record struct's, by the text, ordinally.</remarks>
internal static class IdText
{
    /// <summary>The text of a name or code being created, checked.</summary>
    /// <param name="value">The text.</param>
    /// <returns><paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public static string Checked(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value;
    }

    /// <summary>Reads a name or code from its text: the text itself.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static T Parse<T>(string value)
        where T : struct, IIdText<T>
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out T result) ? result : throw Blank(T.What);
    }

    /// <summary>Reads a name or code from its text: the text itself.</summary>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static T Parse<T>(ReadOnlySpan<char> value)
        where T : struct, IIdText<T> =>
        TryParse(value, out T result) ? result : throw Blank(T.What);

    /// <summary>Tries to read a name or code from its text; <see langword="default"/> and <see langword="false"/> when the
    /// text is <see langword="null"/>, empty or white space.</summary>
    public static bool TryParse<T>([NotNullWhen(true)] string? value, out T result)
        where T : struct, IIdText<T>
    {
        bool text = !string.IsNullOrWhiteSpace(value);
        result = text ? T.Create(value!) : default;
        return text;
    }

    /// <summary>Tries to read a name or code from its text; <see langword="default"/> and <see langword="false"/> when the
    /// text is empty or white space.</summary>
    public static bool TryParse<T>(ReadOnlySpan<char> value, out T result)
        where T : struct, IIdText<T>
    {
        bool text = !value.IsWhiteSpace();
        result = text ? T.Create(value.ToString()) : default;
        return text;
    }

    /// <summary>Copies a name's or code's text into a span, writing nothing when it does not fit.</summary>
    public static bool TryFormat(string text, Span<char> destination, out int charsWritten)
    {
        bool fits = text.TryCopyTo(destination);
        charsWritten = fits ? text.Length : 0;
        return fits;
    }

    /// <summary>The error of a name or code read from blank text.</summary>
    /// <param name="what">What was read, capitalized with its article, for example <c>An object name</c>.</param>
    /// <returns>The exception to throw.</returns>
    private static FormatException Blank(string what) => new($"{what} must not be empty or white space.");
}
