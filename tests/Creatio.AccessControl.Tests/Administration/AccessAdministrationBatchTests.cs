using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Batches are all or nothing, each applied batch adds exactly one version, and a check after the call sees it.</summary>
public sealed class AccessAdministrationBatchTests
{
    private static readonly RoleId s_marketing = Ids.Role("Marketing");

    [Fact]
    public async Task ApplyBatchAsync_LastChangeNotFound_NothingOfTheBatchIsApplied()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [
                new AddRole(new RoleDefinition(s_marketing, "Marketing", AdminUnitKind.Division, BuiltInRoles.AllEmployees)),
                new AddMembership(new RoleMembership(h.Org.UserId("Bob"), s_marketing)),
                new RemoveMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"])),
            ]);

        Assert.Equal(AccessChangeRefusal.NotFound, result.Refusal);
        Assert.Equal(2, result.ChangeIndex);
        state.AssertUnchanged(h, result);
        Assert.DoesNotContain(h.Snapshot.Model.Roles, r => r.Id == s_marketing);
    }

    [Fact]
    public async Task ApplyBatchAsync_SecondChangeNotPermitted_FirstIsNotApplied()
    {
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", SystemOperations.CanManageUsers));
        var state = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(
            h.User("Actor"),
            [new AddUser(new UserDefinition(Ids.User("Dan"), "Dan")), new SetSettings(AccessSettings.Default)]);

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(1, result.ChangeIndex);
        Assert.Equal(h.Principal("Actor").CheckSystemOperation(SystemOperations.CanManageSysSettings), result.Decision);
        state.AssertUnchanged(h, result);
        Assert.DoesNotContain(h.Snapshot.Model.Users, u => u.Id == Ids.User("Dan"));
    }

    [Fact]
    public async Task ApplyBatchAsync_ActorJoinsSystemAdministratorsEarlierInTheBatch_LaterChangesAreStillCheckedAgainstTheOldSnapshot()
    {
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", SystemOperations.CanManageUsers));
        var state = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(
            h.User("Actor"),
            [new AddMembership(new RoleMembership(h.Org.UserId("Actor"), BuiltInRoles.SystemAdministrators)), new SetSettings(AccessSettings.Default)]);

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(1, result.ChangeIndex);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyBatchAsync_InvalidModelAfterTheBatch_NothingIsAppliedAndErrorsAreListed()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [
                new AddUser(new UserDefinition(Ids.User("Dan"), "Dan")),
                new AddMembership(new RoleMembership(Ids.User("Dan"), Ids.Role("Undefined"))),
                new AddMembership(new RoleMembership(Ids.User("Eve"), h.Org["Sales"])),
            ]);

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        Assert.Equal(-1, result.ChangeIndex);
        Assert.Equal(2, result.Errors.Count(e => e.Code == AccessModelErrorCode.DanglingReference));
        Assert.Equal($"The model after the changes would be invalid: {result.Errors.Count} problems.", result.Message);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyBatchAsync_LaterChangeNeedsWhatAnEarlierOneAdded_IsApplied()
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [
                new AddRole(new RoleDefinition(s_marketing, "Marketing", AdminUnitKind.Division, BuiltInRoles.AllEmployees)),
                new AddMembership(new RoleMembership(h.Org.UserId("Bob"), s_marketing)),
                new SetObjectOperationRows(AdminHarness.Account, [new ObjectOperationRow(AdminHarness.Account, s_marketing, 0, ObjectOperations.Read | ObjectOperations.Create)]),
            ]);

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(2, result.Version);
        Assert.True(h.Principal("Bob").HasEffectiveRole(s_marketing));
        Assert.True(h.Principal("Bob").CheckObject(AdminHarness.Account, ObjectOperation.Create).IsAllowed);
    }

    [Fact]
    public async Task ApplyBatchAsync_SeveralBatches_EachAddsExactlyOneVersionToSnapshotResultAndStore()
    {
        using AdminHarness h = AdminHarness.Create();
        var versions = new List<long>();

        versions.Add((await h.Admin.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(Ids.User("Dan"), "Dan")))).Version);
        versions.Add((await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [new AddMembership(new RoleMembership(Ids.User("Dan"), h.Org["Temp"])), new DeactivateUser(h.Org.UserId("Bob"))])).Version);
        AccessChangeResult refused = await h.Admin.ApplyAsync(AccessActor.System, new DeleteUser(Ids.User("Nobody")));
        versions.Add((await h.Admin.ApplyAsync(AccessActor.System, new SetSettings(AccessSettings.Default))).Version);

        Assert.Equal([2L, 3L, 4L], versions);
        Assert.False(refused.IsApplied);
        Assert.Equal(3, refused.Version);
        Assert.Equal(4, h.Snapshot.Version);
        Assert.Equal(4, h.Store.Version);
        Assert.Same(h.Snapshot.Model, h.Store.Model);
    }

    [Fact]
    public async Task ApplyAsync_AfterItReturns_OneShotChecksSeeTheChange()
    {
        using AdminHarness h = AdminHarness.Create();
        UserId bob = h.Org.UserId("Bob");
        Assert.False(h.Evaluator.CheckObject(bob, AdminHarness.Account, ObjectOperation.Create).IsAllowed);

        await h.Admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(bob, h.Org["Creators"])));

        AccessDecision decision = h.Evaluator.CheckObject(bob, AdminHarness.Account, ObjectOperation.Create);
        Assert.True(decision.IsAllowed);
        Assert.Equal(h.Org.Unit("Creators"), decision.Grantee);
    }

    [Fact]
    public async Task ApplyAsync_RecordsOnlyChange_NextCheckSeesIt()
    {
        using AdminHarness h = AdminHarness.Create();
        UserId bob = h.Org.UserId("Bob");
        Assert.False(h.Evaluator.CheckRecord(bob, AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);

        await h.Admin.ApplyAsync(
            AccessActor.System,
            new ShareRecord(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, bob, RecordOperation.Read, RecordRightLevel.Allow)));

        Assert.True(h.Evaluator.CheckRecord(bob, AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task ApplyAsync_SettingsOnlyChange_NextCheckSeesIt()
    {
        // In lookup mode Pat needs the object on the portal list; in operation-permissions mode the list is not used.
        using AdminHarness h = AdminHarness.Create(org =>
            org.Builder.Add(new ObjectOperationRow(AdminHarness.Account, org.Unit("Acme"), 2, ObjectOperations.Read)));
        UserId pat = h.Org.UserId("Pat");
        Assert.Equal(AccessReason.NotAvailableForPortal, h.Evaluator.CheckObject(pat, AdminHarness.Account, ObjectOperation.Read).Reason);

        await h.Admin.ApplyAsync(AccessActor.System, new SetSettings(h.Snapshot.Model.Settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions }));

        Assert.True(h.Evaluator.CheckObject(pat, AdminHarness.Account, ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task ApplyAsync_CancelledBeforeItStarts_ThrowsAndChangesNothing()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = AccessAdministrationTests.State.Of(h);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")), cancellation.Token));

        Assert.Same(state.Snapshot, h.Snapshot);
        Assert.Same(state.StoredModel, h.Store.Model);
        Assert.Equal(0, h.Sink.Count);
    }
}
