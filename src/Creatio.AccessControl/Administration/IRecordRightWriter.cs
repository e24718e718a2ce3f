namespace Creatio.AccessControl;

/// <summary>Writes the records and rights of an object that keeps them in the database
/// (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>): what the administration changes <see cref="ShareRecord"/>,
/// <see cref="UnshareRecord"/>, <see cref="CreateRecord"/>, <see cref="DeleteRecord"/> and <see cref="ChangeRecordOwner"/>
/// make of such a record.</summary>
/// <remarks>
/// <para>The administration (<see cref="AccessAdministration"/>, given a writer and an <see cref="IRecordRightReader"/>)
/// authorizes a batch with the database checks, turns it into the same edits as for a record held in memory, and calls
/// <see cref="WriteAsync"/> once per batch. The edits, in order:</para>
/// <list type="bullet">
/// <item><see cref="PutRecordRightEdit"/>: replace the grantee's rows for the right's record and operation by the right
/// (its level and source as given).</item>
/// <item><see cref="AddRecordRightEdit"/>: add the right (a Default right of a created record).</item>
/// <item><see cref="RemoveRecordRightEdit"/>: remove the grantee's rows for the record and operation (of
/// <see cref="RemoveRecordRightEdit.Source"/> only, when given); at least one must be there, else another writer changed
/// the record since it was read: throw.</item>
/// <item><see cref="PutRecordEdit"/>: set the record's author, owner and support grant on the host's existing row of the
/// record (a created or re-owned record); throw when there is no such row, or when a support grant is to be kept and
/// there is no place for it.</item>
/// <item><see cref="RemoveRecordEdit"/>: remove every right row left of the record (a deleted record); the host deletes its
/// own row of the record.</item>
/// </list>
/// <para>An implementation applies all the edits in one transaction: they land whole or not at all, and it throws when they
/// do not land (the administration then reports <see cref="AccessChangeRefusal.RecordStoreFailed"/>, with nothing
/// applied). It throws <see cref="ArgumentException"/> for an edit it does not know. <c>Creatio.AccessControl.EntityFrameworkCore</c>
/// implements it on the tables <c>WhereAccessible</c> reads.</para>
/// </remarks>
public interface IRecordRightWriter
{
    /// <summary>Applies the record edits of one batch to one object's records, in one transaction.</summary>
    /// <param name="objectName">The object every edit names.</param>
    /// <param name="edits">The edits, in order: <see cref="PutRecordRightEdit"/>, <see cref="AddRecordRightEdit"/>,
    /// <see cref="RemoveRecordRightEdit"/>, <see cref="PutRecordEdit"/> or <see cref="RemoveRecordEdit"/>.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is applied then.</param>
    /// <returns>A task that completes once every edit is applied.</returns>
    ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken);
}
