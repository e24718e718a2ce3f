using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>Names an object (a Creatio entity schema).</summary>
/// <remarks>Compared ordinally, case-sensitively, as Creatio compares schema names.</remarks>
[JsonConverter(typeof(IdJsonConverter<ObjectName>))]
public readonly record struct ObjectName : ISpanParsable<ObjectName>, ISpanFormattable, IIdText<ObjectName>
{
    /// <summary>Creates a name.</summary>
    /// <param name="value">The name, for example <c>Contact</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public ObjectName(string value)
    {
        Value = IdText.Checked(value);
    }

    /// <summary>Gets the name; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string Value { get; }

    /// <summary>Creates a name from a string.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator ObjectName(string value) => new(value);

    /// <summary>Creates a name from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static ObjectName Parse(string value) => IdText.Parse<ObjectName>(value);

    /// <summary>Creates a name from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The name.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static ObjectName Parse(ReadOnlySpan<char> value) => IdText.Parse<ObjectName>(value);

    /// <summary>Tries to create a name from its text form; route and query values bind through it.</summary>
    /// <param name="value">The text; <see langword="null"/>, empty or white space fails.</param>
    /// <param name="result">The name, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out ObjectName result) => IdText.TryParse(value, out result);

    /// <summary>Tries to create a name from its text form.</summary>
    /// <param name="value">The text; empty or white space fails.</param>
    /// <param name="result">The name, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out ObjectName result) => IdText.TryParse(value, out result);

    /// <inheritdoc/>
    static string IIdText<ObjectName>.What => "An object name";

    /// <inheritdoc/>
    static ObjectName IIdText<ObjectName>.Create(string value) => new(value);

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
