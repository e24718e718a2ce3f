using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>Identifies a support-access grant.</summary>
/// <param name="Value">The underlying identifier.</param>
[JsonConverter(typeof(IdJsonConverter<SupportGrantId>))]
public readonly record struct SupportGrantId(Guid Value) : ISpanParsable<SupportGrantId>, ISpanFormattable
{
    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static SupportGrantId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SupportGrantId(Guid.Parse(value));
    }

    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(ReadOnlySpan{char})"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static SupportGrantId Parse(ReadOnlySpan<char> value) => new(Guid.Parse(value));

    /// <summary>Tries to create an identifier from its text form; route and query values bind through it.</summary>
    /// <param name="value">The text; <see langword="null"/> or anything but a GUID fails.</param>
    /// <param name="result">The identifier, or <see langword="default"/> when the text is not a GUID.</param>
    /// <returns>Whether <paramref name="value"/> is a GUID.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out SupportGrantId result) => TryParse(value.AsSpan(), out result);

    /// <summary>Tries to create an identifier from its text form.</summary>
    /// <param name="value">The text; anything but a GUID fails.</param>
    /// <param name="result">The identifier, or <see langword="default"/> when the text is not a GUID.</param>
    /// <returns>Whether <paramref name="value"/> is a GUID.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out SupportGrantId result)
    {
        bool parsed = Guid.TryParse(value, out Guid guid);
        result = new SupportGrantId(guid);
        return parsed;
    }

    /// <inheritdoc/>
    static SupportGrantId IParsable<SupportGrantId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool IParsable<SupportGrantId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SupportGrantId result) => TryParse(s, out result);

    /// <inheritdoc/>
    static SupportGrantId ISpanParsable<SupportGrantId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<SupportGrantId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SupportGrantId result) => TryParse(s, out result);

    /// <summary>Returns the identifier's text: the GUID in the <c>D</c> format (<c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c>),
    /// which <see cref="Parse(string)"/> reads back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value.ToString();

    /// <summary>Returns the identifier's text in a GUID format (<see cref="Guid.ToString(string?, IFormatProvider?)"/>).</summary>
    /// <param name="format">A GUID format (<c>D</c>, <c>N</c>, <c>B</c>, <c>P</c> or <c>X</c>); <see langword="null"/> or
    /// empty for <c>D</c>.</param>
    /// <param name="formatProvider">Not used: a GUID's text does not depend on culture.</param>
    /// <returns>The text; every format reads back with <see cref="Parse(string)"/>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a GUID format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider) => Value.ToString(format, formatProvider);

    /// <summary>Writes the identifier's text in a GUID format into a span, without allocating.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written.</param>
    /// <param name="format">A GUID format; empty for <c>D</c>.</param>
    /// <param name="provider">Not used: a GUID's text does not depend on culture.</param>
    /// <returns>Whether the text fitted in <paramref name="destination"/>.</returns>
    /// <exception cref="FormatException"><paramref name="format"/> is not a GUID format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, format);
}
