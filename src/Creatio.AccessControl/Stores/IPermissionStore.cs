namespace Creatio.AccessControl.Stores;

/// <summary>Reads objects and their permission rows: operation rows, column rows, default record rules.</summary>
/// <remarks>Consulted only while loading a snapshot, never during a check.</remarks>
public interface IPermissionStore
{
    /// <summary>Reads every object and permission row.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    ValueTask<PermissionRows> ReadPermissionsAsync(CancellationToken cancellationToken);
}
