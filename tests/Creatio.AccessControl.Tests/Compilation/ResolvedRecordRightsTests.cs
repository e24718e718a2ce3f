using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The load path that shares work between validation and compilation (issue 15): the validator resolves each
/// record right row's record and grantee while checking them, and compiling a built model reads that instead of looking
/// every row up again. A model derived with other rights compiles by looking rows up; both must compile alike.</summary>
public sealed class ResolvedRecordRightsTests
{
    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 80)]
    public void Compile_ResolvedRights_DecidesEveryRequestAsTheRowsLookedUp(RandomPermissionModel random)
    {
        AccessModel built = random.Model;
        AccessModel lookedUp = built.WithRecordRights(built.RecordRights.Rebased());
        Assert.NotNull(built.ResolvedRecordRights);
        Assert.Null(lookedUp.ResolvedRecordRights);

        AccessSnapshot resolvedSnapshot = AccessSnapshot.Compile(built);
        AccessSnapshot lookedUpSnapshot = AccessSnapshot.Compile(lookedUp);
        foreach ((UserId user, AccessRequest request) in random.Requests)
        {
            AccessDecision expected = lookedUpSnapshot.GetPrincipal(user, random.Roles.Now).Check(request);
            Assert.Equal(expected, resolvedSnapshot.GetPrincipal(user, random.Roles.Now).Check(request));
        }
    }

    [Fact]
    public void Compile_RightsOfObjectsInterleavedWithRepeatedRows_MergesThemAsTheRowsLookedUp()
    {
        AccessModelBuilder builder = new Org().User("Ann").User("Bob").Builder;
        RecordId first = Ids.Record("first");
        RecordId second = Ids.Record("second");
        builder.Add(new ObjectDefinition("Deal") { UseRecordPermissions = true });
        builder.Add(new ObjectDefinition("Lead") { UseRecordPermissions = true });
        builder.Add(new RecordDefinition("Deal", first)).Add(new RecordDefinition("Lead", first)).Add(new RecordDefinition("Deal", second));

        // Rows of both objects alternate; one record id is in both; a (record, grantee, operation) is given twice.
        UserId ann = Ids.User("Ann");
        builder.Add(new RecordRightRow("Lead", first, ann, RecordOperation.Edit, RecordRightLevel.Allow));
        builder.Add(new RecordRightRow("Deal", second, ann, RecordOperation.Read, RecordRightLevel.Allow));
        builder.Add(new RecordRightRow("Lead", first, ann, RecordOperation.Edit, RecordRightLevel.AllowAndGrant));
        builder.Add(new RecordRightRow("Deal", first, BuiltInRoles.AllEmployees, RecordOperation.Delete, RecordRightLevel.Allow));
        AccessModel built = builder.Build();
        AccessModel lookedUp = built.WithRecordRights(built.RecordRights.Rebased());

        AccessPrincipal resolved = AccessSnapshot.Compile(built).GetPrincipal(ann, DateTimeOffset.UnixEpoch);
        AccessPrincipal rows = AccessSnapshot.Compile(lookedUp).GetPrincipal(ann, DateTimeOffset.UnixEpoch);
        foreach (ObjectName name in new ObjectName[] { "Deal", "Lead" })
        {
            foreach (RecordId record in new[] { first, second })
            {
                foreach (RecordOperation operation in new[] { RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete })
                {
                    AccessRequest request = AccessRequest.ForRecord(name, record, operation);
                    Assert.Equal(rows.Check(request), resolved.Check(request));
                }
            }
        }

        Assert.True(resolved.CheckRecord("Lead", first, RecordOperation.Edit).IsAllowed);
        Assert.True(resolved.CheckRecord("Deal", second, RecordOperation.Read).IsAllowed);
        Assert.True(resolved.CheckRecord("Deal", first, RecordOperation.Delete).IsAllowed);
        Assert.False(resolved.CheckRecord("Lead", first, RecordOperation.Delete).IsAllowed);
    }

    [Fact]
    public void Compile_ManyRecordsCompiledBesideTheOtherTables_LaysThemOutAsCompiledBefore()
    {
        // Enough records for StartRecords to compile them on another thread.
        var org = new Org();
        for (int u = 0; u < 20; u++)
        {
            org.User($"U{u}");
        }

        AccessModelBuilder builder = org.Builder;
        builder.Add(new ObjectDefinition("Deal") { UseRecordPermissions = true });
        builder.Add(new ObjectDefinition("Lead") { UseRecordPermissions = true });
        for (int r = 0; r < 6000; r++)
        {
            ObjectName name = r % 3 == 0 ? "Lead" : "Deal";
            RecordId id = Ids.Record($"r{r}");
            builder.Add(new RecordDefinition(name, id) { Owner = r % 5 == 0 ? Ids.User($"U{r % 20}") : null });
            builder.Add(new RecordRightRow(name, id, Ids.User($"U{(r * 7) % 20}"), (RecordOperation)(r % 3), (RecordRightLevel)(r % 3)));
        }

        AccessModel model = builder.Build();
        var units = new UnitTable(model);
        EffectiveRoleTable roles = EffectiveRoleCompiler.Compile(model, units);
        CompiledObject[] before = TableCompiler.Compile(model, roles).Objects;
        CompiledObject[] beside = TableCompiler.Compile(model, roles, inverse: null, TableCompiler.StartRecords(model, units, roles.Graph)).Objects;

        Assert.Equal(before.Length, beside.Length);
        for (int o = 0; o < before.Length; o++)
        {
            CompiledRecords expected = before[o].Records;
            CompiledRecords actual = beside[o].Records;
            Assert.Equal(expected.Count, actual.Count);
            foreach (RecordDefinition record in model.Records.Where(r => r.Object == before[o].Definition.Name))
            {
                RecordHeader header = expected.Header(expected.Find(record.Id));
                Assert.Equal(header, actual.Header(actual.Find(record.Id)));
                Assert.Equal(
                    expected.Rights(expected.Find(record.Id), header.RightCount).ToArray(),
                    actual.Rights(actual.Find(record.Id), header.RightCount).ToArray());
            }
        }
    }

    [Fact]
    public void Build_RightsAlternatingBetweenAKeptAndAModelObject_ReportsEachRowOfTheKeptObjectOnly()
    {
        // The validator looks an object up once for a run of rows of it: switching back and forth must not carry one
        // object's answer over to the other's rows.
        AccessModelBuilder builder = new Org().User("Ann").Builder;
        builder.Add(new ObjectDefinition("Kept") { UseRecordPermissions = true, KeepsRecordsInDatabase = true });
        builder.Add(new ObjectDefinition("Deal") { UseRecordPermissions = true });
        builder.Add(new RecordDefinition("Deal", Ids.Record("r")));
        for (int i = 0; i < 3; i++)
        {
            builder.Add(new RecordRightRow("Kept", Ids.Record("r"), BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow));
            builder.Add(new RecordRightRow("Deal", Ids.Record("r"), BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow));
        }

        builder.Add(new RecordRightRow("Deal", Ids.Record("missing"), Ids.Role("nobody"), RecordOperation.Read, RecordRightLevel.Allow));

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal(
            [
                (AccessModelErrorCode.RecordKeptInDatabase, 0),
                (AccessModelErrorCode.RecordKeptInDatabase, 2),
                (AccessModelErrorCode.RecordKeptInDatabase, 4),
                (AccessModelErrorCode.DanglingReference, 6),
                (AccessModelErrorCode.DanglingReference, 6),
            ],
            thrown.Errors.Select(e => (e.Code, e.Row!.Value.Index)));
    }

    [Fact]
    public void Build_ProblemsInRightsResolvedInParallelChunks_ReportedInRowOrder()
    {
        // More rights than one chunk, so that they are resolved in parallel; problems in several chunks.
        AccessModelBuilder builder = new Org().User("Ann").Builder;
        builder.Add(new ObjectDefinition("Deal") { UseRecordPermissions = true });
        RecordId record = Ids.Record("r");
        builder.Add(new RecordDefinition("Deal", record));
        for (int i = 0; i < 140_000; i++)
        {
            builder.Add(new RecordRightRow("Deal", record, BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow));
        }

        builder.RecordRightRows[139_999] = builder.RecordRightRows[0] with { Level = (RecordRightLevel)7 };
        builder.RecordRightRows[70_000] = builder.RecordRightRows[0] with { Grantee = Ids.Role("nobody") };
        builder.RecordRightRows[3] = builder.RecordRightRows[0] with { Record = Ids.Record("missing") };

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal(
            [
                (AccessModelErrorCode.DanglingReference, 3),
                (AccessModelErrorCode.DanglingReference, 70_000),
                (AccessModelErrorCode.InvalidValue, 139_999),
            ],
            thrown.Errors.Select(e => (e.Code, e.Row!.Value.Index)));
    }

    [Fact]
    public void IsDefined_EveryValueAroundTheEnums_AgreesWithEnumIsDefined()
    {
        // The validator checks a right row's three values with comparisons; they must say what Enum.IsDefined says, for
        // every value a caller can cast (a value added to an enum later included).
        RecordRightRow row = new("Deal", Ids.Record("r"), BuiltInRoles.AllEmployees, RecordOperation.Read, RecordRightLevel.Allow);
        foreach (int value in Enumerable.Range(-3, 40).Append(int.MinValue).Append(int.MaxValue))
        {
            Assert.Equal(Enum.IsDefined((RecordOperation)value), ResolvedRecordRights.IsDefined(row with { Operation = (RecordOperation)value }));
            Assert.Equal(Enum.IsDefined((RecordRightLevel)value), ResolvedRecordRights.IsDefined(row with { Level = (RecordRightLevel)value }));
            Assert.Equal(Enum.IsDefined((RecordRightSource)value), ResolvedRecordRights.IsDefined(row with { Source = (RecordRightSource)value }));
        }
    }

    [Fact]
    public void Build_ObjectsNamedByEqualStringsNotTheSameInstance_ResolvesEveryRowByItsObject()
    {
        // Resolving rights keeps each object's record table in a small table by name: names given as other instances of
        // equal strings, and more objects than it keeps at once, must resolve as names shared would.
        const int objectCount = 1500;
        AccessModelBuilder builder = new Org().User("Ann").Builder;
        UserId ann = Ids.User("Ann");
        for (int o = 0; o < objectCount; o++)
        {
            builder.Add(new ObjectDefinition($"O{o}") { UseRecordPermissions = true, KeepsRecordsInDatabase = o == 700 });
            if (o != 700)
            {
                builder.Add(new RecordDefinition($"O{o}", Ids.Record($"r{o}")));
            }
        }

        var random = new Random(15);
        int[] order = [.. Enumerable.Range(0, 3 * objectCount).Select(i => i % objectCount).OrderBy(_ => random.Next())];
        foreach (int o in order)
        {
            // Each row a new string; the record of object o is named "r{o}", so that a row resolved against another
            // object's table would name a record that object does not have.
            builder.Add(new RecordRightRow(new ObjectName(new string($"O{o}".AsSpan())), Ids.Record($"r{o}"), ann, RecordOperation.Edit, RecordRightLevel.Allow));
        }

        AccessModelValidationException thrown = Assert.Throws<AccessModelValidationException>(builder.Build);
        Assert.Equal(
            [.. order.Select((o, i) => (o, i)).Where(p => p.o == 700).Select(p => (AccessModelErrorCode.RecordKeptInDatabase, p.i))],
            thrown.Errors.Select(e => (e.Code, e.Row!.Value.Index)));

        builder.Objects[700] = builder.Objects[700] with { KeepsRecordsInDatabase = false };
        builder.Add(new RecordDefinition("O700", Ids.Record("r700")));
        AccessPrincipal principal = AccessSnapshot.Compile(builder.Build()).GetPrincipal(ann, DateTimeOffset.UnixEpoch);
        for (int o = 0; o < objectCount; o++)
        {
            Assert.True(principal.CheckRecord($"O{o}", Ids.Record($"r{o}"), RecordOperation.Edit).IsAllowed);
        }
    }

    [Fact]
    public void GuidTable_ManyIdsTheEmptyOneAndDuplicates_FindsEachWithItsNumber()
    {
        var table = new GuidTable();
        Guid[] ids = [Guid.Empty, .. Enumerable.Range(0, 5000).Select(i => Ids.Guid($"id {i}"))];
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryAdd(ids[i], i));
        }

        Assert.False(table.TryAdd(ids[17], 99));
        Assert.Equal(ids.Length, table.Count);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(table.TryGetValue(ids[i], out int number));
            Assert.Equal(i, number);
        }

        Assert.False(table.TryGetValue(Ids.Guid("absent"), out int absent));
        Assert.Equal(-1, absent);
        Assert.False(new GuidTable().Contains(Guid.Empty));
    }
}
