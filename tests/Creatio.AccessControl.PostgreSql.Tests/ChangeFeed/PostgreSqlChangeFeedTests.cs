using System.Collections.Concurrent;
using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Serialization;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.ChangeFeed;

/// <summary>Several instances on one database: the writer, the change feed, conflicts and faults.</summary>
public sealed class PostgreSqlChangeFeedTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private static readonly RoleId Sales = Ids.Role("Sales");

    [Fact]
    public async Task Commit_ChangesOfEveryKind_DatabaseHoldsTheModelTheEvaluatorPublished()
    {
        string connectionString = await SeededDatabaseAsync("writer_kinds");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        AccessModel model = a.Evaluator.Snapshot.Model;
        UserId newcomer = Ids.User("Newcomer");
        RecordDefinition deal = model.Records[0];
        AccessChangeResult result = await a.Administration.ApplyBatchAsync(AccessActor.System,
        [
            new AddUser(new UserDefinition(newcomer, "Newcomer") { Account = Ids.Account("Acme") }),
            new AddRole(new RoleDefinition(Ids.Role("Newly"), "Newly", AdminUnitKind.Team, Sales)),
            new AddMembership(new RoleMembership(newcomer, Sales)),
            new ShareRecord(new RecordRightRow(deal.Object, deal.Id, newcomer, RecordOperation.Edit, RecordRightLevel.Allow)),
            new SetObjectOperationRows(model.ObjectOperationRows[0].Object, [new ObjectOperationRow(model.ObjectOperationRows[0].Object, Sales, 0, ObjectOperations.Read)]),
            new SetSettings(model.Settings with { PortalAvailabilityMode = PortalAvailabilityMode.Lookup }),
        ]);
        Assert.True(result.IsApplied, result.Message);
        await a.Administration.ApplyAsync(AccessActor.System, new UnshareRecord(deal.Object, deal.Id, newcomer, RecordOperation.Edit));
        await a.Administration.ApplyAsync(AccessActor.System, new RemoveMembership(new RoleMembership(newcomer, Sales)));

        VersionedAccessModel stored = await a.Store.LoadVersionedModelAsync();

        Assert.Equal(a.Version, stored.Version);
        Assert.Equal(4, stored.Version);
        ModelAssert.EqualIgnoringOrder(a.Evaluator.Snapshot.Model, stored.Model);
        NpgsqlDataSource check = Server.CreateDataSource(connectionString);
        Assert.Equal("2,3,4", await ScalarAsync<string>(check, """SELECT string_agg("Version"::text, ',' ORDER BY "Version") FROM access_control."AccessChangeLog" """));
        Assert.Equal("system", await ScalarAsync<string>(check, """SELECT "Actor" FROM access_control."AccessChangeLog" WHERE "Version" = 2"""));
    }

    [Fact]
    public async Task Commit_StaleBaseVersion_ConflictAndNothingStored()
    {
        string connectionString = await SeededDatabaseAsync("writer_conflict");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        AccessModel model = a.Evaluator.Snapshot.Model;
        AccessModelDelta delta = new([new AddMembershipEdit(new RoleMembership(Ids.User("Boss"), Sales))]);

        AccessStoreCommitResult result = await a.Store.CommitAsync(new AccessStoreCommit(5, 6, "system", DateTimeOffset.UnixEpoch, delta, model.Apply(delta)), CancellationToken.None);

        Assert.False(result.IsCommitted);
        Assert.Equal(1, result.StoreVersion);
        Assert.Equal("The database holds model version 1, not version 5 the batch was made on.", result.Message);
        ModelAssert.EqualIgnoringOrder(model, await a.Store.LoadModelAsync());
        Assert.Equal(0L, await ScalarAsync<long>(Server.CreateDataSource(connectionString), """SELECT count(*) FROM access_control."AccessChangeLog" """));
    }

    [Fact]
    public async Task Commit_WritersOnTheSameBaseVersionAtOnce_ExactlyOneWinsAndTheLosersStoreNothing()
    {
        string connectionString = await SeededDatabaseAsync("writer_race");
        var instances = new List<FeedInstance>();
        for (int i = 0; i < 4; i++)
        {
            instances.Add(await FeedInstance.StartAsync(connectionString, $"w{i}"));
        }

        try
        {
            AccessChangeResult[] results = await Task.WhenAll(instances.Select((instance, i) =>
                instance.Administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(Ids.User($"racer {i}"), $"racer {i}"))).AsTask()));

            Assert.Single(results, r => r.IsApplied);
            Assert.All(results.Where(r => !r.IsApplied), r => Assert.Equal(AccessChangeRefusal.StoreConflict, r.Refusal));
            AccessModel stored = await instances[0].Store.LoadModelAsync();
            Assert.Single(stored.Users, u => u.Name.StartsWith("racer", StringComparison.Ordinal));
            await Eventually.TrueAsync(() => instances.All(i => i.Version == 2), "every instance holds version 2");
            Assert.All(instances, i => ModelAssert.EqualIgnoringOrder(stored, i.Evaluator.Snapshot.Model));
        }
        finally
        {
            foreach (FeedInstance instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Feed_WritersOnThreeInstances_EveryAcknowledgedChangeStoredAndEveryInstanceAgreesWithTheDatabase()
    {
        string connectionString = await SeededDatabaseAsync("feed_agree");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        await using FeedInstance b = await FeedInstance.StartAsync(connectionString, "b");
        await using FeedInstance c = await FeedInstance.StartAsync(connectionString, "c");
        FeedInstance[] all = [a, b, c];
        var seen = new ConcurrentDictionary<string, long>();
        bool versionWentBack = false;
        using var watching = new CancellationTokenSource();
        Task watcher = Task.Run(async () =>
        {
            long last = 0;
            while (!watching.IsCancellationRequested)
            {
                long now = b.Version;
                versionWentBack |= now < last;
                last = now;
                await Task.Delay(1);
            }
        });

        var acknowledged = new ConcurrentBag<string>();
        await Task.WhenAll(all.Select((instance, n) => Task.Run(async () =>
        {
            for (int i = 0; i < 8; i++)
            {
                string name = $"user {n}.{i}";
                AccessChangeResult result = await instance.ApplyRetryingAsync(new AddUser(new UserDefinition(Ids.User(name), name)));
                if (result.IsApplied)
                {
                    acknowledged.Add(name);
                }
            }
        })));

        VersionedAccessModel stored = await a.Store.LoadVersionedModelAsync();
        await Eventually.TrueAsync(() => all.All(i => i.Version == stored.Version), $"every instance holds version {stored.Version}");
        await watching.CancelAsync();
        await watcher;

        Assert.Equal(24, acknowledged.Count);
        Assert.Equal(acknowledged.Order(), stored.Model.Users.Select(u => u.Name).Where(n => n.StartsWith("user ", StringComparison.Ordinal)).Order());
        Assert.Equal(25, stored.Version);
        Assert.False(versionWentBack);
        Assert.All(all, i => ModelAssert.EqualIgnoringOrder(stored.Model, i.Evaluator.Snapshot.Model));
        UserId probe = Ids.User("user 2.7");
        Assert.All(all, i => Assert.Equal(
            AccessSnapshot.Compile(stored.Model).GetPrincipal(probe, DateTimeOffset.UnixEpoch).CheckObject("Opportunity", ObjectOperation.Read),
            i.Evaluator.CheckObject(probe, "Opportunity", ObjectOperation.Read)));
    }

    [Fact]
    public async Task Feed_ConnectionsKilled_InstanceKeepsAnsweringReconnectsAndCatchesUp()
    {
        string connectionString = await SeededDatabaseAsync("feed_killed");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        await using FeedInstance b = await FeedInstance.StartAsync(connectionString, "b_killed");
        NpgsqlDataSource admin = Server.CreateDataSource(connectionString);
        long failuresBefore = b.Feed.Status.FailureCount;

        await ExecuteAsync(admin, """SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'b_killed'""");
        await Eventually.TrueAsync(() => b.Feed.Status.FailureCount > failuresBefore, "b notices the lost connection");
        Assert.Equal(1, b.Version);
        Assert.True(b.Evaluator.CheckObject(Ids.User("Boss"), "Opportunity", ObjectOperation.Read).IsAllowed);
        AccessChangeResult result = await a.Administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(Ids.User("After the kill"), "After the kill")));
        Assert.True(result.IsApplied, result.Message);

        await Eventually.TrueAsync(() => b.Version == 2, "b catches up to version 2");
        Assert.True(b.Feed.Status.IsConnected);
        ModelAssert.EqualIgnoringOrder(a.Evaluator.Snapshot.Model, b.Evaluator.Snapshot.Model);
    }

    [Fact]
    public async Task Feed_NotificationLost_PollingCatchesUp()
    {
        string connectionString = await SeededDatabaseAsync("feed_lost");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        await using FeedInstance deaf = await FeedInstance.StartAsync(connectionString, "deaf", pollInterval: TimeSpan.FromMilliseconds(200), channel: "nobody_notifies_this");

        AccessChangeResult result = await a.Administration.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(Ids.User("Boss"), Sales)));

        Assert.True(result.IsApplied, result.Message);
        await Eventually.TrueAsync(() => deaf.Version == 2, "the instance that hears no notification polls version 2");
        await Eventually.TrueAsync(() => deaf.Feed.Status.StoreVersion == 2, "the feed's status shows the database at version 2");
        ModelAssert.EqualIgnoringOrder(a.Evaluator.Snapshot.Model, deaf.Evaluator.Snapshot.Model);
    }

    [Fact]
    public async Task Feed_MalformedChangeRow_KeepsTheLastGoodSnapshotReportsItAndRecoversFromTheTables()
    {
        string connectionString = await SeededDatabaseAsync("feed_malformed");
        await using FeedInstance b = await FeedInstance.StartAsync(connectionString, "b", pollInterval: TimeSpan.FromSeconds(1));
        var health = new PostgreSqlChangeFeedHealthCheck(b.Feed, b.Evaluator);
        NpgsqlDataSource admin = Server.CreateDataSource(connectionString);
        long versionWhileBroken = -1;
        HealthCheckResult? reported = null;

        await ExecuteAsync(admin, """
            BEGIN;
            UPDATE access_control."AccessModelVersion" SET "Version" = 2;
            INSERT INTO access_control."AccessChangeLog" ("Version", "BaseVersion", "Actor", "Payload") VALUES (2, 1, 'system', '{"formatVersion":1,"edits":[{"kind":"noSuchEdit"}]}');
            SELECT pg_notify('access_control_changes', '2');
            COMMIT;
            """);
        await Eventually.TrueAsync(() =>
        {
            if (b.Feed.Status.Error is null)
            {
                return false;
            }

            versionWhileBroken = b.Version;
            reported = health.CheckHealthAsync(new HealthCheckContext()).GetAwaiter().GetResult();
            return true;
        }, "b reports the change it could not apply");

        Assert.Equal(1, versionWhileBroken);
        Assert.Equal(HealthStatus.Unhealthy, reported!.Value.Status);
        Assert.Contains("The change of version 2 in the change log was not applied", reported.Value.Description, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => b.Feed.Status.Error is null && b.Version == 2, "b reads the model again and recovers");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.StartsWith("The change of version 2", b.Feed.Status.LastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_VersionJumpedWithoutLog_ReadsTheWholeModelAgain()
    {
        string connectionString = await SeededDatabaseAsync("feed_gap");
        await using FeedInstance b = await FeedInstance.StartAsync(connectionString, "b", pollInterval: TimeSpan.FromMilliseconds(100));
        NpgsqlDataSource admin = Server.CreateDataSource(connectionString);

        await ExecuteAsync(admin, """
            BEGIN;
            INSERT INTO access_control."SysUserInRole" ("SysUserId", "SysRoleId") SELECT u."Id", r."Id" FROM access_control."SysAdminUnit" u, access_control."SysAdminUnit" r
                WHERE u."Name" = 'Boss' AND r."Name" LIKE 'Отдел продаж%';
            UPDATE access_control."AccessModelVersion" SET "Version" = 7;
            COMMIT;
            """);

        await Eventually.TrueAsync(() => b.Version == 7, "b reloads version 7");
        ModelAssert.EqualIgnoringOrder(await b.Store.LoadModelAsync(), b.Evaluator.Snapshot.Model);
        Assert.Contains(b.Evaluator.Snapshot.Model.Memberships, m => m.User == Ids.User("Boss") && m.Role == Sales);
    }

    [Fact]
    public async Task Feed_ServerRestartedMidRun_InstancesKeepAnsweringReconnectAndLoseNothing()
    {
        string connectionString = await SeededDatabaseAsync("feed_restart");
        await using FeedInstance a = await FeedInstance.StartAsync(connectionString, "a");
        await using FeedInstance b = await FeedInstance.StartAsync(connectionString, "b", pollInterval: TimeSpan.FromSeconds(1));
        Assert.True((await a.ApplyRetryingAsync(new AddUser(new UserDefinition(Ids.User("Before"), "Before")))).IsApplied);
        await Eventually.TrueAsync(() => b.Version == 2, "b holds version 2");

        await Server.RestartServerAsync(TimeSpan.FromMilliseconds(500));

        Assert.True(b.Evaluator.CheckObject(Ids.User("Boss"), "Opportunity", ObjectOperation.Read).IsAllowed);
        await Eventually.TrueAsync(() => b.Feed.Status.IsConnected && a.Feed.Status.IsConnected, "both feeds connect again");
        AccessChangeResult after = await RetryingOnLostConnectionsAsync(() => a.ApplyRetryingAsync(new AddUser(new UserDefinition(Ids.User("After"), "After"))));
        Assert.True(after.IsApplied, after.Message);
        await Eventually.TrueAsync(() => b.Version == 3, "b holds version 3");
        VersionedAccessModel stored = await a.Store.LoadVersionedModelAsync();
        Assert.Equal(3, stored.Version);
        ModelAssert.EqualIgnoringOrder(stored.Model, b.Evaluator.Snapshot.Model);
        Assert.Contains(stored.Model.Users, u => u.Name == "Before");
    }

    /// <summary>Pooled connections broken by a restart fail once each; the caller tries again.</summary>
    private static async Task<AccessChangeResult> RetryingOnLostConnectionsAsync(Func<Task<AccessChangeResult>> apply)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await apply();
            }
            catch (NpgsqlException) when (attempt < 20)
            {
            }
        }
    }

    /// <summary>A database holding <see cref="PolicyExamples.EveryFeature"/> at version 1.</summary>
    private async Task<string> SeededDatabaseAsync(string prefix)
    {
        string connectionString = await Server.CreateDatabaseAsync(prefix);
        NpgsqlDataSource dataSource = Server.CreateDataSource(connectionString);
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        await new PostgreSqlAccessStore(dataSource).ImportAsync(PolicyExamples.EveryFeature());
        return connectionString;
    }
}
