using Creatio.AccessControl.Testing.PostgreSql;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests;

/// <summary>A test class on the shared server: its own database, migrated, and a data source over it.</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public abstract class PostgreSqlTest(PostgreSqlServerFixture server) : IAsyncLifetime
{
    protected PostgreSqlServerFixture Server { get; } = server;

    /// <summary>Gets a data source over the test class's database, in which the schema is created.</summary>
    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await Server.GetClassDatabaseAsync(GetType());
        DataSource = Server.CreateDataSource(ConnectionString);
        await PostgreSqlAccessSchema.MigrateAsync(DataSource);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Creates a fresh, migrated database for one test and returns a data source over it.</summary>
    protected async Task<NpgsqlDataSource> FreshDatabaseAsync(string prefix, bool migrate = true)
    {
        NpgsqlDataSource dataSource = Server.CreateDataSource(await Server.CreateDatabaseAsync(prefix));
        if (migrate)
        {
            await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        }

        return dataSource;
    }

    protected static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    protected static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using NpgsqlCommand command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
