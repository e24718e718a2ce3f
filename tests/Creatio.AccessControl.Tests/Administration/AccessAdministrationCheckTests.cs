using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>"May I?" (issue 16): <see cref="IAccessAdministration.Check"/> answers as applying would, and changes nothing.</summary>
public sealed class AccessAdministrationCheckTests
{
    [Fact]
    public void Check_APermittedChange_IsNotRefused_AndNothingChanges()
    {
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", SystemOperations.CanManageUsers));
        var before = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = h.Admin.Check(h.User("Actor"), new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Temp"])));

        Assert.False(result.IsRefused);
        Assert.False(result.IsApplied);
        Assert.Equal((AccessChangeRefusal.None, string.Empty, -1, 1L), (result.Refusal, result.Message, result.ChangeIndex, result.Version));
        Assert.Same(before.Snapshot, h.Snapshot);
        Assert.Same(before.StoredModel, h.Store.Model);
        Assert.Equal(before.AuditEvents, h.Sink.Count);
    }

    [Fact]
    public async Task Check_AChangeTheActorMayNotMake_IsRefusedWithApplysReasonAndMessage()
    {
        using AdminHarness h = AdminHarness.Create();
        AccessChange change = new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Temp"]));
        var before = AccessAdministrationTests.State.Of(h);

        AccessChangeResult checkedResult = h.Admin.Check(h.User("Actor"), change);
        before.AssertUnchanged(h, checkedResult);
        AccessChangeResult applied = await h.Admin.ApplyAsync(h.User("Actor"), change);

        Assert.True(checkedResult.IsRefused);
        Assert.Equal(AccessChangeRefusal.NotPermitted, checkedResult.Refusal);
        Assert.Equal((applied.Refusal, applied.Message, applied.ChangeIndex, applied.Decision), (checkedResult.Refusal, checkedResult.Message, checkedResult.ChangeIndex, checkedResult.Decision));
    }

    [Fact]
    public void CheckBatch_ALaterChangeThatDoesNotApply_NamesItsIndex()
    {
        using AdminHarness h = AdminHarness.Create();
        var membership = new RoleMembership(h.Org.UserId("Bob"), h.Org["Temp"]);

        AccessChangeResult result = h.Admin.CheckBatch(AccessActor.System, [new AddMembership(membership), new AddMembership(membership)]);

        Assert.Equal((AccessChangeRefusal.Conflict, 1), (result.Refusal, result.ChangeIndex));
        Assert.Equal(1, h.Snapshot.Version);
    }

    [Fact]
    public void CheckBatch_AnInvalidModel_ListsTheErrors()
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = h.Admin.Check(AccessActor.System, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), new RoleId(Ids.Guid("missing role")))));

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void Check_NullOrEmpty_ThrowsArgumentExceptions()
    {
        using AdminHarness h = AdminHarness.Create();

        Assert.Throws<ArgumentNullException>(() => h.Admin.Check(AccessActor.System, null!));
        Assert.Throws<ArgumentNullException>(() => h.Admin.CheckBatch(AccessActor.System, null!));
        Assert.Throws<ArgumentNullException>(() => h.Admin.Check(AccessActor.System, new AddUser(null!)));
        Assert.Equal("changes", Assert.Throws<ArgumentException>(() => h.Admin.CheckBatch(AccessActor.System, [])).ParamName);
    }

    [Fact]
    public void Check_ByNobody_IsRefused()
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = h.Admin.Check(default, new DeactivateUser(h.Org.UserId("Bob")));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal((AccessStage.User, AccessReason.UnknownUser), (result.Decision.Stage, result.Decision.Reason));
    }
}
