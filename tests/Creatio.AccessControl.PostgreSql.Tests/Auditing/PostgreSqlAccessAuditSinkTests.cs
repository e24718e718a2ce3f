using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.Auditing;

/// <summary>The audit log in PostgreSQL: written in the background, read back and archived, read by permitted users through
/// the audit log, kept across a failing database.</summary>
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
        IReadOnlyList<AccessAuditEvent> read = await reader.ReadAsync(s_now, s_now.AddMinutes(3), CancellationToken.None);

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

        Assert.Equal(["e1", "e2"], (await sink.ReadAsync(s_now.AddMinutes(1), s_now.AddMinutes(3), CancellationToken.None)).Select(e => e.Action));
        Assert.Equal(["e0", "e1", "e2", "e3", "e4"], (await AllAsync(sink)).Select(e => e.Action));
    }

    [Fact]
    public async Task ArchiveAsync_RemovesAndReturnsTheEventsBeforeTheInstantOldestFirst()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_archive");
        await using var sink = new PostgreSqlAccessAuditSink(dataSource);
        for (int i = 4; i >= 0; i--)
        {
            sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now.AddMinutes(i), AccessActor.System, $"e{i}", "signed in", null, null, 1));
        }

        IReadOnlyList<AccessAuditEvent> archived = await sink.ArchiveAsync(s_now.AddMinutes(2), CancellationToken.None);

        Assert.Equal(["e0", "e1"], archived.Select(e => e.Action));
        Assert.Equal(["e2", "e3", "e4"], (await AllAsync(sink)).Select(e => e.Action));
        Assert.Empty(await sink.ArchiveAsync(s_now.AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task AuditLog_OverThePostgreSqlSink_ReadsForTheViewerOnlyAndAuditsTheRead()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_log");
        await using var sink = new PostgreSqlAccessAuditSink(dataSource);
        AccessModelBuilder builder = s_snapshot.Model.ToBuilder();
        builder.Settings = builder.Settings with { EnabledAuditEvents = [AccessAuditEventType.AuditLogOperation] };
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(builder.Build()), new FakeTimeProvider(s_now));
        var log = new AccessAuditLog(evaluator, sink, [sink]);
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now.AddMinutes(-1), AccessActor.System, "SignIn", "signed in", null, null, 1));

        AccessAuditLogResult bob = await log.ReadAsync(AccessActor.ForUser(s_bob), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        AccessAuditLogResult viewer = await log.ReadAsync(AccessActor.ForUser(s_viewer), DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

        Assert.False(bob.IsAllowed);
        Assert.Empty(bob.Events);
        Assert.Equal(["SignIn"], viewer.Events.Select(e => e.Action));
        Assert.Equal(["SignIn", "Read"], (await AllAsync(sink)).Select(e => e.Action));
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
        Assert.Equal(["early"], (await AllAsync(sink)).Select(e => e.Action));
    }

    [Fact]
    public async Task ReadAndArchive_WhileTheDatabaseKeepsRefusingABatch_AnswerWithWhatTheTableHolds()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("audit_refused");
        var options = new PostgreSqlAccessControlOptions { AuditRetryDelay = TimeSpan.FromMilliseconds(50) };
        await using var sink = new PostgreSqlAccessAuditSink(dataSource, options);
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "stored", "signed in", null, null, 1));
        await sink.FlushAsync();

        // PostgreSQL text cannot hold a NUL character: this batch is refused at every try.
        sink.Write(new AccessAuditEvent(AccessAuditEventType.UserAuthorization, s_now, AccessActor.System, "refused", "nul \0 inside", null, null, 1));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        IReadOnlyList<AccessAuditEvent> read = await sink.ReadAsync(s_now, s_now.AddMinutes(1), timeout.Token);
        IReadOnlyList<AccessAuditEvent> archived = await sink.ArchiveAsync(s_now.AddMinutes(1), timeout.Token);

        Assert.Equal(["stored"], read.Select(e => e.Action));
        Assert.Equal(["stored"], archived.Select(e => e.Action));
        Assert.True(sink.FailureCount > 0);
        Assert.Equal(1, sink.PendingCount);
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
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(builder.Build()), observer: AccessAuditObservers.DeniedOperations([sink]));

        AccessDecision decision = evaluator.CheckSystemOperation(s_bob, SystemOperations.CanViewSysOperationAudit);
        await sink.FlushAsync();

        Assert.False(decision.IsAllowed);
        AccessAuditEvent stored = Assert.Single(await AllAsync(sink));
        Assert.Equal(AccessAuditEventType.DeniedOperation, stored.Type);
        Assert.Equal(AccessActor.ForUser(s_bob), stored.Actor);
    }

    private static async Task<IReadOnlyList<AccessAuditEvent>> AllAsync(PostgreSqlAccessAuditSink sink) =>
        await sink.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None);

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
