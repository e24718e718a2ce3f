namespace Creatio.AccessControl;

/// <summary>Identifies the contact of a user.</summary>
/// <param name="Value">The underlying identifier, as stored by Creatio.</param>
public readonly record struct ContactId(Guid Value)
{
    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static ContactId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new ContactId(Guid.Parse(value));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
