namespace Creatio.AccessControl;

/// <summary>Batches that change records an object keeps in the database.</summary>
public sealed partial class AccessAdministration
{
    /// <summary>The object whose records kept in the database the batch changes; <see langword="null"/> for a batch of
    /// model changes, or with <paramref name="refused"/> set for a batch that cannot be applied whole (it mixes the two, or
    /// two objects' records) or that makes a change records kept in the database do not support.</summary>
    private static ObjectName? DatabaseObject(AccessSnapshot snapshot, IReadOnlyList<AccessChange> changes, out AccessChangeResult? refused)
    {
        refused = null;
        ObjectName? kept = null;
        int keptAt = -1;
        int modelAt = -1;
        for (int i = 0; i < changes.Count; i++)
        {
            if (changes[i].RecordObject is not { } name || !KeepsRecordsInDatabase(snapshot, name))
            {
                modelAt = modelAt < 0 ? i : modelAt;
                continue;
            }

            if (changes[i] is UpdateRecordPermissions)
            {
                refused = AccessChangeResult.Refused(
                    snapshot.Version,
                    AccessChangeRefusal.NotSupportedForDatabaseRecords,
                    $"Change {i} (UpdateRecordPermissions) cannot rewrite the rights of the records `{name}` keeps in the database; rewrite their Default rights there.",
                    i);
                return null;
            }

            if (kept is null)
            {
                kept = name;
                keptAt = i;
            }
            else if (kept != name)
            {
                refused = Mixed(snapshot, i, $"Change {i} ({changes[i].GetType().Name}) changes records `{name}` keeps in the database, change {keptAt} those of `{kept}`: one batch writes the records of one object.");
                return null;
            }
        }

        if (kept is not null && modelAt >= 0)
        {
            int later = Math.Max(keptAt, modelAt);
            refused = Mixed(snapshot, later, $"Change {keptAt} ({changes[keptAt].GetType().Name}) changes records `{kept}` keeps in the database and change {modelAt} ({changes[modelAt].GetType().Name}) changes the model: they cannot land atomically; apply them in separate batches.");
            return null;
        }

        return kept;
    }

    private static AccessChangeResult Mixed(AccessSnapshot snapshot, int index, string message) =>
        AccessChangeResult.Refused(snapshot.Version, AccessChangeRefusal.MixedBatch, message + " Nothing was applied.", index);

    private static bool KeepsRecordsInDatabase(AccessSnapshot snapshot, ObjectName name) =>
        name.Value is not null && snapshot.Model.Index.Objects.TryGetValue(name, out ObjectDefinition? definition) && definition.KeepsRecordsInDatabase;

    /// <summary>Whether an exception of the record reader or writer is a failure to report (anything but the caller's
    /// cancellation, which surfaces).</summary>
    private static bool Failed(Exception exception, CancellationToken cancellationToken) =>
        exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    /// <summary>Authorizes a batch on records an object keeps in the database with the database checks, turns it into the
    /// edits the in-memory path would make, and (with <paramref name="write"/>) writes them in one call and audits the batch.</summary>
    private async ValueTask<AccessChangeResult> DatabaseBatchAsync(
        AccessActor actor, IReadOnlyList<AccessChange> changes, ObjectName kept, AccessSnapshot before, bool write, CancellationToken cancellationToken)
    {
        if (_recordReader is not { } reader || _recordWriter is not { } writer)
        {
            string missing = _recordReader is null ? _recordWriter is null ? "record reader (IRecordRightReader) or writer (IRecordRightWriter)" : "record reader (IRecordRightReader)" : "record writer (IRecordRightWriter)";
            return AccessChangeResult.Refused(
                before.Version,
                AccessChangeRefusal.RecordStoreMissing,
                $"The batch changes records `{kept}` keeps in the database, and the administration has no {missing}: register them (Creatio.AccessControl.EntityFrameworkCore: UseEntityFrameworkCoreRecordRights<TContext>()) or use AccessAdministration.WithRecordRights(reader, writer). Nothing was applied.",
                0);
        }

        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        if (Actor(actor, changes, before, now, out AccessPrincipal? principal) is { } refused)
        {
            return refused;
        }

        StoredRecordRights stored;
        try
        {
            stored = await StoredRecordRights.ReadAsync(reader, kept, [.. changes.Where(c => c.NamedRecord.HasValue).Select(c => c.NamedRecord!.Value).Distinct()], cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the store fails with, the batch is refused and nothing is written.
        catch (Exception exception) when (Failed(exception, cancellationToken))
#pragma warning restore CA1031
        {
            return StoreFailed(before, $"Reading the records of `{kept}` failed: {exception.Message}");
        }

        // A record the batch creates does not exist before it, whatever row the host inserted for it.
        StoredRecordRights beforeBatch = stored.Without([.. changes.Where(c => c.CreatesRecord).Select(c => c.NamedRecord!.Value)]);
        for (int i = 0; i < changes.Count && principal is { } checkedPrincipal; i++)
        {
            AccessDecision decision = await changes[i].AuthorizeAsync(checkedPrincipal, before.Model, beforeBatch, cancellationToken).ConfigureAwait(false);
            if (!decision.IsAllowed)
            {
                return NotPermitted(actor, changes, before, i, decision);
            }
        }

        string?[] beforeTexts = new string?[changes.Count];
        var context = new ChangeContext(before, now, actor, beforeBatch.ToBuilder());
        AccessChangeResult? notMade = ToDeltas(before, changes, context, beforeTexts, change => RequireHostRow(stored, change), out AccessModelDelta delta)
            ?? DatabaseRecordEdits.Validate(before, delta.Edits, context.Records);
        if (notMade is not null)
        {
            return notMade;
        }

        if (!write)
        {
            return AccessChangeResult.Permitted(before.Version);
        }

        try
        {
            await writer.WriteAsync(kept, delta.Edits, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the store fails with, the batch is refused: the writer applies all or nothing.
        catch (Exception exception) when (Failed(exception, cancellationToken))
#pragma warning restore CA1031
        {
            return StoreFailed(before, $"Writing the records of `{kept}` failed: {exception.Message}");
        }

        WriteAudit(actor, changes, beforeTexts, before.Model.Settings, before.Model.Settings, now, before.Version);
        return AccessChangeResult.Applied(before.Version);
    }

    private static AccessChangeResult StoreFailed(AccessSnapshot before, string message) =>
        AccessChangeResult.Refused(before.Version, AccessChangeRefusal.RecordStoreFailed, $"{message} Nothing was written.", -1);

    /// <summary>A record created in the database needs the host's row of it, and must not have rights yet.</summary>
    private static void RequireHostRow(StoredRecordRights stored, AccessChange change)
    {
        if (!change.CreatesRecord || change.RecordObject is not { } name || change.NamedRecord is not { } id)
        {
            return;
        }

        if (!stored.TryGet(id, out StoredRecord? record))
        {
            ChangeContext.Refuse(
                AccessChangeRefusal.NotFound,
                $"Record `{id}` of `{name}` has no row in the database: insert the record's row first, then create it here in the same transaction.");
        }
        else if (record!.Rights.Count > 0)
        {
            ChangeContext.Refuse(AccessChangeRefusal.Conflict, $"Record `{id}` of `{name}` already exists: it has {record.Rights.Count} right(s).");
        }
    }
}
