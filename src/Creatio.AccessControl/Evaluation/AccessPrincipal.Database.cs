namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>Checks one record whose object may keep its records in the database, reading it through a reader.</summary>
    /// <param name="reader">Reads the record and its rights.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The decision; see <see cref="CheckRecordsAsync(IRecordRightReader, ObjectName, IReadOnlyList{RecordId}, RecordOperation, CancellationToken)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The reader returned <see langword="null"/> instead of a list.</exception>
    public async ValueTask<AccessDecision> CheckRecordAsync(IRecordRightReader reader, ObjectName objectName, RecordId record, RecordOperation operation, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AccessDecision> decisions = await CheckRecordsAsync(reader, objectName, [record], operation, cancellationToken).ConfigureAwait(false);
        return decisions[0];
    }

    /// <summary>Checks a page of records whose object may keep its records in the database, reading them through a reader
    /// in one call.</summary>
    /// <param name="reader">Reads the records and their rights.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="records">The records.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One decision per record, in the order of <paramref name="records"/>.</returns>
    /// <remarks>
    /// <para>For an object the model holds the records of, each decision is
    /// <see cref="CheckRecord(ObjectName, RecordId, RecordOperation)"/>'s and the reader is not called. For an object that
    /// keeps its records in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>), the steps before the
    /// record step run once in memory (<see cref="GetRecordFilter(ObjectName, RecordOperation)"/>); when they leave the
    /// decision to the records, the reader reads them all at once and each is decided in memory with the user's effective
    /// roles by <see cref="RecordFilter.Decide(RecordDefinition, IEnumerable{RecordRightRow})"/>, the rule the database
    /// filter applies, so that a page check and a filtered list agree. A record the reader does not return is denied
    /// (<see cref="AccessReason.UnknownRecord"/>).</para>
    /// <para>A support session's overlay (data isolation, configuration restriction, scope and level) is applied as by the
    /// in-memory check.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The reader returned <see langword="null"/> instead of a list.</exception>
    public async Task<IReadOnlyList<AccessDecision>> CheckRecordsAsync(IRecordRightReader reader, ObjectName objectName, IReadOnlyList<RecordId> records, RecordOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(records);
        var decisions = new AccessDecision[records.Count];
        AccessObject target = Resolve(objectName);
        if (!target.IsKnown || !target.Compiled!.Definition.KeepsRecordsInDatabase)
        {
            for (int i = 0; i < decisions.Length; i++)
            {
                decisions[i] = CheckRecord(in target, records[i], operation);
            }

            return decisions;
        }

        RecordFilter filter = GetRecordFilter(objectName, operation);
        if (filter.Kind != RecordFilterKind.Conditional || records.Count == 0)
        {
            Array.Fill(decisions, filter.Decision);
            return decisions;
        }

        IReadOnlyList<StoredRecord> stored = await reader.ReadRecordsAsync(objectName, operation, records, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The record reader returned no list for {records.Count} record(s) of `{objectName}`.");
        var found = new Dictionary<RecordId, StoredRecord>(stored.Count);
        foreach (StoredRecord record in stored)
        {
            // A reader's extra or foreign rows are ignored, never trusted: only the records asked about, of this object.
            if (record?.Record is { } definition && definition.Object == objectName && record.Rights is not null)
            {
                found.TryAdd(definition.Id, record);
            }
        }

        for (int i = 0; i < decisions.Length; i++)
        {
            decisions[i] = found.TryGetValue(records[i], out StoredRecord? record)
                ? filter.Decide(record.Record, record.Rights)
                : AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord);
        }

        return decisions;
    }

    /// <summary>Checks whether the user may share an operation on a record whose object may keep its records in the
    /// database: add or remove its rights for that operation, reading the record through a reader.</summary>
    /// <param name="reader">Reads the record and its rights.</param>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record.</param>
    /// <param name="operation">The operation to share.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>For an object the model holds the records of, <see cref="CheckShare(ObjectName, RecordId, RecordOperation)"/>'s
    /// decision, without calling the reader. For an object that keeps its records in the database, the same rule: the user
    /// may read the record (as <see cref="CheckRecordAsync"/> decides) and holds AllowAndGrant on the operation (as author,
    /// owner, their manager, or by a right row, decided by <see cref="RecordFilter.Decide(RecordDefinition, IEnumerable{RecordRightRow})"/>
    /// on the rows read), or is allowed <c>CanChangeEntitySchemaRecordRight</c>; then a support session's overlay. A record
    /// the reader does not return is denied (<see cref="AccessReason.UnknownRecord"/>).</returns>
    /// <remarks>Reads at most twice: the record's Read rights (when reading it depends on them), then its rights for
    /// <paramref name="operation"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The reader returned <see langword="null"/> instead of a list.</exception>
    public async ValueTask<AccessDecision> CheckShareAsync(IRecordRightReader reader, ObjectName objectName, RecordId record, RecordOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        AccessObject target = Resolve(objectName);
        if (!target.IsKnown || !target.Compiled!.Definition.KeepsRecordsInDatabase)
        {
            return CheckShare(objectName, record, operation);
        }

        if (!Enum.IsDefined(operation))
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
        }

        AccessDecision read = await CheckRecordAsync(reader, objectName, record, RecordOperation.Read, cancellationToken).ConfigureAwait(false);
        if (!read.IsAllowed)
        {
            return read;
        }

        StoredRecord? stored = await ReadOneAsync(reader, objectName, record, operation, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord);
        }

        AccessDecision decision = OrChangeRecordRights(HoldersFilter(objectName, operation, read, null, grant: true).Decide(stored.Record, stored.Rights));
        return _grant == 0 ? decision : SupportOverlay.Share(_snapshot!, _grant - 1, decision);
    }

    /// <summary>Reads one record with its rights for an operation; <see langword="null"/> when the reader does not return it.</summary>
    private static async ValueTask<StoredRecord?> ReadOneAsync(IRecordRightReader reader, ObjectName objectName, RecordId record, RecordOperation operation, CancellationToken cancellationToken)
    {
        IReadOnlyList<StoredRecord> stored = await reader.ReadRecordsAsync(objectName, operation, [record], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The record reader returned no list for record `{record}` of `{objectName}`.");
        foreach (StoredRecord found in stored)
        {
            if (found?.Record is { } definition && definition.Object == objectName && definition.Id == record && found.Rights is not null)
            {
                return found;
            }
        }

        return null;
    }
}
