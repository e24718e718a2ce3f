using Creatio.AccessControl.Tests.Properties.Generators;
using FsCheck.Xunit;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The database filter agrees with the per-record checks on SQLite.</summary>
public sealed class SqliteFilterProperties : IDisposable
{
    private readonly SqliteRecordDatabase _database = new();

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 20)]
    public void WhereAccessible_ReturnsExactlyTheRecordsCheckRecordAllows(RandomSupportModel random) =>
        FilterAgreement.Holds(_database, random);

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 20)]
    public Task CheckRecordsAsync_DatabaseKeptObjects_AnswerAsTheInMemoryPath(RandomSupportModel random) =>
        DatabaseCheckAgreement.HoldsAsync(_database, random);

    public void Dispose() => _database.Dispose();
}
