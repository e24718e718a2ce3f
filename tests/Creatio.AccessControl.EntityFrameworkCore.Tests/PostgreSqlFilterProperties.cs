using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Properties.Generators;
using FsCheck.Xunit;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The database filter agrees with the per-record checks on a real PostgreSQL, over the rights table the
/// PostgreSQL package creates.</summary>
[Collection(PostgreSqlServerFixture.CollectionName)]
public sealed class PostgreSqlFilterProperties(PostgreSqlServerFixture server) : IAsyncLifetime
{
    private PostgreSqlRecordDatabase _database = null!;

    public async Task InitializeAsync()
    {
        string connectionString = await server.GetClassDatabaseAsync(GetType());
        _database = await PostgreSqlRecordDatabase.CreateAsync(connectionString, server.CreateDataSource(connectionString));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 12)]
    public void WhereAccessible_ReturnsExactlyTheRecordsCheckRecordAllows(RandomSupportModel random) =>
        FilterAgreement.Holds(_database, random);
}
