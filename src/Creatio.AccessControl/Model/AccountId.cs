namespace Creatio.AccessControl;

/// <summary>Identifies the account a portal organization or a portal user belongs to.</summary>
/// <param name="Value">The underlying identifier, as stored by Creatio.</param>
public readonly record struct AccountId(Guid Value)
{
    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static AccountId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new AccountId(Guid.Parse(value));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();
}
