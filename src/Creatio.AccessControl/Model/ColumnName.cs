namespace Creatio.AccessControl;

/// <summary>Names a column of an object.</summary>
/// <remarks>Compared ordinally, case-sensitively, as Creatio compares schema names.</remarks>
public readonly record struct ColumnName
{
    /// <summary>Creates a name.</summary>
    /// <param name="value">The name, for example <c>Email</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or white space.</exception>
    public ColumnName(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>Gets the name; <see langword="null"/> only for <see langword="default"/>.</summary>
    public string Value { get; }

    /// <summary>Creates a name from a string.</summary>
    /// <param name="value">The name.</param>
    public static implicit operator ColumnName(string value) => new(value);

    /// <inheritdoc/>
    public override string ToString() => Value ?? string.Empty;
}
