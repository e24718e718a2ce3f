namespace Creatio.AccessControl;

/// <summary>Reads records and their rights from where a host keeps them (a database), for the records of an object that
/// keeps them there (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>).</summary>
/// <remarks>
/// <para>The database checks
/// (<see cref="AccessPrincipal.CheckRecordsAsync(IRecordRightReader, ObjectName, IReadOnlyList{RecordId}, RecordOperation, CancellationToken)"/>)
/// call it once per page of records, then decide in memory with the principal's effective roles through the same rule as
/// the database filter (<see cref="RecordFilter.Decide(RecordDefinition, IEnumerable{RecordRightRow})"/>).</para>
/// <para>An implementation reads in one round trip. It reports a record it does not find by leaving it out, and throws
/// only when the store cannot be read (the check then fails with that exception, and allows nothing).
/// <c>Creatio.AccessControl.EntityFrameworkCore</c> implements it on the tables <c>WhereAccessible</c> reads.</para>
/// </remarks>
public interface IRecordRightReader
{
    /// <summary>Reads some records of an object, each with its author, owner, support grant and right rows for one operation.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation whose rights to read; rows of other operations may be left out.</param>
    /// <param name="records">The records to read; may repeat an id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records found, in any order, each once, with their right rows for <paramref name="operation"/>.</returns>
    ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken);
}
