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
/// <para>This type is safe for concurrent use.</para>
/// </remarks>
public sealed class AccessAdministration : IAccessAdministration
{
    private readonly AccessEvaluator _evaluator;
    private readonly IAccessStoreWriter? _store;
    private readonly AccessAuditDispatcher _audit;

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

    internal AccessAdministration(AccessEvaluator evaluator, IAccessStoreWriter? store, AccessAuditDispatcher audit)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
        _store = store;
        _audit = audit;
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
    public async ValueTask<AccessChangeResult> ApplyBatchAsync(AccessActor actor, IReadOnlyList<AccessChange> changes, CancellationToken cancellationToken = default)
    {
        CheckArguments(changes);
        var batch = new Batch(this, actor, changes);
        using Activity? activity = AccessControlDiagnostics.StartApply(actor, changes.Count);
        await _evaluator.PublishCoreAsync(batch.NextAsync, batch.Published, cancellationToken).ConfigureAwait(false);
        AccessChangeResult result = batch.Result!;
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
    public AccessChangeResult CheckBatch(AccessActor actor, IReadOnlyList<AccessChange> changes)
    {
        CheckArguments(changes);
        AccessSnapshot snapshot = _evaluator.Snapshot;
        DateTimeOffset now = _evaluator.TimeProvider.GetUtcNow();
        return Prepare(actor, changes, snapshot, now, new string?[changes.Count], out _, out _) ?? AccessChangeResult.Permitted(snapshot.Version);
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
            ?? ToDeltas(before, changes, now, actor, beforeTexts, out delta)
            ?? NextModel(before, delta, out model);
    }

    /// <summary>Turns each change of a batch into a delta, against the model as the earlier changes left it; returns the
    /// refusal of the first change that does not apply.</summary>
    private static AccessChangeResult? ToDeltas(
        AccessSnapshot before, IReadOnlyList<AccessChange> changes, DateTimeOffset now, AccessActor actor, string?[] beforeTexts, out AccessModelDelta delta)
    {
        delta = AccessModelDelta.Empty;
        var context = new ChangeContext(before, now, actor);
        for (int i = 0; i < changes.Count; i++)
        {
            try
            {
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
        AccessPrincipal principal;
        if (actor.SupportGrant is { } grant)
        {
            principal = before.GetSupportPrincipal(grant, now);
            if (principal.SupportDenial != AccessReason.None)
            {
                AccessDecision denial = SupportOverlay.Deny(principal.SupportDenial);
                return AccessChangeResult.Refused(before.Version, AccessChangeRefusal.NotPermitted, $"{actor} may not make changes: {denial}.", 0, denial);
            }

            for (int i = 0; i < changes.Count; i++)
            {
                AccessDecision forbidden = SupportSessionChanges.Check(before, principal.GrantIndex, changes[i]);
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
        else if (actor.IsSystem)
        {
            return null;
        }
        else
        {
            // The default actor names nobody; it is never taken for the system.
            return AccessChangeResult.Refused(before.Version, AccessChangeRefusal.NotPermitted, "The actor names no user, support session or the system.", 0, AccessDecision.Deny(AccessStage.User, AccessReason.UnknownUser));
        }

        for (int i = 0; i < changes.Count; i++)
        {
            AccessDecision decision = changes[i].Authorize(principal, before.Model);
            if (!decision.IsAllowed)
            {
                return AccessChangeResult.Refused(
                    before.Version, AccessChangeRefusal.NotPermitted, $"{actor} may not make change {i} ({changes[i].GetType().Name}): {changes[i].DescribeRefusal(decision, before.Model)}.", i, decision);
            }
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
