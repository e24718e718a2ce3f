namespace Creatio.AccessControl;

/// <summary>A delegation of permissions from one admin unit to another (Creatio's <c>SysAdminUnitGrantedRight</c>).</summary>
/// <param name="Grantor">The unit whose permissions are delegated.</param>
/// <param name="Recipient">The unit that receives them; every user whose effective roles contain it receives them.</param>
/// <param name="EndsAt">The instant the delegation ends, exclusive, or <see langword="null"/> for no end.</param>
/// <remarks>A delegation applies while <c>now &lt; EndsAt</c>. It is not transitive: the recipient receives what the
/// grantor holds by membership, inheritance, functional links and management, never what the grantor received by
/// delegation.</remarks>
public sealed record Delegation(AdminUnitId Grantor, AdminUnitId Recipient, DateTimeOffset? EndsAt = null);
