using System.Collections.Concurrent;
using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Publishers racing on one evaluator and one store while readers check: administration changes from several
/// threads through two owners, and another host that commits to the store directly, after which this host catches up
/// through the evaluator's publish path (as a change feed would). Every acknowledged change lands whole, nothing refused
/// lands at all, and versions only grow (issue 13, defect 4).</summary>
public sealed class PublishRaceTests
{
    private const int AdminThreads = 3;
    private const int UsersPerThread = 30;
    private const int RemoteCommits = 10;
    private const int Readers = 2;

    [Fact]
    public async Task Publishers_RacingWhileReadersCheck_EveryAcknowledgedChangeLandsWholeAndNothingRefusedLands()
    {
        var sink = new RecordingAuditSink();
        WatchedWriter? writer = null;
        using AdminHarness h = AdminHarness.Create(sinks: [sink], writer: store => writer = new WatchedWriter(store));
        var second = new AccessAdministration(h.Evaluator, writer, h.Dispatcher);
        RoleId creators = h.Org["Creators"];
        var applied = new ConcurrentDictionary<long, AccessChange>();
        var refused = new ConcurrentBag<(UserId User, AccessChangeResult Result)>();
        var remoteVersions = new ConcurrentBag<long>();
        var users = new ConcurrentBag<UserId>();
        using var done = new CancellationTokenSource();

        // A change refused because the store moved on is retried, as callers are told to, until it lands.
        async Task ApplyRetrying(AccessAdministration owner, AccessChange change)
        {
            while (true)
            {
                AccessChangeResult result = await owner.ApplyAsync(AccessActor.System, change);
                if (result.IsApplied)
                {
                    Assert.True(applied.TryAdd(result.Version, change), $"Version {result.Version} was acknowledged twice.");
                    return;
                }

                Assert.Equal(AccessChangeRefusal.StoreConflict, result.Refusal);
                await Task.Delay(1);
            }
        }

        // Each administration thread adds users and puts each in Creators: a full change, then an incremental one. A user
        // whose addition is refused is given up, so that it must never appear.
        Task[] administrators = [.. Enumerable.Range(0, AdminThreads).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < UsersPerThread; i++)
            {
                UserId user = Ids.User($"race {t}.{i}");
                users.Add(user);
                AccessAdministration owner = i % 2 == 0 ? h.Admin : second;
                AccessChangeResult added = await owner.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(user, $"Race {t}.{i}")));
                if (!added.IsApplied)
                {
                    refused.Add((user, added));
                    continue;
                }

                Assert.True(applied.TryAdd(added.Version, new AddUser(new UserDefinition(user, $"Race {t}.{i}"))));
                await ApplyRetrying(owner == h.Admin ? second : h.Admin, new AddMembership(new RoleMembership(user, creators)));
            }
        }))];

        // Another host commits a user to the store; until this host catches up, its changes are refused (checked here
        // deterministically through the second owner), then it publishes what the store holds at the store's version.
        Task remote = Task.Run(async () =>
        {
            for (int j = 0; j < RemoteCommits; j++)
            {
                UserId user = Ids.User($"remote {j}");
                users.Add(user);
                long stored = await CommitRemotely(h.Store, new UserDefinition(user, $"Remote {j}"));
                remoteVersions.Add(stored);

                UserId early = Ids.User($"too early {j}");
                users.Add(early);
                AccessChangeResult tooEarly = await second.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(early, "Too early")));
                Assert.Equal(AccessChangeRefusal.StoreConflict, tooEarly.Refusal);
                refused.Add((early, tooEarly));

                AccessSnapshot? caughtUp = await h.Evaluator.PublishAsync(async (current, cancellationToken) =>
                {
                    long version = h.Store.Version;
                    Assert.Equal(current.Version + 1, version);
                    AccessModel model = await AccessStoreLoader.LoadAsync(h.Store, cancellationToken);
                    return AccessSnapshot.Compile(model, version);
                });
                Assert.Equal(stored, caughtUp!.Version);
                await Task.Delay(5);
            }
        });

        Task<int>[] readers = [.. Enumerable.Range(0, Readers).Select(_ => Task.Run(() => Read(h, users, creators, done.Token)))];
        try
        {
            await Task.WhenAll([.. administrators, remote]);
        }
        finally
        {
            await done.CancelAsync();
        }

        int[] reads = await Task.WhenAll(readers);
        Assert.All(reads, count => Assert.True(count > 0));

        // Every version is accounted for: an acknowledged change or a remote commit, each once.
        AccessSnapshot final = h.Snapshot;
        Assert.Equal(final.Version, h.Store.Version);
        Assert.Equal(
            Enumerable.Range(2, (int)final.Version - 1).Select(v => (long)v),
            applied.Keys.Concat(remoteVersions).Order());

        // Store and snapshot agree; every acknowledged change is in both; nothing refused is in either.
        AccessModel stored = await AccessStoreLoader.LoadAsync(h.Store, CancellationToken.None);
        Assert.Equal(final.Model.Users.Select(u => u.Id.Value).Order(), stored.Users.Select(u => u.Id.Value).Order());
        Assert.Equal(final.Model.Memberships.Select(m => m.ToString()).Order(StringComparer.Ordinal), stored.Memberships.Select(m => m.ToString()).Order(StringComparer.Ordinal));
        foreach (AccessChange change in applied.Values)
        {
            switch (change)
            {
                case AddUser add:
                    Assert.True(final.GetPrincipal(add.User.Id, AdminHarness.Now).IsKnown, $"{change} is lost.");
                    break;
                case AddMembership membership:
                    Assert.True(final.GetPrincipal(membership.Membership.User, AdminHarness.Now).HasEffectiveRole(creators), $"{change} is lost.");
                    Assert.Contains(membership.Membership, stored.Memberships);
                    break;
            }
        }

        // The owners of one evaluator never conflict with each other: the store refused only what the other host got in
        // before, while this host had not caught up.
        Assert.NotEmpty(refused);
        Assert.All(writer!.ConflictVersions, v => Assert.Contains(v, remoteVersions));
        foreach ((UserId user, AccessChangeResult result) in refused)
        {
            Assert.Equal(AccessChangeRefusal.StoreConflict, result.Refusal);
            Assert.False(final.GetPrincipal(user, AdminHarness.Now).IsKnown, $"Refused user {user} is present.");
            Assert.DoesNotContain(stored.Users, u => u.Id == user);
        }

        // The audit holds each acknowledged change once, at its version, in version order, and nothing else.
        IReadOnlyList<AccessAuditEvent> events = sink.Events;
        Assert.Equal(applied.Keys.Order(), events.Select(e => e.SnapshotVersion));
        foreach (AccessAuditEvent audited in events)
        {
            AccessChange change = applied[audited.SnapshotVersion];
            Assert.Equal(change.GetType().Name, audited.Action);
            Assert.Equal(change.ToString(), audited.Description);
        }
    }

    /// <summary>The store writer of both owners: completes asynchronously, as a database would, and records the version the
    /// store held at each conflict.</summary>
    private sealed class WatchedWriter(InMemoryAccessStore inner) : IAccessStoreWriter
    {
        private readonly ConcurrentBag<long> _conflicts = [];

        public IReadOnlyCollection<long> ConflictVersions => _conflicts;

        public async ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
        {
            // A store does I/O: the commit completes later, on another thread.
            await Task.Yield();
            AccessStoreCommitResult result = await inner.CommitAsync(commit, cancellationToken);
            if (!result.IsCommitted)
            {
                _conflicts.Add(result.StoreVersion);
            }

            return result;
        }
    }

    /// <summary>Commits one user to the store as another host would, on whatever version the store holds.</summary>
    private static async Task<long> CommitRemotely(InMemoryAccessStore store, UserDefinition user)
    {
        while (true)
        {
            // The version first: a model read after it is at least as new, so a stale pair is refused, never stored.
            long version = store.Version;
            AccessModelBuilder next = store.Model.ToBuilder();
            next.Add(user);
            var commit = new AccessStoreCommit(version, version + 1, AccessActor.System.ToString(), AdminHarness.Now, new AccessModelDelta([new PutUserEdit(user)]), next.Build());
            AccessStoreCommitResult result = await store.CommitAsync(commit, CancellationToken.None);
            if (result.IsCommitted)
            {
                return result.StoreVersion;
            }
        }
    }

    /// <summary>Checks snapshots until told to stop: versions never go back, and each snapshot holds exactly one race
    /// item (a user, or a user's membership in Creators) per version after the first.</summary>
    private static int Read(AdminHarness h, ConcurrentBag<UserId> users, RoleId creators, CancellationToken done)
    {
        long last = 0;
        int reads = 0;

        // At least one read, even when the thread pool starts this reader only after the writers are done (2 cores).
        do
        {
            AccessSnapshot snapshot = h.Evaluator.Snapshot;
            Assert.True(snapshot.Version >= last, $"Version went back from {last} to {snapshot.Version}.");
            last = snapshot.Version;
            Assert.True(h.Evaluator.GetPrincipal(h.Org.UserId("Alice")).Snapshot!.Version >= last);

            int items = 0;
            foreach (UserId user in users)
            {
                AccessPrincipal principal = snapshot.GetPrincipal(user, AdminHarness.Now);
                items += (principal.IsKnown ? 1 : 0) + (principal.HasEffectiveRole(creators) ? 1 : 0);
            }

            // Users are listed before they are added, so every user a snapshot holds is counted.
            Assert.Equal(snapshot.Version - 1, items);
            reads++;
        }
        while (!done.IsCancellationRequested);

        return reads;
    }
}
