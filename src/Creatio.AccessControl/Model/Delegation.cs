namespace Creatio.AccessControl;

/// <summary>A delegation of permissions from one admin unit to another (Creatio's <c>SysAdminUnitGrantedRight</c>).</summary>
/// <remarks>A delegation applies while <c>now &lt; EndsAt</c>. It is not transitive: the recipient receives what the
/// grantor holds by membership, inheritance, functional links and management, never what the grantor received by
/// delegation.</remarks>
public sealed record Delegation
{
    /// <summary>Creates a delegation.</summary>
    /// <param name="Grantor">The unit whose permissions are delegated.</param>
    /// <param name="Recipient">The unit that receives them; every user whose effective roles contain it receives them.</param>
    /// <param name="EndsAt">The instant the delegation ends, exclusive, or <see langword="null"/> for no end.</param>
    public Delegation(AdminUnitId Grantor, AdminUnitId Recipient, DateTimeOffset? EndsAt = null)
    {
        this.Grantor = Grantor;
        this.Recipient = Recipient;
        this.EndsAt = EndsAt;
    }

    /// <summary>Gets the unit whose permissions are delegated.</summary>
    public AdminUnitId Grantor { get; init; }

    /// <summary>Gets the unit that receives them; every user whose effective roles contain it receives them.</summary>
    public AdminUnitId Recipient { get; init; }

    /// <summary>Gets the instant the delegation ends, exclusive, or <see langword="null"/> for no end.</summary>
    public DateTimeOffset? EndsAt { get; init; }
}
