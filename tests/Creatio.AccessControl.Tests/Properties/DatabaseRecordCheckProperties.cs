using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>Issue 19: an object that keeps its records in the database answers the same as the in-memory path for the same
/// data, for every operation, employees, external users and support sessions (the databases themselves are tested in
/// the Entity Framework Core package's tests, with the same agreement).</summary>
public sealed class DatabaseRecordCheckProperties
{
    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public Task CheckRecordsAsync_DatabaseKeptObjects_AgreeWithInMemoryChecks(RandomSupportModel random) =>
        DatabaseKeptRecords.AgreeWithInMemoryChecksAsync(
            random,
            new DatabaseKeptRecords.CountingReader(new DatabaseKeptRecords.ModelReader(random.Model)),
            name => [.. random.Model.Records.Where(r => r.Object == name).Select(r => r.Id)]);
}
