namespace Creatio.AccessControl;

/// <summary>Identifies a role: organizational, functional or manager.</summary>
/// <param name="Value">The underlying identifier, as stored by Creatio.</param>
public readonly record struct RoleId(Guid Value)
{
    /// <summary>Creates an identifier from its text form.</summary>
    /// <param name="value">A GUID in any format <see cref="Guid.Parse(string)"/> accepts.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="value"/> is not a GUID.</exception>
    public static RoleId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RoleId(Guid.Parse(value));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString();

    /// <summary>Every role is an admin unit.</summary>
    /// <param name="id">The role identifier.</param>
    public static implicit operator AdminUnitId(RoleId id) => new(id.Value);

    /// <summary>Returns this role as an admin unit.</summary>
    /// <returns>The admin unit with the same identifier.</returns>
    public AdminUnitId ToAdminUnitId() => new(Value);
}
