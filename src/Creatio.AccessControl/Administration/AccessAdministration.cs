using System.Diagnostics;
using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Stores;

namespace Creatio.AccessControl;

/// <summary>The administration API over an <see cref="AccessEvaluator"/>: every successful batch publishes a new snapshot.</summary>
/// <remarks>
/// <para>A batch is applied inside the evaluator's one serialized publish path
/// (<see cref="AccessEvaluator.PublishAsync"/>):
/// it is authorized against the current snapshot, turned into a model delta (<see cref="AccessModelDelta"/>), applied to
/// the model (validated) and to the compiled snapshot, committed to the store as that delta, published and audited, with no
/// other publication in between, whether it comes from this object, another <see cref="AccessAdministration"/> over the
/// same evaluator, or a policy file reload. A batch therefore lands whole (store, snapshot and audit) or is refused with a
/// reason and changes nothing. Checks never wait for it.</para>
/// <para>A batch that changes records an object keeps in the database (<see cref="ObjectDefinition.KeepsRecordsInDatabase"/>)
/// takes another path: it is authorized with the database checks (the records read through an
/// <see cref="IRecordRightReader"/>), turned into the same record edits as for records held in memory, written through an
/// <see cref="IRecordRightWriter"/> in one call, and audited; no snapshot is published, since the model does not change
/// (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/administration-and-audit.md#records-kept-in-the-database">records kept in the database</see>).</para>
/// <para>This type is safe for concurrent use.</para>
/// </remarks>
public sealed partial class AccessAdministration : IAccessAdministration
{
    private readonly AccessEvaluator _evaluator;
    private readonly IAccessStoreWriter? _store;
    private readonly AccessAuditDispatcher _audit;
    private readonly IRecordRightReader? _recordReader;
    private readonly IRecordRightWriter? _recordWriter;

    /// <summary>Creates the administration API.</summary>
    /// <param name="evaluator">The evaluator whose snapshot is changed.</param>
    /// <param name="store">Where changes are stored before they are published; none when <see langword="null"/>. Its
    /// versions follow the evaluator's snapshot versions (see <see cref="IAccessStoreWriter"/>).</param>
    /// <param name="auditSinks">Where audit events go; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="auditSinks"/> contains <see langword="null"/>.</exception>
    public AccessAdministration(AccessEvaluator evaluator, IAccessStoreWriter? store = null, IEnumerable<IAccessAuditSink>? auditSinks = null)
        : this(evaluator, store, new AccessAuditDispatcher(auditSinks))
    {
    }

    internal AccessAdministration(
        AccessEvaluator evaluator, IAccessStoreWriter? store, AccessAuditDispatcher audit, IRecordRightReader? recordReader = null, IRecordRightWriter? recordWriter = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        _store = store;
        _audit = audit;
        _recordReader = recordReader;
        _recordWriter = recordWriter;
    }

    /// <summary>Returns an administration over the same evaluator, store and audit sinks that reads and writes the records
    /// objects keep in the database through <paramref name="reader"/> and <paramref name="writer"/>.</summary>
    /// <param name="reader">Reads the records, to authorize changes to them.</param>
    /// <param name="writer">Writes the changes.</param>
    /// <returns>A new administration; this one is unchanged.</returns>
    /// <remarks>Made per unit of work when the reader and writer are, like an Entity Framework Core context: changes to
    /// records then join the host's transaction on that context.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public AccessAdministration WithRecordRights(IRecordRightReader reader, IRecordRightWriter writer)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        return new AccessAdministration(_evaluator, _store, _audit, reader, writer) { ApplyIncrementally = ApplyIncrementally };
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public ValueTask<AccessChangeResult> ApplyAsync(AccessActor actor, AccessChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ApplyBatchAsync(actor, [change], cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before the batch was
    /// stored or written; nothing of it was applied.</exception>
    public async ValueTask<AccessChangeResult> ApplyBatchAsync(AccessActor actor, IReadOnlyList<AccessChange> changes, CancellationToken cancellationToken = default)
    {
        CheckArguments(changes);
        using Activity? activity = AccessControlDiagnostics.StartApply(actor, changes.Count);
        AccessChangeResult result;
        AccessSnapshot current = _evaluator.Snapshot;
        if (DatabaseObject(current, changes, out AccessChangeResult? refused) is { } kept)
        {
            result = await DatabaseBatchAsync(actor, changes, kept, current, write: true, cancellationToken).ConfigureAwait(false);
        }
        else if (refused is not null)
        {
            result = refused;
        }
        else
        {
            var batch = new Batch(this, actor, changes);
            await _evaluator.PublishCoreAsync(batch.NextAsync, batch.Published, cancellationToken).ConfigureAwait(false);
            result = batch.Result!;
        }

        AccessControlDiagnostics.Applied(activity, result.IsApplied, result.Refusal.ToString(), result.Version, result.Message);
        return result;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public AccessChangeResult Check(AccessActor actor, AccessChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CheckBatch(actor, [change]);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is empty.</exception>
    /// <remarks>A batch that changes records an object keeps in the database is not checked here, since that reads them:
    /// it is answered with <see cref="AccessChangeRefusal.NotSupportedForDatabaseRecords"/>; <see cref="CheckBatchAsync"/>
    /// answers it.</remarks>
    public AccessChangeResult CheckBatch(AccessActor actor, IReadOnlyList<AccessChange> changes)
    {
        CheckArguments(changes);
        AccessSnapshot snapshot = _evaluator.Snapshot;
        if (DatabaseObject(snapshot, changes, out AccessChangeResult? refused) is { } kept)
        {
            return AccessChangeResult.Refused(
                snapshot.Version,
                AccessChangeRefusal.NotSupportedForDatabaseRecords,
                $"The batch changes records `{kept}` keeps in the database; checking it reads them: call CheckBatchAsync.",
                0);
        }

        if (refused is not null)
        {
            return refused;
        }

        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        return Prepare(actor, changes, snapshot, now, new string?[changes.Count], out _, out _) ?? AccessChangeResult.Permitted(snapshot.Version);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="change"/> is <see langword="null"/>.</exception>
    public ValueTask<AccessChangeResult> CheckAsync(AccessActor actor, AccessChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CheckBatchAsync(actor, [change], cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="changes"/> or one of its items is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is empty.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while the records were read.</exception>
    public ValueTask<AccessChangeResult> CheckBatchAsync(AccessActor actor, IReadOnlyList<AccessChange> changes, CancellationToken cancellationToken = default)
    {
        CheckArguments(changes);
        AccessSnapshot snapshot = _evaluator.Snapshot;
        return DatabaseObject(snapshot, changes, out AccessChangeResult? refused) is { } kept
            ? DatabaseBatchAsync(actor, changes, kept, snapshot, write: false, cancellationToken)
            : new(refused ?? CheckBatch(actor, changes));
    }

    /// <summary>Gets a value indicating whether a batch's delta is applied to the model and the snapshot incrementally;
    /// tests turn it off to compare with validating and compiling the whole model.</summary>
    internal bool ApplyIncrementally { get; init; } = true;

    private static void CheckArguments(IReadOnlyList<AccessChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one change.", nameof(changes));
        }

        foreach (AccessChange change in changes)
        {
            ArgumentNullException.ThrowIfNull(change, nameof(changes));
            change.CheckArguments();
        }
    }

    /// <summary>What both <see cref="CheckBatch"/> and <see cref="ApplyBatchAsync"/> decide, without side effects: authorizes
    /// the batch against <paramref name="before"/>, turns it into a delta and validates the model it makes; returns the
    /// refusal, or <see langword="null"/> with the delta and the next model when the batch may be applied.</summary>
    private AccessChangeResult? Prepare(
        AccessActor actor, IReadOnlyList<AccessChange> changes, AccessSnapshot before, DateTimeOffset now, string?[] beforeTexts, out AccessModelDelta delta, out AccessModel model)
    {
        delta = AccessModelDelta.Empty;
        model = before.Model;
        return Authorize(actor, changes, before, now)
            ?? ToDeltas(before, changes, new ChangeContext(before, now, actor), beforeTexts, null, out delta)
            ?? NextModel(before, delta, out model);
    }

    /// <summary>Turns each change of a batch into a delta, against the model (or the records read from the database) as the
    /// earlier changes left it; returns the refusal of the first change that does not apply (or that
    /// <paramref name="precheck"/> refuses by throwing <see cref="AccessChangeRefusedException"/>).</summary>
    private static AccessChangeResult? ToDeltas(
        AccessSnapshot before, IReadOnlyList<AccessChange> changes, ChangeContext context, string?[] beforeTexts, Action<AccessChange>? precheck, out AccessModelDelta delta)
    {
        delta = AccessModelDelta.Empty;
        for (int i = 0; i < changes.Count; i++)
        {
            try
            {
                precheck?.Invoke(changes[i]);
                context.Before.Clear();
                AccessModelDelta made = changes[i].ToDelta(context);
                context.Made(made);
                delta = delta.Then(made);
                beforeTexts[i] = context.Before.Count == 0 ? null : string.Join("; ", context.Before);
            }
            catch (AccessChangeRefusedException refused)
            {
                return AccessChangeResult.Refused(before.Version, refused.Refusal, refused.Message, i);
            }
        }

        return null;
    }

    /// <summary>The model a batch's delta makes, validated; or the refusal listing the model's problems.</summary>
    private AccessChangeResult? NextModel(AccessSnapshot before, AccessModelDelta delta, out AccessModel next)
    {
        try
        {
            next = ApplyIncrementally ? before.Model.Apply(delta) : before.Model.ApplyInFull(delta);
            return null;
        }
        catch (AccessModelValidationException invalid)
        {
            next = before.Model;
            return AccessChangeResult.Refused(
                before.Version, AccessChangeRefusal.InvalidModel, $"The model after the changes would be invalid: {invalid.TotalErrorCount} problems.", -1, errors: invalid.Errors);
        }
    }

    /// <summary>Checks every change of a batch against the actor's permissions in the snapshot before the batch.</summary>
    private static AccessChangeResult? Authorize(AccessActor actor, IReadOnlyList<AccessChange> changes, AccessSnapshot before, DateTimeOffset now)
    {
        if (Actor(actor, changes, before, now, out AccessPrincipal? principal) is { } refused)
        {
            return refused;
        }

        for (int i = 0; i < changes.Count && principal is { } checkedPrincipal; i++)
        {
            AccessDecision decision = changes[i].Authorize(checkedPrincipal, before.Model);
            if (!decision.IsAllowed)
            {
                return NotPermitted(actor, changes, before, i, decision);
            }
        }

        return null;
    }

    /// <summary>The refusal of a change the actor may not make.</summary>
    private static AccessChangeResult NotPermitted(AccessActor actor, IReadOnlyList<AccessChange> changes, AccessSnapshot before, int i, AccessDecision decision) =>
        AccessChangeResult.Refused(
            before.Version, AccessChangeRefusal.NotPermitted, $"{actor} may not make change {i} ({changes[i].GetType().Name}): {changes[i].DescribeRefusal(decision, before.Model)}.", i, decision);

    /// <summary>The principal a batch is authorized for (<see langword="null"/> for the system, who may make every change),
    /// or the refusal of an actor who may make no change at all: an ended support session, one that may not make one of the
    /// changes, or an actor that names nobody.</summary>
    private static AccessChangeResult? Actor(AccessActor actor, IReadOnlyList<AccessChange> changes, AccessSnapshot before, DateTimeOffset now, out AccessPrincipal? principal)
    {
        principal = null;
        if (actor.SupportGrant is { } grant)
        {
            AccessPrincipal session = before.GetSupportPrincipal(grant, now);
            principal = session;
            if (session.SupportDenial != AccessReason.None)
            {
                AccessDecision denial = SupportOverlay.Deny(session.SupportDenial);
                return AccessChangeResult.Refused(before.Version, AccessChangeRefusal.NotPermitted, $"{actor} may not make changes: {denial}.", 0, denial);
            }

            for (int i = 0; i < changes.Count; i++)
            {
                AccessDecision forbidden = SupportSessionChanges.Check(before, session.GrantIndex, changes[i]);
                if (!forbidden.IsAllowed)
                {
                    return AccessChangeResult.Refused(
                        before.Version, AccessChangeRefusal.SupportSessionForbidden, $"A support session may not make change {i} ({changes[i].GetType().Name}): {forbidden}.", i, forbidden);
                }
            }
        }
        else if (actor.User is { } user)
        {
            principal = before.GetPrincipal(user, now);
        }
        else if (!actor.IsSystem)
        {
            // The default actor names nobody; it is never taken for the system.
            return AccessChangeResult.Refused(before.Version, AccessChangeRefusal.NotPermitted, "The actor names no user, support session or the system.", 0, AccessDecision.Deny(AccessStage.User, AccessReason.UnknownUser));
        }

        return null;
    }

    /// <summary>Reports each change whose event type is enabled before or after the batch, so that a settings change that
    /// switches an event type off is itself reported.</summary>
    private void WriteAudit(
        AccessActor actor, IReadOnlyList<AccessChange> changes, string?[] before, AccessSettings settingsBefore, AccessSettings settingsAfter, DateTimeOffset now, long version)
    {
        if (!_audit.HasSinks)
        {
            return;
        }

        for (int i = 0; i < changes.Count; i++)
        {
            AccessChange change = changes[i];
            if (settingsBefore.IsAuditEnabled(change.AuditEventType) || settingsAfter.IsAuditEnabled(change.AuditEventType))
            {
                string text = change.ToString();
                _audit.Write(new AccessAuditEvent(change.AuditEventType, now, actor, change.GetType().Name, text, before[i], text, version));
            }
        }
    }

    /// <summary>One batch on its way through the evaluator's publish path.</summary>
    private sealed class Batch(AccessAdministration owner, AccessActor actor, IReadOnlyList<AccessChange> changes)
    {
        private readonly string?[] _beforeTexts = new string?[changes.Count];
        private AccessSettings _settingsBefore = AccessSettings.Default;
        private DateTimeOffset _now;

        /// <summary>Gets the outcome, set once the batch has been through the publish path.</summary>
        public AccessChangeResult? Result { get; private set; }

        /// <summary>Given the current snapshot: authorizes, applies, validates and commits the batch; returns the snapshot
        /// to publish, or <see langword="null"/> with <see cref="Result"/> saying why not.</summary>
        public async ValueTask<AccessSnapshot?> NextAsync(AccessSnapshot before, CancellationToken cancellationToken)
        {
            _now = owner._evaluator.TimeProvider.GetUtcNow();
            _settingsBefore = before.Model.Settings;
            Result = owner.Prepare(actor, changes, before, _now, _beforeTexts, out AccessModelDelta delta, out AccessModel model);
            if (Result is not null)
            {
                return null;
            }

            // The publish path runs alone, so this version is the one the evaluator publishes.
            long version = before.Version + 1;

            AccessSnapshot next = owner.ApplyIncrementally ? SnapshotCompiler.Apply(before, delta, model, version) : SnapshotCompiler.Compile(model, version);
            if (owner._store is { } store)
            {
                var commit = new AccessStoreCommit(before.Version, version, actor.ToString(), _now, delta, next.Model);
                AccessStoreCommitResult stored = await store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
                if (!stored.IsCommitted)
                {
                    Result = AccessChangeResult.Refused(
                        before.Version,
                        AccessChangeRefusal.StoreConflict,
                        $"The store refused the batch made on version {before.Version}: {stored.Message} Nothing was stored or published.",
                        -1);
                    return null;
                }
            }

            Result = AccessChangeResult.Applied(version);
            return next;
        }

        /// <summary>Runs once the batch is published, before any other publication.</summary>
        public void Published(AccessSnapshot snapshot) =>
            owner.WriteAudit(actor, changes, _beforeTexts, _settingsBefore, snapshot.Model.Settings, _now, snapshot.Version);
    }
}
