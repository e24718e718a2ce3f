using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.DependencyInjection;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 4: an administration change racing another publisher was lost. Each test stops one publisher
/// at the point where the race used to lose the change, lets the other run, then resumes the first.</summary>
public sealed class Issue13_PublishTests : IDisposable
{
    /// <summary>How long a stopped publisher waits for the other one to finish before it goes on anyway: a fixed
    /// evaluator makes the other one wait for the stopped one, so it cannot finish first.</summary>
    private static readonly TimeSpan s_otherPublisherGrace = TimeSpan.FromMilliseconds(400);

    private readonly PolicyFileFixture _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task UsePolicyFile_ReloadWhileAChangeIsBeingMade_BothArePublishedInTurn()
    {
        // Before the fix the change was computed as version 2, the reload published version 2 meanwhile, and the change
        // threw ArgumentException ("The snapshot has version 2; it must be greater than the current version 2"), unaudited.
        _file.Write(PolicyFileFixture.Model());
        var clock = new PausingClock(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var sink = new RecordingAuditSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddCreatioAccessControl(o => o.EnabledAuditEvents = [AccessAuditEventType.UserChange])
            .UsePolicyFile(_file.FilePath)
            .AddAuditSink(sink);
        using ServiceProvider provider = services.BuildServiceProvider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        IAccessAdministration administration = provider.GetRequiredService<IAccessAdministration>();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        _file.Write(PolicyFileFixture.Model(bobReads: true));
        UserId carl = Ids.User("Carl");

        var reloaded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<AccessChangeResult> change = clock.RunPausedOnce(
            reloaded.Task, () => administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(carl, "Carl"))).AsTask());
        await clock.Paused;
        Task<bool> reloading = reload.ReloadAsync().AsTask();
        _ = reloading.ContinueWith(t => reloaded.TrySetResult(true), TaskScheduler.Default);

        AccessChangeResult result = await change;
        bool published = await reloading;

        Assert.True(result.IsApplied, result.Message);
        Assert.True(published);
        Assert.Null(reload.LastReloadError);
        Assert.Equal(3, evaluator.Snapshot.Version);
        Assert.Equal(2, result.Version);

        // The reload came after the change, so the file (the source of truth) replaced it; the audit keeps it, once.
        Assert.False(evaluator.GetPrincipal(carl).IsKnown);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
        AccessAuditEvent audited = Assert.Single(sink.Events);
        Assert.Equal(2, audited.SnapshotVersion);
    }

    [Fact]
    public async Task SecondOwnerOnTheSameEvaluator_PublishesWhileTheFirstCommits_BothLandWholeInTurn()
    {
        // Before the fix each owner serialized only its own changes: the second one published version 2 while the first was
        // committing version 2, and the first was refused by the store with InvalidOperationException.
        PausingWriter? first = null;
        var sink = new RecordingAuditSink();
        using AdminHarness h = AdminHarness.Create(sinks: [sink], writer: store => first = new PausingWriter(store));
        var second = new AccessAdministration(h.Evaluator, h.Store, h.Dispatcher);
        UserId bob = h.Org.UserId("Bob");
        UserId alice = h.Org.UserId("Alice");

        var secondDone = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        first!.PauseFirstCommitUntil(secondDone.Task);
        Task<AccessChangeResult> firstChange = Task.Run(() => h.Admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(bob, h.Org["Creators"]))).AsTask());
        await first.Paused;
        Task<AccessChangeResult> secondChange = second.ApplyAsync(AccessActor.System, new DeactivateUser(alice)).AsTask();
        _ = secondChange.ContinueWith(t => secondDone.TrySetResult(true), TaskScheduler.Default);

        AccessChangeResult firstResult = await firstChange;
        AccessChangeResult secondResult = await secondChange;

        Assert.True(firstResult.IsApplied, firstResult.Message);
        Assert.True(secondResult.IsApplied, secondResult.Message);
        Assert.Equal(2, firstResult.Version);
        Assert.Equal(3, secondResult.Version);
        Assert.Equal(3, h.Snapshot.Version);
        Assert.Equal(3, h.Store.Version);
        Assert.Same(h.Snapshot.Model, h.Store.Model);
        Assert.True(h.Principal("Bob").HasEffectiveRole(h.Org["Creators"]));
        Assert.False(h.Principal("Alice").IsActive);
        Assert.Equal([2L, 3L], sink.Events.Select(e => e.SnapshotVersion).Order());

        // And the next change lands too: nothing is left half done.
        AccessChangeResult third = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(bob));
        Assert.True(third.IsApplied, third.Message);
        Assert.Equal(4, h.Store.Version);
    }

    [Fact]
    public async Task StoreAheadOfTheSnapshot_ChangeIsRefusedWithAReasonNotThrown()
    {
        // Issue 13, rule: a version conflict in InMemoryAccessStore surfaced as InvalidOperationException.
        using AdminHarness h = AdminHarness.Create(writer: store => new InMemoryAccessStore(store.Model, 2));
        AccessSnapshot before = h.Snapshot;

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));

        Assert.False(result.IsApplied);
        Assert.Equal(AccessChangeRefusal.StoreConflict, result.Refusal);
        Assert.Same(before, h.Snapshot);
        Assert.Equal(0, h.Sink.Count);
    }

    /// <summary>A clock that stops the first caller in a flow started by <see cref="RunPausedOnce"/> until a task completes
    /// (or the grace period passes); every other caller reads it without stopping.</summary>
    private sealed class PausingClock(DateTimeOffset now) : TimeProvider
    {
        private static readonly AsyncLocal<Pause?> s_pause = new();
        private readonly TaskCompletionSource<bool> _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Paused => _paused.Task;

        public Task<T> RunPausedOnce<T>(Task until, Func<Task<T>> action) => Task.Run(() =>
        {
            s_pause.Value = new Pause(until);
            return action();
        });

        public override DateTimeOffset GetUtcNow()
        {
            if (s_pause.Value is { } pause && Interlocked.Exchange(ref pause.Used, 1) == 0)
            {
                _paused.TrySetResult(true);
                Task.WhenAny(pause.Until, Task.Delay(s_otherPublisherGrace)).GetAwaiter().GetResult();
            }

            return now;
        }

        private sealed class Pause(Task until)
        {
            public int Used;

            public Task Until { get; } = until;
        }
    }

    /// <summary>A writer that stops in its first commit, before storing, until a task completes (or the grace period passes).</summary>
    private sealed class PausingWriter(InMemoryAccessStore inner) : IAccessStoreWriter
    {
        private readonly TaskCompletionSource<bool> _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Task? _until;

        public Task Paused => _paused.Task;

        public void PauseFirstCommitUntil(Task until) => _until = until;

        public async ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _until, null) is { } until)
            {
                _paused.TrySetResult(true);
                await Task.WhenAny(until, Task.Delay(s_otherPublisherGrace, cancellationToken)).ConfigureAwait(false);
            }

            return await inner.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        }
    }
}
