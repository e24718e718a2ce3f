using Creatio.AccessControl.Testing.PostgreSql;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.Schema;

/// <summary>Creating and upgrading the schema: from empty, again, from several connections at once, from the previous version.</summary>
public sealed class PostgreSqlAccessSchemaTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private static readonly string[] s_tables =
    [
        "AccessChangeLog", "AccessModelVersion", "SchemaVersion", "SysAdminOperation", "SysAdminOperationEntitySchemaRight",
        "SysAdminOperationGrantee", "SysAdminUnit", "SysAdminUnitGrantedRight", "SysEntityRecord", "SysEntityRecordRight",
        "SysEntitySchema", "SysEntitySchemaColumn", "SysEntitySchemaColumnRight", "SysEntitySchemaOperationRight",
        "SysEntitySchemaRecordDefRight", "SysFuncRoleInOrgRole", "SysOperationAudit", "SysRoleNotInheritedByManager",
        "SysSettings", "SysSupportAccessGrant", "SysSupportAccessGrantWorkplace", "SysSupportSession", "SysSupportSessionChange",
        "SysUserInRole", "SysWorkplace", "SysWorkplaceEntitySchema",
    ];

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_CreatesEveryTableAtTheLatestVersion()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("empty", migrate: false);

        PostgreSqlSchemaUpgrade upgrade = await PostgreSqlAccessSchema.MigrateAsync(dataSource);

        Assert.Equal(new PostgreSqlSchemaUpgrade(0, PostgreSqlAccessSchema.LatestVersion), upgrade);
        Assert.True(upgrade.Applied);
        Assert.Equal(s_tables, await TablesAsync(dataSource, "access_control"));
        Assert.Equal(PostgreSqlAccessSchema.LatestVersion, await ScalarAsync<int>(dataSource, """SELECT max("Version") FROM access_control."SchemaVersion" """));
        Assert.Equal(0, await new PostgreSqlAccessStore(dataSource).GetModelVersionAsync());
    }

    [Fact]
    public async Task MigrateAsync_RunAgain_AppliesNothingAndKeepsTheData()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("again");
        await new PostgreSqlAccessStore(dataSource).ImportAsync(AccessModel.Empty);

        PostgreSqlSchemaUpgrade upgrade = await PostgreSqlAccessSchema.MigrateAsync(dataSource);

        Assert.False(upgrade.Applied);
        Assert.Equal(PostgreSqlAccessSchema.LatestVersion, upgrade.FromVersion);
        Assert.Equal(1, await new PostgreSqlAccessStore(dataSource).GetModelVersionAsync());
    }

    [Fact]
    public async Task MigrateAsync_EightInstancesAtOnce_OneAppliesTheScriptsTheOthersWaitAndFindNothing()
    {
        string connectionString = await Server.CreateDatabaseAsync("concurrent");
        NpgsqlDataSource[] instances = [.. Enumerable.Range(0, 8).Select(_ => Server.CreateDataSource(connectionString))];

        PostgreSqlSchemaUpgrade[] upgrades = await Task.WhenAll(instances.Select(i => Task.Run(() => PostgreSqlAccessSchema.MigrateAsync(i, "shared"))));

        Assert.Single(upgrades, u => u.Applied);
        Assert.All(upgrades, u => Assert.Equal(PostgreSqlAccessSchema.LatestVersion, u.ToVersion));
        Assert.Equal(PostgreSqlAccessSchema.LatestVersion, await ScalarAsync<long>(instances[0], """SELECT count(*) FROM shared."SchemaVersion" """));
    }

    [Fact]
    public async Task MigrateAsync_FromThePreviousVersion_AppliesOnlyTheNewScriptAndKeepsTheData()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("upgrade", migrate: false);
        IReadOnlyList<SchemaScript> previous = SchemaScript.Embedded;
        await SchemaMigrator.MigrateAsync(dataSource, "upgraded", previous, CancellationToken.None);
        await ExecuteAsync(dataSource, """INSERT INTO upgraded."SysSettings" ("Code", "Value") VALUES ('Environment', 'sandbox')""");
        var next = new SchemaScript(previous.Count + 1, "add a note", """ALTER TABLE "SysSettings" ADD COLUMN "Note" text NOT NULL DEFAULT 'none';""");

        PostgreSqlSchemaUpgrade upgrade = await SchemaMigrator.MigrateAsync(dataSource, "upgraded", [.. previous, next], CancellationToken.None);

        Assert.Equal(new PostgreSqlSchemaUpgrade(previous.Count, previous.Count + 1), upgrade);
        Assert.Equal("sandbox|none", await ScalarAsync<string>(dataSource, """SELECT "Value" || '|' || "Note" FROM upgraded."SysSettings" """));
        Assert.Equal("add a note", await ScalarAsync<string>(dataSource, $"""SELECT "Description" FROM upgraded."SchemaVersion" WHERE "Version" = {previous.Count + 1}"""));
    }

    [Fact]
    public async Task MigrateAsync_ScriptFails_NothingOfTheUpgradeIsApplied()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("failing", migrate: false);
        IReadOnlyList<SchemaScript> previous = SchemaScript.Embedded;
        await SchemaMigrator.MigrateAsync(dataSource, "failing", previous, CancellationToken.None);
        var next = new SchemaScript(previous.Count + 1, "broken", """CREATE TABLE "Half" ("Id" int); SELECT no_such_function();""");

        await Assert.ThrowsAsync<PostgresException>(() => SchemaMigrator.MigrateAsync(dataSource, "failing", [.. previous, next], CancellationToken.None));

        Assert.Equal(previous.Count, await ScalarAsync<int>(dataSource, """SELECT max("Version") FROM failing."SchemaVersion" """));
        Assert.DoesNotContain("Half", await TablesAsync(dataSource, "failing"));
    }

    [Fact]
    public async Task MigrateAsync_FromVersion1WithLoggedChanges_ChangeLogKeepsItsRowsAsJsonWithVersionsAndActor()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("upgrade_feed", migrate: false);
        await SchemaMigrator.MigrateAsync(dataSource, "feed", [SchemaScript.Embedded[0]], CancellationToken.None);
        await ExecuteAsync(dataSource, """INSERT INTO feed."AccessChangeLog" ("Version", "Payload") VALUES (3, '{"formatVersion":1,"edits":[]}')""");

        PostgreSqlSchemaUpgrade[] upgrades = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostgreSqlAccessSchema.MigrateAsync(dataSource, "feed")));

        Assert.Single(upgrades, u => u.Applied);
        Assert.Equal("2|system|json", await ScalarAsync<string>(dataSource, """SELECT "BaseVersion" || '|' || "Actor" || '|' || pg_typeof("Payload") FROM feed."AccessChangeLog" """));
        Assert.Equal("change feed", await ScalarAsync<string>(dataSource, """SELECT "Description" FROM feed."SchemaVersion" WHERE "Version" = 2"""));
    }

    [Fact]
    public async Task MigrateAsync_SchemaNewerThanThePackage_RefusesNamingBothVersions()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("newer", migrate: false);
        await PostgreSqlAccessSchema.MigrateAsync(dataSource, "newer");
        await ExecuteAsync(dataSource, """INSERT INTO newer."SchemaVersion" ("Version", "Description") VALUES (99, 'from the future')""");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => PostgreSqlAccessSchema.MigrateAsync(dataSource, "newer"));

        Assert.Equal(
            $"The schema `newer` is at version 99, but this version of Creatio.AccessControl.PostgreSql knows versions up to {PostgreSqlAccessSchema.LatestVersion}: upgrade the package.",
            failure.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a\"; DROP TABLE x; --")]
    public async Task MigrateAsync_NameNotAPlainIdentifier_ThrowsAndRunsNothing(string name)
    {
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => PostgreSqlAccessSchema.MigrateAsync(DataSource, name));

        Assert.StartsWith($"The schema name `{name}` is not a plain identifier", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<string[]> TablesAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name COLLATE \"C\"");
        command.Parameters.AddWithValue("schema", schema);
        var tables = new List<string>();
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return [.. tables];
    }
}
