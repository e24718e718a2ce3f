namespace Creatio.AccessControl.Stores;

/// <summary>Reads admin units and how they relate: users, roles, memberships, functional links, delegations.</summary>
/// <remarks>Consulted only while loading a snapshot, never during a check.</remarks>
public interface IAdminUnitStore
{
    /// <summary>Reads every admin unit and relation.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken);
}
