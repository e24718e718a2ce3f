using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>Names a column of an object.</summary>
/// <remarks>Compared ordinally, case-sensitively, as Creatio compares schema names.</remarks>
[JsonConverter(typeof(IdJsonConverter<ColumnName>))]
public readonly record struct ColumnName : ISpanParsable<ColumnName>, ISpanFormattable, IIdText<ColumnName>
{
    /// <summary>Creates a name.</summary>
    /// <param name="value">The name, for example <c>Email</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public ColumnName(string value)
    {
        Value = IdText.Checked(value);
    }

    /// <summary>Gets the name; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string Value { get; }

    /// <summary>Creates a name from a string.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator ColumnName(string value) => new(value);

    /// <summary>Creates a name from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static ColumnName Parse(string value) => IdText.Parse<ColumnName>(value);

    /// <summary>Creates a name from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static ColumnName Parse(ReadOnlySpan<char> value) => IdText.Parse<ColumnName>(value);

    /// <summary>Tries to create a name from its text form; route and query values bind through it.</summary>
    /// <param name="value">The text; <see langword="null"/>, empty or white space fails.</param>
    /// <param name="result">The name, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ColumnName result) => IdText.TryParse(value, out result);

    /// <summary>Tries to create a name from its text form.</summary>
    /// <param name="value">The text; empty or white space fails.</param>
    /// <param name="result">The name, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out ColumnName result) => IdText.TryParse(value, out result);

    /// <inheritdoc/>
    static string IIdText<ColumnName>.What => "A column name";

    /// <inheritdoc/>
    static ColumnName IIdText<ColumnName>.Create(string value) => new(value);

    /// <summary>Returns the name's text, which <see cref="Parse(string)"/> reads back; empty for <see langword="default"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Returns the name's text; a name has one text form.</summary>
    /// <param name="format">Not used.</param>
    /// <param name="formatProvider">Not used.</param>
    /// <returns>The text, as <see cref="ToString()"/> returns it.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Copies the name's text into a span.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 when the text did not fit.</param>
    /// <param name="format">Not used.</param>
    /// <param name="provider">Not used.</param>
    /// <returns>Whether the text fitted in <paramref name="destination"/>.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        IdText.TryFormat(ToString(), destination, out charsWritten);
}
