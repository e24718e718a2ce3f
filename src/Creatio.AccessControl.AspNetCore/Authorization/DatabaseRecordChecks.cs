using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Decides records whose object keeps them in the database
/// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>) through the request's <see cref="IRecordRightReader"/>.</summary>
/// <remarks>The in-memory check says when it is needed: it denies such a record with
/// <see cref="AccessReason.RecordKeptInDatabase"/> wherever the record step would look at it, or with
/// <see cref="AccessReason.SupportDataIsolation"/> in a support session that may see only the records created in its grant;
/// it decides every other request itself. Without a reader, or when the reader fails, the in-memory decisions stand (they never allow what the
/// database would have to decide), and the log says why.</remarks>
internal static class DatabaseRecordChecks
{
    /// <summary>Whether an in-memory decision on a record leaves it to the database: the record step could not see the
    /// record, or a support session's data isolation hid it without knowing whether it was created in the session's grant
    /// (which only the database knows for an object that keeps its records there).</summary>
    /// <remarks>Branch-light for records held in memory: one comparison, and a look at the model only on an isolation deny.</remarks>
    public static bool NeedsDatabase(in AccessPrincipal principal, ObjectName objectName, AccessDecision decision) =>
        decision.Reason == AccessReason.RecordKeptInDatabase
        || (decision.Reason == AccessReason.SupportDataIsolation && KeepsRecordsInDatabase(principal.Snapshot, objectName));

    private static bool KeepsRecordsInDatabase(AccessSnapshot? snapshot, ObjectName objectName) =>
        snapshot?.GetObject(objectName).Definition is { KeepsRecordsInDatabase: true };

    /// <summary>Returns the request's record reader, or <see langword="null"/> when none is registered.</summary>
    public static IRecordRightReader? ReaderOf(HttpContext? httpContext) =>
        httpContext?.RequestServices?.GetService(typeof(IRecordRightReader)) as IRecordRightReader;

    /// <summary>Decides records in the database through the request's reader; where there is no reader or it fails, the
    /// in-memory decision of each (logged).</summary>
    /// <param name="principal">The principal.</param>
    /// <param name="httpContext">The request, whose services hold the reader and whose abort cancels the read.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="records">The records.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="inMemory">The in-memory decision, the same for every record of the object (the steps before the record
    /// step do not depend on the record).</param>
    /// <param name="logger">Logs a missing or failing reader.</param>
    /// <returns>One decision per record.</returns>
    public static async Task<IReadOnlyList<AccessDecision>> CheckAsync(
        AccessPrincipal principal, HttpContext? httpContext, ObjectName objectName, IReadOnlyList<RecordId> records, RecordOperation operation,
        AccessDecision inMemory, ILogger logger)
    {
        if (ReaderOf(httpContext) is not { } reader)
        {
            AccessControlLog.RecordReaderMissing(logger, objectName);
            return Fill(records.Count, inMemory);
        }

        CancellationToken aborted = httpContext!.RequestAborted;
        try
        {
            return await principal.CheckRecordsAsync(reader, objectName, records, operation, aborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            // Fail closed: a store that cannot be read allows nothing; the request is denied, not answered with 500.
            AccessControlLog.RecordReaderFailed(logger, exception, objectName, records.Count);
            return Fill(records.Count, inMemory);
        }
    }

    private static AccessDecision[] Fill(int count, AccessDecision decision)
    {
        var decisions = new AccessDecision[count];
        Array.Fill(decisions, decision);
        return decisions;
    }
}
