using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Serialization;
using Creatio.AccessControl.Tests.Support;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests;

/// <summary>Importing a model with binary COPY and loading it back.</summary>
public sealed class PostgreSqlAccessStoreTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private static int s_schemas;

    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 24)];

    [Fact]
    public async Task LoadModelAsync_EveryFeatureImported_EqualsTheImportedModel()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        AccessModel model = PolicyExamples.EveryFeature();

        await store.ImportAsync(model);
        AccessModel loaded = await store.LoadModelAsync();

        ModelAssert.EqualIgnoringOrder(model, loaded);
        Assert.Equal(AccessPolicyJson.Serialize(ModelAssert.Canonical(model)), AccessPolicyJson.Serialize(ModelAssert.Canonical(loaded)));
        Assert.Equal(1, await store.GetModelVersionAsync());
    }

    [Fact]
    public async Task LoadModelAsync_ObjectKeepingItsRecordsInTheDatabase_KeepsTheFlag()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        var builder = new AccessModelBuilder();
        builder.Add(new ObjectDefinition("Invoice") { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        builder.Add(new ObjectDefinition("Note"));
        AccessModel model = builder.Build();

        await store.ImportAsync(model);
        AccessModel loaded = await store.LoadModelAsync();

        Assert.True(loaded.Objects.Single(o => o.Name.Value == "Invoice").KeepsRecordsInDatabase);
        Assert.False(loaded.Objects.Single(o => o.Name.Value == "Note").KeepsRecordsInDatabase);
        ModelAssert.EqualIgnoringOrder(model, loaded);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task LoadModelAsync_RandomModelImported_EqualsTheImportedModel(int seed)
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        AccessModel model = RandomPolicyModels.Build(seed, 4 + (seed % 5 * 6));

        await store.ImportAsync(model);

        ModelAssert.EqualIgnoringOrder(model, await store.LoadModelAsync());
    }

    [Fact]
    public async Task LoadModelAsync_NothingImported_IsTheEmptyModel()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();

        ModelAssert.EqualIgnoringOrder(AccessModel.Empty, await store.LoadModelAsync());
        Assert.Equal(0, await store.GetModelVersionAsync());
    }

    [Fact]
    public async Task StoreReaders_ModelImported_AccessStoreLoaderReadsTheSameModel()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();

        // The core's store contracts carry neither support grants nor workplaces: a model without them.
        AccessModelBuilder builder = PolicyExamples.EveryFeature().ToBuilder();
        builder.SupportGrants.Clear();
        builder.Workplaces.Clear();
        for (int i = 0; i < builder.Records.Count; i++)
        {
            builder.Records[i] = builder.Records[i] with { CreatedInSupportGrant = null };
        }

        AccessModel model = builder.Build();
        await store.ImportAsync(model);

        ModelAssert.EqualIgnoringOrder(model, await AccessStoreLoader.LoadAsync(store, CancellationToken.None));
    }

    [Fact]
    public async Task ImportAsync_DatabaseHoldsAModel_RefusesAndChangesNothing()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        AccessModel first = PolicyExamples.EveryFeature();
        await store.ImportAsync(first);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ImportAsync(AccessModel.Empty));

        Assert.Equal($"The schema `{store.SchemaName}` already holds model version 1; a model is imported only into a database that holds none (version 0).", failure.Message);
        ModelAssert.EqualIgnoringOrder(first, await store.LoadModelAsync());
    }

    [Fact]
    public async Task LoadModelAsync_MembershipOfAnUnknownRole_FailsListingEveryProblem()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        await store.ImportAsync(PolicyExamples.EveryFeature());
        Guid ghost = Ids.Guid("ghost role");
        Guid seller = Ids.User("Seller").Value;
        await ExecuteAsync(DataSource, $"""INSERT INTO {store.SchemaName}."SysUserInRole" ("SysUserId", "SysRoleId") VALUES ('{seller}', '{ghost}')""");
        await ExecuteAsync(DataSource, $"""INSERT INTO {store.SchemaName}."SysSettings" ("Code", "Value") VALUES ('Colour', 'blue')""");

        var failure = await Assert.ThrowsAsync<AccessModelValidationException>(() => store.LoadModelAsync().AsTask());

        Assert.Contains(failure.Errors, e => e.Code == AccessModelErrorCode.InvalidValue && e.Message.StartsWith("Setting `Colour` is not a setting of the access model", StringComparison.Ordinal));
        Assert.Single(failure.Errors);
        await ExecuteAsync(DataSource, $"""DELETE FROM {store.SchemaName}."SysSettings" WHERE "Code" = 'Colour'""");

        failure = await Assert.ThrowsAsync<AccessModelValidationException>(() => store.LoadModelAsync().AsTask());

        AccessModelError error = Assert.Single(failure.Errors);
        Assert.Equal(AccessModelErrorCode.DanglingReference, error.Code);
        Assert.Contains(ghost.ToString(), error.Ids);
    }

    [Fact]
    public async Task LoadModelAsync_RowsTheModelCannotHold_FailsListingEachWithItsTable()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        await store.ImportAsync(AccessModel.Empty);
        Guid unit = BuiltInRoles.AllEmployees.Value;
        await ExecuteAsync(DataSource, $"""
            INSERT INTO {store.SchemaName}."SysEntitySchemaColumn" ("EntitySchemaName", "Position", "Name") VALUES ('Ghost', 0, 'Name');
            INSERT INTO {store.SchemaName}."SysEntitySchemaOperationRight" ("SubjectSchemaName", "SysAdminUnitId", "Position", "CanRead", "CanAppend", "CanEdit", "CanDelete")
                VALUES (' ', '{unit}', 0, true, false, false, false);
            INSERT INTO {store.SchemaName}."SysSupportAccessGrantWorkplace" ("SupportAccessGrantId", "Position", "WorkplaceName") VALUES ('{unit}', 0, 'Sales');
            """);

        var failure = await Assert.ThrowsAsync<AccessModelValidationException>(() => store.LoadModelAsync().AsTask());

        Assert.Equal(
            [
                "Table `SysEntitySchemaColumn` lists columns of object `Ghost`, which is not in `SysEntitySchema`.",
                "Table `SysEntitySchemaOperationRight` has a row whose object name is empty.",
                $"Table `SysSupportAccessGrantWorkplace` lists workplaces of support grant `{unit}`, which is not in `SysSupportAccessGrant`.",
            ],
            failure.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("PortalAvailabilityMode", "7")]
    [InlineData("SupportAccessMaxDurationDays", "many")]
    [InlineData("SupportAccessAllowNonAdminsToGrant", "yes")]
    [InlineData("EnabledAuditEvents", "SupportAccess,Nothing")]
    public async Task LoadModelAsync_SettingValueNotValid_FailsNamingTheSetting(string code, string value)
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        await store.ImportAsync(AccessModel.Empty);
        await ExecuteAsync(DataSource, $"""UPDATE {store.SchemaName}."SysSettings" SET "Value" = '{value}' WHERE "Code" = '{code}'""");

        var failure = await Assert.ThrowsAsync<AccessModelValidationException>(() => store.LoadModelAsync().AsTask());

        Assert.Equal($"Setting `{code}` has the value `{value}`, which is not valid for it.", Assert.Single(failure.Errors).Message);
    }

    [Fact]
    public async Task LoadModelAsync_DecisionsEqualThoseOfTheImportedModel()
    {
        PostgreSqlAccessStore store = await FreshStoreAsync();
        AccessModel model = PolicyExamples.EveryFeature();
        await store.ImportAsync(model);
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        AccessSnapshot expected = AccessSnapshot.Compile(model);
        AccessSnapshot actual = AccessSnapshot.Compile(await store.LoadModelAsync());

        foreach (UserDefinition user in model.Users)
        {
            foreach (ObjectDefinition definition in model.Objects)
            {
                foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
                {
                    Assert.Equal(
                        expected.GetPrincipal(user.Id, now).CheckObject(definition.Name, operation).ToString(),
                        actual.GetPrincipal(user.Id, now).CheckObject(definition.Name, operation).ToString());
                }
            }

            foreach (RecordDefinition record in model.Records)
            {
                Assert.Equal(
                    expected.GetPrincipal(user.Id, now).CheckRecord(record.Object, record.Id, RecordOperation.Edit).ToString(),
                    actual.GetPrincipal(user.Id, now).CheckRecord(record.Object, record.Id, RecordOperation.Edit).ToString());
            }
        }
    }

    private async Task<PostgreSqlAccessStore> FreshStoreAsync()
    {
        string schema = "model_" + Interlocked.Increment(ref s_schemas);
        await PostgreSqlAccessSchema.MigrateAsync(DataSource, schema);
        return new PostgreSqlAccessStore(DataSource, schema);
    }
}
