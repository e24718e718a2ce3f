using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19 on a real PostgreSQL: random share, unshare, create, delete and re-own sequences written through
/// <see cref="EntityRecordRightWriter"/> into the rights table the PostgreSQL package creates leave an object kept in the
/// database answering as its in-memory twin (per-record, page and share checks, and <c>WhereAccessible</c>).</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlRecordWriteProperties(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private PostgreSqlRecordDatabase _database = null!;

    public async Task InitializeAsync()
    {
        string connectionString = await server.GetClassDatabaseAsync(GetType());
        _database = await PostgreSqlRecordDatabase.CreateAsync(connectionString, server.CreateDataSource(connectionString));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 10)]
    public Task Administration_DatabaseKeptObject_AgreesWithItsInMemoryTwin(RandomSupportModel random) =>
        DatabaseWriteTwins.AgreeAsync(random, new EfRecordHost(_database));
}
