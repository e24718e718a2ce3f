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
}
