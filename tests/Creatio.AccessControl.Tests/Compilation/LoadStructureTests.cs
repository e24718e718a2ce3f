using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>What the load shares instead of computing again (issue 15, load target): the unit index of each unit the
/// validator numbered, and the columns of objects that have only the system columns.</summary>
public sealed class LoadStructureTests
{
    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 60)]
    public void ModelUnit_EveryUserAndRoleOfAModel_IsTheUnitIndexOfItsId(RandomPermissionModel random)
    {
        AccessModel model = random.Model;
        var units = new UnitTable(model);

        Assert.Equal(model.Users.Length + model.Roles.Length, units.ModelUnit.Length);
        for (int k = 0; k < model.Users.Length; k++)
        {
            Assert.Equal(units.IndexOf[model.Users[k].Id], units.ModelUnit[k]);
            Assert.Equal(units.IndexOf[model.Users[k].Id], units.UnitOf(model, model.Users[k].Id));
        }

        for (int k = 0; k < model.Roles.Length; k++)
        {
            Assert.Equal(units.IndexOf[model.Roles[k].Id], units.ModelUnit[model.Users.Length + k]);
            Assert.Equal(units.IndexOf[model.Roles[k].Id], units.UnitOf(model, model.Roles[k].Id));
        }

        // Each part by id, whatever the order the model gives its rows in.
        Assert.Equal([.. model.Roles.Select(r => r.Id.Value).Order()], units.Roles.Select(r => r.Id.Value));
        Assert.Equal([.. model.Users.Select(u => u.Id.Value).Order()], units.Users.Select(u => u.Id.Value));
    }

    [Fact]
    public void Compile_ObjectsWithOnlySystemColumns_ShareTheirColumnsAndStillDecideByTheirOwnRows()
    {
        AccessModelBuilder builder = new Org().User("Ann").User("Bob").Builder;
        builder.Add(new ObjectDefinition("Plain"));
        builder.Add(new ObjectDefinition("AlsoPlain"));
        builder.Add(new ObjectDefinition("WithColumn") { Columns = ["Amount"] });
        builder.Add(new ObjectDefinition("WithColumnRows"));
        builder.Add(new ColumnRightRow("WithColumnRows", "CreatedOn", Ids.User("Bob"), 0, ColumnRightLevel.Read));
        AccessSnapshot snapshot = AccessSnapshot.Compile(builder.Build());
        CompiledObject Compiled(string name) => snapshot.Objects[snapshot.ObjectIndex[name]];

        Assert.Same(Compiled("Plain").Columns, Compiled("AlsoPlain").Columns);
        Assert.Same(Compiled("Plain").ColumnIndex, Compiled("AlsoPlain").ColumnIndex);
        Assert.NotSame(Compiled("Plain").Columns, Compiled("WithColumn").Columns);
        Assert.NotSame(Compiled("Plain").Columns, Compiled("WithColumnRows").Columns);
        Assert.Equal(SystemColumns.Names, Compiled("Plain").Columns.Select(c => c.Name.Value));
        Assert.Equal([.. SystemColumns.Names, "Amount"], Compiled("WithColumn").Columns.Select(c => c.Name.Value));

        AccessPrincipal ann = snapshot.GetPrincipal(Ids.User("Ann"), DateTimeOffset.UnixEpoch);
        AccessPrincipal bob = snapshot.GetPrincipal(Ids.User("Bob"), DateTimeOffset.UnixEpoch);
        Assert.False(ann.CheckColumn("WithColumnRows", "CreatedOn", ColumnOperation.Read).IsAllowed);
        Assert.True(bob.CheckColumn("WithColumnRows", "CreatedOn", ColumnOperation.Read).IsAllowed);
        Assert.Equal(
            ann.CheckColumn("Plain", "CreatedOn", ColumnOperation.Read),
            ann.CheckColumn("AlsoPlain", "CreatedOn", ColumnOperation.Read));
    }

    [Fact]
    public void Compile_ManyObjectsCompiledInParallelChunks_EachAsItsOwnRowsCompileAlone()
    {
        // More objects than one chunk, so that they compile in parallel: each object's deciding rows and answers must be
        // those of its own rows compiled alone, as a change of one object's rows compiles them.
        var org = new Org().Organization("Head").Role("Sales", "Head").Role("Support", "Head");
        for (int u = 0; u < 30; u++)
        {
            org.User($"U{u}", u % 3 == 0 ? "Sales" : u % 3 == 1 ? "Support" : "Head");
        }

        AccessModelBuilder builder = org.Builder;
        AdminUnitId[] grantees = [Ids.Role("Sales"), Ids.Role("Support"), Ids.Role("Head"), BuiltInRoles.AllEmployees, Ids.User("U4"), Ids.User("U7")];
        for (int o = 0; o < 300; o++)
        {
            builder.Add(new ObjectDefinition($"O{o:D3}") { UseOperationPermissions = o % 7 != 0 });
            for (int r = 0; r < o % 5; r++)
            {
                builder.Add(new ObjectOperationRow($"O{o:D3}", grantees[(o + (3 * r)) % grantees.Length], Position: r, (ObjectOperations)((o * 5) + r) & ObjectOperations.All));
            }
        }

        AccessModel model = builder.Build();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        foreach (ObjectDefinition definition in model.Objects)
        {
            CompiledObject compiled = snapshot.Objects[snapshot.ObjectIndex[definition.Name.Value]];
            FirstMatchRows? alone = TableCompiler.ObjectRows(definition, model.ObjectOperationRows.Where(r => r.Object == definition.Name), snapshot.Roles, snapshot.Inverse);
            Assert.Equal(alone is null, compiled.Rows is null);
            if (alone is not null)
            {
                Assert.Equal(alone.Unit, compiled.Rows!.Unit);
                Assert.Equal(
                    Enumerable.Range(0, snapshot.Roles.SubjectCount).Select(alone.DecidingRow),
                    Enumerable.Range(0, snapshot.Roles.SubjectCount).Select(compiled.Rows.DecidingRow));
                Assert.Equal(ObjectAnswers.Create(alone)!.Bits, compiled.Answers!.Bits);
            }
        }
    }
}
