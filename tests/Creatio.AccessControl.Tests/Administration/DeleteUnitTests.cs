using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>What <see cref="DeleteUser"/> and <see cref="DeleteRole"/> take with them.</summary>
public sealed class DeleteUnitTests
{
    /// <summary>Adds one row of every kind that can name <paramref name="unit"/>.</summary>
    private static void NameEverywhere(Org org, string unit)
    {
        AdminUnitId id = org.Unit(unit);
        org.Builder.Add(new Delegation(id, org.Unit("Head office")));
        org.Builder.Add(new Delegation(org.Unit("Alice"), id));
        org.Builder.Add(new SystemOperationRow(SystemOperations.CanExportGrid, id, 0, true));
        org.Builder.Add(new ObjectOperationRow(AdminHarness.Account, id, 2, ObjectOperations.Read));
        org.Builder.Add(new ColumnRightRow(AdminHarness.Account, AdminHarness.Revenue, id, 0, ColumnRightLevel.Read));
        org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, id, RecordOperation.Read, RecordRightLevel.Allow));
        org.Builder.Add(new DefaultRecordRightRule(AdminHarness.Account, id, org.Unit("Sales"), RecordOperation.Read, RecordRightLevel.Allow));
        org.Builder.Add(new DefaultRecordRightRule(AdminHarness.Account, BuiltInRoles.AllEmployees, id, RecordOperation.Edit, RecordRightLevel.Allow));
    }

    private static void AssertNothingNames(AccessModel model, AdminUnitId id)
    {
        Assert.DoesNotContain(model.Users, u => u.Id.Value == id.Value);
        Assert.DoesNotContain(model.Roles, r => r.Id.Value == id.Value || r.Parent?.Value == id.Value);
        Assert.DoesNotContain(model.Memberships, m => m.User.Value == id.Value || m.Role.Value == id.Value);
        Assert.DoesNotContain(model.FunctionalLinks, l => l.FunctionalRole.Value == id.Value || l.OrganizationalRole.Value == id.Value);
        Assert.DoesNotContain(model.Delegations, d => d.Grantor == id || d.Recipient == id);
        Assert.DoesNotContain(model.RolesNotInheritedByManagers, r => r.Value == id.Value);
        Assert.DoesNotContain(model.SystemOperationRows, r => r.Grantee == id);
        Assert.DoesNotContain(model.ObjectOperationRows, r => r.Grantee == id);
        Assert.DoesNotContain(model.ColumnRightRows, r => r.Grantee == id);
        Assert.DoesNotContain(model.RecordRightRows, r => r.Grantee == id);
        Assert.DoesNotContain(model.DefaultRecordRightRules, r => r.Author == id || r.Grantee == id);
        Assert.DoesNotContain(model.Records, r => r.Author?.Value == id.Value || r.Owner?.Value == id.Value);
    }

    [Fact]
    public async Task DeleteUser_UserNamedByEveryKindOfRow_RemovesEveryRowAndClearsAuthorAndOwner()
    {
        using AdminHarness h = AdminHarness.Create(org => NameEverywhere(org, "Bob"));
        AdminUnitId bob = h.Org.Unit("Bob");

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeleteUser(h.Org.UserId("Bob")));

        Assert.True(result.IsApplied, result.Message);
        AssertNothingNames(h.Snapshot.Model, bob);
        RecordDefinition r2 = Assert.Single(h.Snapshot.Model.Records, r => r.Id == AdminHarness.R2);
        Assert.Null(r2.Author);
        Assert.Null(r2.Owner);
        Assert.False(h.Principal("Bob").IsKnown);
        Assert.Contains(h.Snapshot.Model.Memberships, m => m.User == h.Org.UserId("Alice"));
    }

    [Fact]
    public async Task DeleteUser_AuthorOfARecord_HisManagerLosesTheImplicitRights()
    {
        // Carol manages Sales, where Alice works: Carol holds Alice's implicit rights on r1 until Alice is deleted.
        using AdminHarness h = AdminHarness.Create();
        Assert.True(h.Principal("Carol").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Edit).IsAllowed);

        await h.Admin.ApplyAsync(AccessActor.System, new DeleteUser(h.Org.UserId("Alice")));

        Assert.False(h.Principal("Carol").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Edit).IsAllowed);
        Assert.Contains(h.Snapshot.Model.Records, r => r.Id == AdminHarness.R1 && r.Author is null && r.Owner is null);
    }

    [Fact]
    public async Task DeleteRole_RoleNamedByEveryKindOfRow_RemovesEveryRow()
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            NameEverywhere(org, "Temp");
            org.Member("Bob", "Temp").Link("Secretaries", "Temp").NotInheritedByManagers("System administrators", "Temp");
        });
        AdminUnitId temp = h.Org.Unit("Temp");

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeleteRole(h.Org["Temp"]));

        Assert.True(result.IsApplied, result.Message);
        AssertNothingNames(h.Snapshot.Model, temp);
        Assert.Contains(h.Snapshot.Model.FunctionalLinks, l => l.OrganizationalRole == h.Org["Head office"]);
        Assert.Equal([BuiltInRoles.SystemAdministrators], h.Snapshot.Model.RolesNotInheritedByManagers.AsEnumerable());
        Assert.DoesNotContain(temp, Units(h.Principal("Bob").EffectiveRoles));
    }

    [Fact]
    public async Task DeleteRole_ManagerUnitThenItsRole_BothAreDeletedInOneBatch()
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(AccessActor.System, [new DeleteRole(h.Org["Managers of Sales"]), new DeleteRole(h.Org["Sales"])]);

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(h.Snapshot.Model.Roles, r => r.Id == h.Org["Sales"] || r.Id == h.Org["Managers of Sales"]);
        Assert.DoesNotContain(h.Snapshot.Model.Memberships, m => m.User == h.Org.UserId("Alice") || m.User == h.Org.UserId("Carol"));
        Assert.DoesNotContain(h.Snapshot.Model.DefaultRecordRightRules, r => r.Author == h.Org.Unit("Sales"));
    }

    private static List<AdminUnitId> Units(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>();
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }
}
