using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Support;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.Auditing;

/// <summary>The audit log in PostgreSQL: written in the background, read back by permitted users, kept across a failing database.</summary>
public sealed class PostgreSqlAccessAuditSinkTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 9, 30, 0, TimeSpan.FromHours(2));
    private static readonly UserId s_viewer = Ids.User("Viewer");
    private static readonly UserId s_bob = Ids.User("Bob");
    private static readonly AccessSnapshot s_snapshot = AccessSnapshot.Compile(new AccessModelBuilder()
        .Add(new UserDefinition(s_viewer, "Viewer"))
        .Add(new UserDefinition(s_bob, "Bob"))
        .Add(new SystemOperationRow(SystemOperations.CanViewSysOperationAudit, s_viewer, 0, CanExecute: true))
        .Build());

    private static AccessPrincipal Viewer => s_snapshot.GetPrincipal(s_viewer, s_now);

    [Fact]
    public async Task Write_ThenFlush_AnotherDataSourceReadsEveryEventBackOldestFirst()
    {
        var grant = new SupportGrantId(Ids.Guid("grant"));
        AccessAuditEvent[] written =
        [
            new(AccessAuditEventType.UserRoleChange, s_now, AccessActor.ForUser(s_bob), "AddMembership", "Bob joins Sales", null, "Sales", 7),
            new(AccessAuditEventType.SupportAccess, s_now.AddMinutes(1), AccessActor.ForSupportSession(grant), "SessionStarted", "Session started", "before", null, 8),
            new(AccessAuditEventType.DeniedOperation, s_now.AddMinutes(2), AccessActor.System, "Denied", "Отказ \"quoted\"", null, null, 9),
        ];
        await using (var sink = new PostgreSqlAccessAuditSink(DataSource))
        {
            foreach (AccessAuditEvent e in written)
            {
                sink.Write(e);
            }

            await sink.FlushAsync();
            Assert.Equal(0, sink.PendingCount);
        }

        await using NpgsqlDataSource other = NpgsqlDataSource.Create(ConnectionString);
        await using var reader = new PostgreSqlAccessAuditSink(other);
        IReadOnlyList<AccessAuditEvent> read = await reader.ReadAsync(Viewer, s_now, s_now.AddMinutes(3));

        Assert.Equal(written.Select(Text), read.Select(Text));
        Assert.All(read, e => Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset));
    }

    [Fact]
    public async Task ReadAsync_BoundsAndLimit_ReturnTheEventsInTheHalfOpenRange()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_range");
        await using var sink = new PostgreSqlAccessAuditSink(dataSource);
        for (int i = 0; i < 5; i++)
        {
            sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now.AddMinutes(i), AccessActor.System, $"e{i}", "signed in", null, null, 1));
        }

        await sink.FlushAsync();

        Assert.Equal(["e1", "e2"], (await sink.ReadAsync(Viewer, s_now.AddMinutes(1), s_now.AddMinutes(3))).Select(e => e.Action));
        Assert.Equal(["e0", "e1"], (await sink.ReadAsync(Viewer, limit: 2)).Select(e => e.Action));
    }

    [Fact]
    public async Task ReadAsync_UserNotAllowedToViewTheAuditLog_ThrowsUnauthorizedAccess()
    {
        await using var sink = new PostgreSqlAccessAuditSink(DataSource);
        AccessPrincipal bob = s_snapshot.GetPrincipal(s_bob, s_now);

        var failure = await Assert.ThrowsAsync<UnauthorizedAccessException>(() => sink.ReadAsync(bob));

        Assert.StartsWith($"User `{s_bob}` may not read the audit log: CanViewSysOperationAudit is denied", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DatabaseFailing_ReturnsAtOnceKeepsTheEventsReportsAndWritesThemWhenItRecovers()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_late", migrate: false);
        var options = new PostgreSqlAccessControlOptions { SchemaName = "late", AuditRetryDelay = TimeSpan.FromMilliseconds(50) };
        await using var sink = new PostgreSqlAccessAuditSink(dataSource, options);

        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "early", "before the tables exist", null, null, 1));
        await WaitAsync(() => sink.FailureCount > 0);

        Assert.IsType<PostgresException>(sink.LastError);
        Assert.Equal(1, sink.PendingCount);

        await PostgreSqlAccessSchema.MigrateAsync(dataSource, "late");
        await sink.FlushAsync();

        Assert.Null(sink.LastError);
        Assert.Equal(0, sink.DroppedCount);
        Assert.Equal(["early"], (await sink.ReadAsync(Viewer)).Select(e => e.Action));
    }

    [Fact]
    public async Task Write_QueueFull_DropsAndCountsWithoutWaiting()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_full", migrate: false);
        var options = new PostgreSqlAccessControlOptions { SchemaName = "never", AuditQueueCapacity = 2, AuditBatchSize = 1, AuditRetryDelay = TimeSpan.FromHours(1), AuditShutdownTimeout = TimeSpan.Zero };
        var sink = new PostgreSqlAccessAuditSink(dataSource, options);

        for (int i = 0; i < 10; i++)
        {
            sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, $"e{i}", "signed in", null, null, 1));
        }

        // One event is held by the writer's failing batch, two wait in the queue, the rest are dropped.
        Assert.InRange(sink.DroppedCount, 7, 8);
        await sink.DisposeAsync();
        Assert.Equal(10, sink.DroppedCount);
    }

    [Fact]
    public async Task Dispose_EventsQueued_StopsWithoutWaitingAndCountsThemDropped()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_dispose", migrate: false);
        var options = new PostgreSqlAccessControlOptions { SchemaName = "never", AuditRetryDelay = TimeSpan.FromHours(1) };
        var sink = new PostgreSqlAccessAuditSink(dataSource, options);
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "e", "signed in", null, null, 1));
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "f", "signed in", null, null, 1));

        sink.Dispose();
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "g", "signed in", null, null, 1));

        Assert.Equal(3, sink.DroppedCount);
    }

    [Fact]
    public async Task Evaluator_DeniedCheckWithTheEventEnabled_IsStored()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_denied");
        await using var sink = new PostgreSqlAccessAuditSink(dataSource);
        AccessModelBuilder builder = s_snapshot.Model.ToBuilder();
        builder.Settings = builder.Settings with { EnabledAuditEvents = [AccessAuditEventType.DeniedOperation] };
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(builder.Build()), observer: new AccessAuditDispatcher([sink]));

        AccessDecision decision = evaluator.CheckSystemOperation(s_bob, SystemOperations.CanViewSysOperationAudit);
        await sink.FlushAsync();

        Assert.False(decision.IsAllowed);
        AccessAuditEvent stored = Assert.Single(await sink.ReadAsync(Viewer));
        Assert.Equal(AccessAuditEventType.DeniedOperation, stored.Type);
        Assert.Equal(AccessActor.ForUser(s_bob), stored.Actor);
    }

    private static string Text(AccessAuditEvent e) =>
        $"{e.Type}|{e.Timestamp.UtcTicks}|{e.Actor}|{e.Action}|{e.Description}|{e.Before}|{e.After}|{e.SnapshotVersion}";

    private static async Task WaitAsync(Func<bool> condition)
    {
        for (int i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}
