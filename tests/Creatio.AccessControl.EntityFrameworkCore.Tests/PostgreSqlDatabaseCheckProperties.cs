using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Properties.Generators;
using FsCheck.Xunit;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19 on a real PostgreSQL: objects that keep their records in the database answer as the in-memory path,
/// read through <see cref="EntityRecordRightReader"/> over the rights table the PostgreSQL package creates (a database of
/// its own, as each class of the fixture has).</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlDatabaseCheckProperties(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private PostgreSqlRecordDatabase _database = null!;

    public async Task InitializeAsync()
    {
        string connectionString = await server.GetClassDatabaseAsync(GetType());
        _database = await PostgreSqlRecordDatabase.CreateAsync(connectionString, server.CreateDataSource(connectionString));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 12)]
    public Task CheckRecordsAsync_DatabaseKeptObjects_AnswerAsTheInMemoryPath(RandomSupportModel random) =>
        DatabaseCheckAgreement.HoldsAsync(_database, random);
}
