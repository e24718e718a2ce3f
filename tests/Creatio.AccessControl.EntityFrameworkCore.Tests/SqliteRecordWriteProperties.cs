using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>Issue 19 on SQLite: random share, unshare, create, delete and re-own sequences written through
/// <see cref="EntityRecordRightWriter"/> leave an object kept in the database answering as its in-memory twin (per-record,
/// page and share checks, and <c>WhereAccessible</c>).</summary>
public sealed class SqliteRecordWriteProperties : IDisposable
{
    private readonly SqliteRecordDatabase _database = new();

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 25)]
    public Task Administration_DatabaseKeptObject_AgreesWithItsInMemoryTwin(RandomSupportModel random) =>
        DatabaseWriteTwins.AgreeAsync(random, new EfRecordHost(_database));

    public void Dispose() => _database.Dispose();
}
