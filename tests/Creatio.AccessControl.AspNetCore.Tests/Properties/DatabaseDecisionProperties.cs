using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.AspNetCore.Tests.Properties;

/// <summary>Issue 19: over HTTP, a random model whose objects keep their records in the database answers every request as
/// the same model holding those records in memory: the record requirements read the records through the request's reader.</summary>
public sealed class DatabaseDecisionProperties(DatabaseDecisionProperties.Fixture fixture) : IClassFixture<DatabaseDecisionProperties.Fixture>
{
    [Property(Arbitrary = [typeof(RandomWebModel)], MaxTest = 60)]
    public void Decisions_OnObjectsKeptInTheDatabase_AreThoseOfTheSameRecordsInMemory(RandomWebModel random)
    {
        TestApp app = fixture.App;
        var memory = new AccessEvaluator(AccessSnapshot.Compile(random.Model));
        lock (fixture)
        {
            fixture.Database = random.Model;
            app.Services.GetRequiredService<AccessEvaluator>().ReplaceAsync(AccessSnapshot.Compile(InDatabase(random.Model))).AsTask().GetAwaiter().GetResult();
            foreach (WebRequest request in random.Requests)
            {
                HttpDecisionProperties.Check(app, memory, request, byName: false);
                HttpDecisionProperties.Check(app, memory, request, byName: true);
            }
        }
    }

    /// <summary>The model with every object keeping its records in the database, and none of their records or rights.</summary>
    private static AccessModel InDatabase(AccessModel model)
    {
        AccessModelBuilder builder = model.ToBuilder();
        builder.Records.Clear();
        builder.RecordRightRows.Clear();
        for (int i = 0; i < builder.Objects.Count; i++)
        {
            builder.Objects[i] = builder.Objects[i] with { KeepsRecordsInDatabase = true };
        }

        return builder.Build();
    }

    /// <summary>One app for the whole property, reading the records of <see cref="Database"/> through a plain reader.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal TestApp App { get; private set; } = null!;

        /// <summary>Gets or sets the model whose records and rights the reader returns: "the database".</summary>
        internal AccessModel Database { get; set; } = new AccessModelBuilder().Build();

        public async Task InitializeAsync() => App = await TestApp.StartAsync(
            source: access => access.UseModel(new AccessModelBuilder().Build()).UseRecordRights(_ => new ModelReader(Database), _ => new NoWriter()),
            endpoints: HttpDecisionProperties.Fixture.MapEndpoints);

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>Reads records and their rights for an operation from a model, as a database would return its rows.</summary>
    private sealed class ModelReader(AccessModel model) : IRecordRightReader
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
        {
            IReadOnlyList<StoredRecord> found = [.. model.Records
                .Where(r => r.Object == objectName && records.Contains(r.Id))
                .Select(r => new StoredRecord(r, [.. model.RecordRightRows.Where(x => x.Object == objectName && x.Record == r.Id && x.Operation == operation)]))];
            return ValueTask.FromResult(found);
        }
    }

    private sealed class NoWriter : IRecordRightWriter
    {
        public ValueTask WriteAsync(ObjectName objectName, IReadOnlyList<AccessModelEdit> edits, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The property writes nothing.");
    }
}
