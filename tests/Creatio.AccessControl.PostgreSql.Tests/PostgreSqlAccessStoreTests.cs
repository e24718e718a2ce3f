using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Serialization;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests;

/// <summary>Importing a model with binary COPY and loading it back.</summary>
public sealed class PostgreSqlAccessStoreTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    [Fact]
    public async Task LoadModelAsync_EveryFeatureImported_EqualsTheImportedModel()
    {
        NpgsqlDataSource dataSource = await FreshDatabaseAsync("every_feature");
        AccessModel model = PolicyExamples.EveryFeature();
        var store = new PostgreSqlAccessStore(dataSource);

        await store.ImportAsync(model);
        AccessModel loaded = await store.LoadModelAsync();

        ModelAssert.EqualIgnoringOrder(model, loaded);
        Assert.Equal(AccessPolicyJson.Serialize(ModelAssert.Canonical(model)), AccessPolicyJson.Serialize(ModelAssert.Canonical(loaded)));
        Assert.Equal(1, await store.GetModelVersionAsync());
    }
}
