using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>Explains a request: every step, the rows it considered, which effective role matched.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The explanation; its <see cref="AccessExplanation.Decision"/> is what <see cref="Check(in AccessRequest)"/> returns.</returns>
    /// <remarks>This method allocates; the check methods never do.</remarks>
    public AccessExplanation Explain(in AccessRequest request)
    {
        var explainer = new Explainer(_snapshot, _subject, User, request);
        AccessDecision decision = Walk(in request, ref explainer);
        return new(User, request, _snapshot?.Version ?? 0, decision, explainer.Steps) { EffectiveRoles = explainer.EffectiveRoles };
    }

    /// <summary>Writes the records the user may perform an operation on, in their order, to <paramref name="destination"/>.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="records">The records to filter.</param>
    /// <param name="destination">Where to write the allowed records; at least as long as <paramref name="records"/>.</param>
    /// <returns>The number of records written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <paramref name="records"/>.</exception>
    /// <remarks>Each record gets the decision <see cref="CheckRecord(ObjectName, RecordId, RecordOperation)"/> would give it; the steps before the record step run once.
    /// Allocates nothing.</remarks>
    public int FilterRecords(ObjectName objectName, RecordOperation operation, ReadOnlySpan<RecordId> records, Span<RecordId> destination)
    {
        if (destination.Length < records.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} records; it must hold at least {records.Length}.", nameof(destination));
        }

        if (records.IsEmpty)
        {
            return 0;
        }

        if (IsSupportSession)
        {
            // The support overlay depends on each record; take the exact per-record path.
            int kept = 0;
            foreach (RecordId record in records)
            {
                if (CheckRecord(objectName, record, operation).IsAllowed)
                {
                    destination[kept++] = record;
                }
            }

            return kept;
        }

        AccessObject target = Resolve(objectName);
        RecordScope scope = RecordScopeOf(in target, operation, out AccessDecision decision);
        if (scope != RecordScope.PerRecord)
        {
            if (!decision.IsAllowed)
            {
                return 0;
            }

            records.CopyTo(destination);
            return records.Length;
        }

        CompiledRecords table = target.Records!;
        EffectiveRoleTable roles = _snapshot!.Roles;
        SubjectIndex subject = _subject;
        UserOrdinal user = _user;
        RoleSignature signature = _signature;
        int bit = OperationEncoding.Bit(operation);
        int count = 0;
        foreach (RecordId record in records)
        {
            RecordIndex index = table.IndexOf(record);
            if (index.IsFound && Pipeline.HasRight(roles, subject, user, signature, table, index, bit))
            {
                destination[count++] = record;
            }
        }

        return count;
    }

    /// <summary>Returns the records the user may perform an operation on, in their order.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="records">The records to filter.</param>
    /// <returns>The allowed records.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<RecordId> FilterRecords(ObjectName objectName, RecordOperation operation, IEnumerable<RecordId> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        RecordId[] all = [.. records];
        var allowed = new RecordId[all.Length];
        int count = FilterRecords(objectName, operation, all, allowed);
        return allowed.AsSpan(0, count).ToArray();
    }

    /// <summary>Returns a reusable description of the records the user may perform an operation on, which a host can turn
    /// into a database query.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <returns>All records, none, or the records that satisfy <see cref="RecordFilter"/>'s conditions.</returns>
    public RecordFilter GetRecordFilter(ObjectName objectName, RecordOperation operation)
    {
        AccessObject target = Resolve(objectName);
        ObjectIndex objectIndex = target.Index;
        RecordScope scope = RecordScopeOf(in target, operation, out AccessDecision decision);
        SupportGrantId? createdIn = null;
        if (IsSupportSession && decision.IsAllowed)
        {
            // What the overlay does to a record not created under the grant: hide it (data isolation), or decide for all.
            AccessDecision overlay = SupportOverlay.OtherRecords(_snapshot!, _grant - 1, decision, objectIndex, OperationEncoding.ToObjectOperation(operation));
            if (overlay.Reason == AccessReason.SupportDataIsolation)
            {
                // Records created in the grant pass isolation, but the later rules (configuration, scope, level) still apply.
                AccessDecision created = SupportOverlay.AfterIsolation(_snapshot!, _grant - 1, decision, objectIndex, OperationEncoding.ToObjectOperation(operation));
                if (!created.IsAllowed)
                {
                    return RecordFilter.None(objectName, operation, created);
                }

                createdIn = SupportGrant;
            }
            else if (!overlay.IsAllowed)
            {
                return RecordFilter.None(objectName, operation, overlay);
            }
        }

        if (scope != RecordScope.PerRecord && createdIn is null)
        {
            return decision.IsAllowed
                ? RecordFilter.All(objectName, operation, decision)
                : RecordFilter.None(objectName, operation, decision);
        }

        if (scope != RecordScope.PerRecord)
        {
            return RecordFilter.CreatedIn(objectName, operation, createdIn!.Value);
        }

        return HoldersFilter(objectName, operation, decision, createdIn, grant: false);
    }

    /// <summary>Returns the columns of an object the user may read and those they may edit, for projecting a grid or page.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="record">The record, or <see langword="null"/> for the object as a whole.</param>
    /// <returns>The readable and editable columns, system columns included; both empty for an unknown object.</returns>
    public ColumnAccess GetColumnAccess(ObjectName objectName, RecordId? record = null)
    {
        if (_snapshot is null || !_snapshot.GetObject(objectName).IsKnown)
        {
            return ColumnAccess.Empty;
        }

        var readable = new List<ColumnName>();
        var editable = new List<ColumnName>();
        AccessObject resolved = _snapshot.GetObject(objectName);
        foreach (CompiledColumn column in resolved.Compiled!.Columns)
        {
            if (CheckColumn(in resolved, column.Name, ColumnOperation.Read, record).IsAllowed)
            {
                readable.Add(column.Name);
            }

            if (CheckColumn(in resolved, column.Name, ColumnOperation.Edit, record).IsAllowed)
            {
                editable.Add(column.Name);
            }
        }

        return new ColumnAccess(readable, editable);
    }

    /// <summary>Steps 1–4 of a record request for every record at once: whether they decided for all records, whether
    /// every record is allowed because step 5 does not look at records, or whether step 5 decides record by record.</summary>
    private RecordScope RecordScopeOf(in AccessObject target, RecordOperation operation, out AccessDecision decision)
    {
        var trace = default(NoTrace);
        if (!RecordObjectSteps(in target, operation, ref trace, out bool external, out decision))
        {
            return RecordScope.Decided;
        }

        if (!RecordStepLooks(target.Compiled!, external))
        {
            decision = RecordPermissionsOff(in decision);
            return RecordScope.AllRecords;
        }

        return RecordScope.PerRecord;
    }

    private enum RecordScope
    {
        /// <summary>A step before the record step decided, or a super operation allowed.</summary>
        Decided,

        /// <summary>Every record is allowed: the object does not use record permissions.</summary>
        AllRecords,

        /// <summary>The record step decides, record by record.</summary>
        PerRecord,
    }
}
