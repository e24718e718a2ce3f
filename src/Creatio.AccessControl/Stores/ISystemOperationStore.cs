namespace Creatio.AccessControl.Stores;

/// <summary>Reads system operations and their rows.</summary>
/// <remarks>Consulted only while loading a snapshot, never during a check.</remarks>
public interface ISystemOperationStore
{
    /// <summary>Reads every system operation and row.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    ValueTask<SystemOperationRows> ReadSystemOperationsAsync(CancellationToken cancellationToken);
}
