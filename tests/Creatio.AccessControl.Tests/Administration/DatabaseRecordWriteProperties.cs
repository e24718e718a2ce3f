using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Issue 19: random sequences of share, unshare, create, delete and re-own applied to an object kept in the
/// database (a plain in-memory twin of a database here; SQLite and PostgreSQL in the Entity Framework Core package's tests)
/// and to the same object held in memory are applied or refused alike and leave the same decisions.</summary>
public sealed class DatabaseRecordWriteProperties
{
    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public Task Administration_DatabaseKeptObject_AgreesWithItsInMemoryTwin(RandomSupportModel random) =>
        DatabaseWriteTwins.AgreeAsync(random, new InMemoryRecordHost());
}
