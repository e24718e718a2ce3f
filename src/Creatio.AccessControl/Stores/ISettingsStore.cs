namespace Creatio.AccessControl.Stores;

/// <summary>Reads the system settings that change decisions.</summary>
/// <remarks>Consulted only while loading a snapshot, never during a check.</remarks>
public interface ISettingsStore
{
    /// <summary>Reads the settings.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The settings.</returns>
    ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken);
}
