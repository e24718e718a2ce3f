namespace Creatio.AccessControl.Stores;

/// <summary>Reads records and their rights.</summary>
/// <remarks>Consulted only while loading a snapshot, never during a check.</remarks>
public interface IRecordRightStore
{
    /// <summary>Reads every record and record right.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    ValueTask<RecordRightRows> ReadRecordRightsAsync(CancellationToken cancellationToken);
}
