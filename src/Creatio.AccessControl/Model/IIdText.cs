using System.Diagnostics.CodeAnalysis;

namespace Creatio.AccessControl;

/// <summary>A name or code type whose value is its text (<see cref="IdText"/>): how to create one and what to call it in an
/// error; it reads itself from text as <see cref="IdText"/> does, for the generic callers of
/// <see cref="ISpanParsable{TSelf}"/> (binding, JSON).</summary>
/// <typeparam name="TSelf">The type.</typeparam>
internal interface IIdText<TSelf> : ISpanParsable<TSelf>
    where TSelf : struct, IIdText<TSelf>
{
    /// <summary>Gets what a value is called in an error, capitalized with its article, for example <c>An object name</c>.</summary>
    static abstract string What { get; }

    /// <summary>Creates a value of a text that is not blank.</summary>
    static abstract TSelf Create(string value);

    /// <inheritdoc/>
    static TSelf IParsable<TSelf>.Parse(string s, IFormatProvider? provider) => IdText.Parse<TSelf>(s);

    /// <inheritdoc/>
    static bool IParsable<TSelf>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TSelf result) => IdText.TryParse(s, out result);

    /// <inheritdoc/>
    static TSelf ISpanParsable<TSelf>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => IdText.Parse<TSelf>(s);

    /// <inheritdoc/>
    static bool ISpanParsable<TSelf>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TSelf result) => IdText.TryParse(s, out result);
}
