using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>DESIGN.md §8 revocation, and what a support session may change through the administration API
/// (<see cref="AccessActor.ForSupportSession"/>).</summary>
public sealed class SupportSessionActorTests
{
    private static readonly ObjectName Account = AdminHarness.Account;

    private static readonly RecordId Created = Ids.Record("created by support");

    private static readonly SupportAccessSettings s_relaxed = new() { AllowAdministrationWhenUnrestricted = true };

    private static CreateRecord NewAccount(AdminHarness h) => new(new RecordDefinition(Account, Created, h.Org.UserId("Actor"), h.Org.UserId("Actor")));

    private static IEnumerable<AccessRequest> Requests(AdminHarness h) =>
    [
        AccessRequest.ForObject(Account, ObjectOperation.Read),
        AccessRequest.ForObject(Account, ObjectOperation.Create),
        AccessRequest.ForObject(ExternalAccess, ObjectOperation.Read),
        AccessRequest.ForRecord(Account, R3, RecordOperation.Read),
        AccessRequest.ForRecord(Account, AdminHarness.R1, RecordOperation.Edit),
        AccessRequest.ForColumn(Account, AdminHarness.Revenue, ColumnOperation.Read),
        AccessRequest.ForColumn(Account, AdminHarness.Revenue, ColumnOperation.Edit, R3),
        AccessRequest.ForShare(Account, R3, RecordOperation.Read),
        AccessRequest.ForSystemOperation(SystemOperations.CanExportGrid),
        AccessRequest.ForSystemOperation(SystemOperations.CanManageUsers),
    ];

    // ---- revocation ----

    [Fact]
    public async Task DeactivateSupportAccess_Applied_DeniesEveryCheckThroughAPrincipalResolvedAfterwards()
    {
        using AdminHarness h = Create(grant: g => g with { DenyDataAccess = false, DenyConfiguration = false });
        Assert.True(h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now).CheckRecord(Account, R3, RecordOperation.Read).IsAllowed);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        AccessPrincipal session = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);
        foreach (AccessRequest request in Requests(h))
        {
            SupportModel.AssertSupportDenied(AccessReason.SupportGrantInactive, session.Check(request));
        }
    }

    [Fact]
    public async Task DeactivateSupportAccess_Applied_KeepsTheGrantInactive()
    {
        using AdminHarness h = Create();
        SupportAccessGrant before = h.Snapshot.Model.SupportGrants.Single(g => g.Id == G);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        SupportAccessGrant after = Assert.Single(h.Snapshot.Model.SupportGrants, g => g.Id == G);
        Assert.Equal(before with { IsActive = false }, after);
        Assert.Equal(after, Assert.Single(h.Store.Model.SupportGrants, g => g.Id == G));
    }

    [Fact]
    public async Task DeactivateSupportAccess_PrincipalResolvedBefore_KeepsItsOwnSnapshot()
    {
        using AdminHarness h = Create(grant: g => g with { DenyDataAccess = false });
        AccessPrincipal before = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        Assert.NotSame(h.Snapshot, before.Snapshot);
        Assert.True(before.CheckRecord(Account, R3, RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task DeactivateSupportAccess_ThenSupportSessionChanges_AreRefusedAsInactive()
    {
        using AdminHarness h = Create();
        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        AccessChangeResult result = await h.ApplyAsync(Session, NewAccount(h));

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportGrantInactive, result);
    }

    [Fact]
    public async Task DeactivateSupportAccess_WithoutEditOnExternalAccess_IsRefused()
    {
        using AdminHarness h = Create();

        AssertNotPermitted(AccessStage.Object, AccessReason.ObjectRowDenies, await h.ApplyAsync(h.User("Granter"), new DeactivateSupportAccess(G)));
        AssertNotPermitted(AccessStage.Object, AccessReason.NoMatchingObjectRow, await h.ApplyAsync(h.User("Alice"), new DeactivateSupportAccess(G)));
        Assert.True(h.Snapshot.Model.SupportGrants.Single(g => g.Id == G).IsActive);
    }

    [Fact]
    public async Task DeactivateSupportAccess_UnknownGrant_IsNotFound()
    {
        using AdminHarness h = Create();
        var unknown = new SupportGrantId(Guid.NewGuid());

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(unknown));

        AssertRefused(AccessChangeRefusal.NotFound, result);
        Assert.Equal($"Support grant `{unknown}` does not exist.", result.Message);
    }

    [Fact]
    public async Task DeactivateSupportAccess_SupportAuditEnabled_WritesASupportAccessEvent()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        AccessAuditEvent audit = Assert.Single(h.Sink.Events, e => e.Type == AccessAuditEventType.SupportAccess);
        Assert.Equal(nameof(DeactivateSupportAccess), audit.Action);
    }

    [Fact]
    public async Task DeactivateSupportAccess_SupportAuditDisabled_WritesNoEvent()
    {
        using AdminHarness h = Create(enabled: [AccessAuditEventType.UserRoleChange]);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        Assert.Equal(0, h.Sink.Count);
    }

    // ---- what a support session may not change ----

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAsync_SupportSessionDeactivatesItsGrant_IsForbiddenEvenWhenRelaxed(bool relaxed)
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = !relaxed, DenyConfiguration = !relaxed, Grantor = Ids.User("Admin") }, relaxed ? s_relaxed : null);

        AssertSupportSessionForbidden(await h.ApplyAsync(Session, new DeactivateSupportAccess(G)));
        Assert.True(h.Snapshot.Model.SupportGrants.Single(g => g.Id == G).IsActive);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ApplyAsync_SupportSessionCreatesOrExtendsAGrant_IsForbiddenEvenWhenRelaxed(bool relaxed)
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = !relaxed, DenyConfiguration = !relaxed, Grantor = Ids.User("Admin") }, relaxed ? s_relaxed : null);
        SupportAccessGrant current = h.Snapshot.Model.SupportGrants.Single(g => g.Id == G);
        var extension = new SupportAccessGrant(NewGrant, "More time", current.StartDate, current.CloseDate.AddDays(30), current.Grantor, current.Grantor);

        AssertSupportSessionForbidden(await h.ApplyAsync(Session, new GrantSupportAccess(extension)));
        AssertSupportSessionForbidden(await h.ApplyAsync(Session, new GrantSupportAccess(current with { CloseDate = current.CloseDate.AddDays(30) })));
        SupportAccessGrant only = Assert.Single(h.Snapshot.Model.SupportGrants);
        Assert.Same(current, only);
    }

    [Fact]
    public async Task ApplyAsync_SupportSessionChangesMembership_IsForbidden()
    {
        using AdminHarness h = Create();
        long version = h.Snapshot.Version;

        AccessChangeResult result = await h.ApplyAsync(Session, NewAccount(h), new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"])));

        AssertSupportSessionForbidden(result, index: 1);
        Assert.Equal(version, h.Snapshot.Version);
    }

    [Fact]
    public async Task ApplyAsync_RelaxedButDataIsolationOn_AdministrationIsForbidden()
    {
        using AdminHarness h = Create(g => g with { DenyConfiguration = false, Grantor = Ids.User("Admin") }, s_relaxed);

        AssertSupportSessionForbidden(await h.ApplyAsync(Session, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"]))));
    }

    [Fact]
    public async Task ApplyAsync_RelaxedAndBothModesCleared_AuthorizesAdministrationThroughTheGrantor()
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = false, DenyConfiguration = false, Grantor = Ids.User("Admin") }, s_relaxed);

        AssertApplied(await h.ApplyAsync(Session, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"]))));
    }

    [Fact]
    public async Task ApplyAsync_RelaxedAndBothModesClearedButGrantorMayNot_IsNotPermitted()
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = false, DenyConfiguration = false }, s_relaxed);

        AccessChangeResult result = await h.ApplyAsync(Session, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"])));

        AssertRefused(AccessChangeRefusal.NotPermitted, result);
        Assert.Equal(AccessStage.SystemOperation, result.Decision.Stage);
    }

    [Fact]
    public async Task ApplyAsync_RelaxedAndBothModesClearedButMonitor_IsRefusedByTheLevel()
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = false, DenyConfiguration = false, Level = SupportAccessLevel.Monitor, Grantor = Ids.User("Admin") }, s_relaxed);

        AccessChangeResult result = await h.ApplyAsync(Session, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Sales"])));

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportLevel, result);
    }

    // ---- data changes ----

    [Fact]
    public async Task CreateRecord_InASupportSession_StampsTheGrantAndStaysVisibleUnderIsolation()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(Session, NewAccount(h)));

        RecordDefinition record = h.Snapshot.Model.Records.Single(r => r.Id == Created);
        Assert.Equal(G, record.CreatedInSupportGrant);
        AccessPrincipal session = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);
        Assert.True(session.CheckRecord(Account, Created, RecordOperation.Read).IsAllowed);
        Assert.True(session.CheckColumn(Account, Created, AdminHarness.Revenue, ColumnOperation.Edit).IsAllowed);
        SupportModel.AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckRecord(Account, R3, RecordOperation.Read));
    }

    [Fact]
    public async Task CreateRecord_ByAUser_IsNotStamped()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Actor"), NewAccount(h)));

        Assert.Null(h.Snapshot.Model.Records.Single(r => r.Id == Created).CreatedInSupportGrant);
    }

    [Fact]
    public async Task CreateRecord_GrantorMayNotCreate_IsRefusedWithTheGrantorsDecision()
    {
        using AdminHarness h = Create(g => g with { Grantor = Ids.User("Alice") });

        AccessChangeResult result = await h.ApplyAsync(Session, NewAccount(h));

        AssertNotPermitted(AccessStage.Object, AccessReason.ObjectRowDenies, result);
    }

    [Fact]
    public async Task CreateRecord_Monitor_IsRefusedByTheLevel()
    {
        using AdminHarness h = Create(g => g with { Level = SupportAccessLevel.Monitor });

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportLevel, await h.ApplyAsync(Session, NewAccount(h)));
    }

    [Fact]
    public async Task ChangeRecordOwnerAndDeleteRecord_RecordNotCreatedInTheGrant_AreRefusedByDataIsolation()
    {
        using AdminHarness h = Create();

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportDataIsolation, await h.ApplyAsync(Session, new ChangeRecordOwner(Account, R3, h.Org.UserId("Bob"))));
        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportDataIsolation, await h.ApplyAsync(Session, new DeleteRecord(Account, R3)));
        Assert.Contains(h.Snapshot.Model.Records, r => r.Id == R3 && r.Owner == h.Org.UserId("Actor"));
    }

    [Fact]
    public async Task ChangeRecordOwnerAndDeleteRecord_RecordCreatedInTheGrant_AreApplied()
    {
        using AdminHarness h = Create();
        AssertApplied(await h.ApplyAsync(Session, NewAccount(h)));

        AssertApplied(await h.ApplyAsync(Session, new ChangeRecordOwner(Account, Created, h.Org.UserId("Bob"))));
        Assert.Equal(h.Org.UserId("Bob"), h.Snapshot.Model.Records.Single(r => r.Id == Created).Owner);
        AssertApplied(await h.ApplyAsync(Session, new DeleteRecord(Account, Created)));
        Assert.DoesNotContain(h.Snapshot.Model.Records, r => r.Id == Created);
    }

    [Fact]
    public async Task ChangeRecordOwner_IsolationOff_IsAuthorizedAsTheGrantor()
    {
        using AdminHarness h = Create(g => g with { DenyDataAccess = false });

        AssertApplied(await h.ApplyAsync(Session, new ChangeRecordOwner(Account, R3, h.Org.UserId("Bob"))));
        AssertNotPermitted(AccessStage.Record, AccessReason.NoRecordRight, await h.ApplyAsync(Session, new DeleteRecord(Account, AdminHarness.R2)));
    }

    [Fact]
    public async Task ApplyAsync_SupportSessionAtTheLastTickAndAtExpiry_IsAppliedThenRefused()
    {
        using AdminHarness h = Create();

        h.Time.SetUtcNow(EndsAt.AddTicks(-1));
        AssertApplied(await h.ApplyAsync(Session, NewAccount(h)));

        h.Time.SetUtcNow(EndsAt);
        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportGrantExpired, await h.ApplyAsync(Session, new DeleteRecord(Account, Created)));
    }

    [Fact]
    public async Task ApplyAsync_SupportSessionBeforeTheStartDate_IsRefusedAsNotStarted()
    {
        using AdminHarness h = Create(g => g with { StartDate = new DateOnly(2026, 3, 2) });

        h.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.SupportGrantNotStarted, await h.ApplyAsync(Session, NewAccount(h)));

        h.Time.SetUtcNow(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        AssertApplied(await h.ApplyAsync(Session, NewAccount(h)));
    }

    [Fact]
    public async Task ApplyAsync_UnknownGrant_IsRefusedAsUnknown()
    {
        using AdminHarness h = Create();

        AccessChangeResult result = await h.ApplyAsync(AccessActor.ForSupportSession(new SupportGrantId(Guid.NewGuid())), NewAccount(h));

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.UnknownSupportGrant, result);
    }

    [Fact]
    public async Task ApplyAsync_SupportSessionDataChange_IsAuditedWithTheSessionAsActor()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(Session, NewAccount(h)));

        AccessAuditEvent audit = Assert.Single(h.Sink.Events);
        Assert.Equal((AccessAuditEventType.RecordPermissions, nameof(CreateRecord), Session), (audit.Type, audit.Action, audit.Actor));
    }
}
