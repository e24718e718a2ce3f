using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>The code of a system operation (Creatio's <c>SysAdminOperation.Code</c>).</summary>
/// <remarks>Compared ordinally, case-sensitively. The built-in codes are listed in <see cref="SystemOperations"/>.</remarks>
[JsonConverter(typeof(IdJsonConverter<SystemOperationCode>))]
public readonly record struct SystemOperationCode : ISpanParsable<SystemOperationCode>, ISpanFormattable, IIdText<SystemOperationCode>
{
    /// <summary>Creates a code.</summary>
    /// <param name="value">The code, for example <c>CanManageUsers</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public SystemOperationCode(string value)
    {
        Value = IdText.Checked(value);
    }

    /// <summary>Gets the code; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string Value { get; }

    /// <summary>Creates a code from a string.</summary>
    /// <param name="value">The code.</param>
    public static implicit operator SystemOperationCode(string value) => new(value);

    /// <summary>Creates a code from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The code.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static SystemOperationCode Parse(string value) => IdText.Parse<SystemOperationCode>(value);

    /// <summary>Creates a code from its text form: the text itself.</summary>
    /// <param name="value">The text; it must not be empty or white space.</param>
    /// <returns>The code.</returns>
    /// <exception cref="FormatException"><paramref name="value"/> is empty or white space.</exception>
    public static SystemOperationCode Parse(ReadOnlySpan<char> value) => IdText.Parse<SystemOperationCode>(value);

    /// <summary>Tries to create a code from its text form; route and query values bind through it.</summary>
    /// <param name="value">The text; <see langword="null"/>, empty or white space fails.</param>
    /// <param name="result">The code, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out SystemOperationCode result) => IdText.TryParse(value, out result);

    /// <summary>Tries to create a code from its text form.</summary>
    /// <param name="value">The text; empty or white space fails.</param>
    /// <param name="result">The code, or <see langword="default"/> when the text is blank.</param>
    /// <returns>Whether <paramref name="value"/> has a character other than white space.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out SystemOperationCode result) => IdText.TryParse(value, out result);

    /// <inheritdoc/>
    static string IIdText<SystemOperationCode>.What => "A system operation code";

    /// <inheritdoc/>
    static SystemOperationCode IIdText<SystemOperationCode>.Create(string value) => new(value);

    /// <summary>Returns the code's text, which <see cref="Parse(string)"/> reads back; empty for <see langword="default"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Value ?? string.Empty;

    /// <summary>Returns the code's text; a code has one text form.</summary>
    /// <param name="format">Not used.</param>
    /// <param name="formatProvider">Not used.</param>
    /// <returns>The text, as <see cref="ToString()"/> returns it.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>Copies the code's text into a span.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="charsWritten">How many characters were written; 0 when the text did not fit.</param>
    /// <param name="format">Not used.</param>
    /// <param name="provider">Not used.</param>
    /// <returns>Whether the text fitted in <paramref name="destination"/>.</returns>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        IdText.TryFormat(ToString(), destination, out charsWritten);
}
