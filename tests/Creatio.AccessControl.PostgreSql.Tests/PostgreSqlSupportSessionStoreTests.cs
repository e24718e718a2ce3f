using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Support;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests;

/// <summary>The support-session log in PostgreSQL.</summary>
public sealed class PostgreSqlSupportSessionStoreTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SaveSessionAsync_StartedChangedEnded_AnotherDataSourceReadsItAsItIsNow()
    {
        var store = new PostgreSqlSupportSessionStore(DataSource);
        var grant = new SupportGrantId(Guid.NewGuid());
        var started = new SupportSession(new SupportSessionId(Guid.NewGuid()), grant, s_start, null, []);
        var edit = new SupportSessionChange(s_start.AddMinutes(5), "Contact", Ids.Record("Ann"), "Edit", ["Email", "Phone"]);
        var create = new SupportSessionChange(s_start.AddMinutes(6), "Account", null, "Create", []);

        await store.SaveSessionAsync(started, CancellationToken.None);
        await store.SaveSessionAsync(started with { Changes = [edit] }, CancellationToken.None);
        await store.SaveSessionAsync(started with { Changes = [edit, create], EndedAt = s_start.AddMinutes(10) }, CancellationToken.None);

        await using NpgsqlDataSource other = NpgsqlDataSource.Create(ConnectionString);
        SupportSession? read = await new PostgreSqlSupportSessionStore(other).GetSessionAsync(started.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(Text(started with { Changes = [edit, create], EndedAt = s_start.AddMinutes(10) }), Text(read));
    }

    [Fact]
    public async Task SaveSessionAsync_FewerChanges_StoresTheSessionAsGiven()
    {
        var store = new PostgreSqlSupportSessionStore(DataSource);
        var session = new SupportSession(new SupportSessionId(Guid.NewGuid()), new SupportGrantId(Guid.NewGuid()), s_start, null,
            [new SupportSessionChange(s_start, "Contact", null, "Edit", ["Name"]), new SupportSessionChange(s_start, "Lead", null, "Delete", [])]);
        await store.SaveSessionAsync(session, CancellationToken.None);

        await store.SaveSessionAsync(session with { Changes = [session.Changes[1]] }, CancellationToken.None);

        Assert.Equal(Text(session with { Changes = [session.Changes[1]] }), Text((await store.GetSessionAsync(session.Id, CancellationToken.None))!));
    }

    [Fact]
    public async Task GetSessionsAsync_SessionsOfSeveralGrants_ReturnsTheGrantsSessionsOldestFirst()
    {
        var store = new PostgreSqlSupportSessionStore(DataSource);
        var grant = new SupportGrantId(Guid.NewGuid());
        var later = new SupportSession(new SupportSessionId(Guid.NewGuid()), grant, s_start.AddHours(2), null, []);
        var earlier = new SupportSession(new SupportSessionId(Guid.NewGuid()), grant, s_start, s_start.AddHours(1),
            [new SupportSessionChange(s_start.AddMinutes(1), "Contact", null, "Edit", ["Name"])]);
        var otherGrant = new SupportSession(new SupportSessionId(Guid.NewGuid()), new SupportGrantId(Guid.NewGuid()), s_start, null, []);
        await store.SaveSessionAsync(later, CancellationToken.None);
        await store.SaveSessionAsync(otherGrant, CancellationToken.None);
        await store.SaveSessionAsync(earlier, CancellationToken.None);

        IReadOnlyList<SupportSession> sessions = await store.GetSessionsAsync(grant, CancellationToken.None);

        Assert.Equal([Text(earlier), Text(later)], sessions.Select(Text));
        Assert.Null(await store.GetSessionAsync(new SupportSessionId(Guid.NewGuid()), CancellationToken.None));
        Assert.Empty(await store.GetSessionsAsync(new SupportGrantId(Guid.NewGuid()), CancellationToken.None));
    }

    private static string Text(SupportSession session) =>
        $"{session.Id}|{session.Grant}|{session.StartedAt.UtcTicks}|{session.EndedAt?.UtcTicks}|"
        + string.Join(";", session.Changes.Select(c => $"{c.At.UtcTicks},{c.Object},{c.Record},{c.Operation},{string.Join("+", c.ChangedColumns)}"));
}
