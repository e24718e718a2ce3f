using Creatio.AccessControl.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>A PostgreSQL database whose rights table is the one <c>Creatio.AccessControl.PostgreSql</c> creates; EF Core
/// creates the records table beside it.</summary>
public sealed class PostgreSqlRecordDatabase : RecordDatabase
{
    private readonly DbContextOptions<RecordsContext> _options;

    private PostgreSqlRecordDatabase(string connectionString) =>
        _options = RecordsContext.Options(builder => builder.UseNpgsql(connectionString));

    public static async Task<PostgreSqlRecordDatabase> CreateAsync(string connectionString, NpgsqlDataSource dataSource)
    {
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        var database = new PostgreSqlRecordDatabase(connectionString);
        await using RecordsContext context = database.Context("Object0");
        await context.GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
        return database;
    }

    public override RecordsContext Context(ObjectName objectName) => new(_options, objectName, rightsTableExists: true);
}
