namespace Creatio.AccessControl;

/// <summary>Identifies a user, employee or portal user.</summary>
/// <param name="Value">The underlying identifier, as stored by Creatio.</param>
public readonly record struct UserId(Guid Value)
{
    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static UserId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new UserId(Guid.Parse(value));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();

    /// <summary>Every user is an admin unit.</summary>
    /// <param name="id">The user identifier.</param>
    public static implicit operator AdminUnitId(UserId id) => new(id.Value);

    /// <summary>Returns this user as an admin unit.</summary>
    /// <returns>The admin unit with the same identifier.</returns>
    public AdminUnitId ToAdminUnitId() => new(Value);
}
