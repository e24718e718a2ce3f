using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>Changing a support grant (issue 16): the close date, the boxes, the scope and the level, within the rules of
/// granting.</summary>
/// <remarks>The harness grant <see cref="SupportHarness.G"/> uses Actor's permissions and was granted by Admin; changing it
/// is changing a grant of another grantor, so Admin needs <c>CanDelegateExternalAccess</c> as when granting it.</remarks>
public sealed class ChangeSupportAccessTests
{
    private static AdminHarness CreateDelegating(SupportAccessSettings? settings = null, Action<Org>? configure = null) =>
        Create(settings: settings, configure: org =>
        {
            AdminHarness.Grant(org, "Admin", SystemOperations.CanDelegateExternalAccess);
            configure?.Invoke(org);
        });

    private static SupportAccessGrant Current(AdminHarness h) => h.Snapshot.Model.SupportGrants.Single(g => g.Id == G);

    [Fact]
    public async Task ApplyAsync_ExtendTheCloseDate_AccessLastsLonger()
    {
        using AdminHarness h = CreateDelegating();
        h.Time.SetUtcNow(EndsAt);
        Assert.Equal(AccessReason.SupportGrantExpired, h.Snapshot.GetSupportPrincipal(G, EndsAt).SupportDenial);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Close.AddDays(10) }));

        Assert.Equal(Close.AddDays(10), Current(h).CloseDate);
        Assert.Equal(AccessReason.None, h.Snapshot.GetSupportPrincipal(G, EndsAt).SupportDenial);
    }

    [Fact]
    public async Task ApplyAsync_ShortenTheCloseDate_AccessEndsEarlier()
    {
        using AdminHarness h = CreateDelegating();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Start }));

        Assert.Equal(AccessReason.SupportGrantExpired, h.Snapshot.GetSupportPrincipal(G, new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero)).SupportDenial);
    }

    [Fact]
    public async Task ApplyAsync_BoxesScopeAndLevel_ReplaceOnlyWhatIsGiven()
    {
        using AdminHarness h = CreateDelegating(configure: org => org.Builder.Add(new WorkplaceDefinition("Support desk", [ExternalAccess])));
        SupportAccessGrant before = Current(h);

        AssertApplied(await h.ApplyAsync(
            h.User("Admin"),
            new ChangeSupportAccess(G) { DenyDataAccess = false, DenyConfiguration = false, Workplaces = ["Support desk"], Level = SupportAccessLevel.Monitor }));

        Assert.Equal(
            before with { DenyDataAccess = false, DenyConfiguration = false, Workplaces = Current(h).Workplaces, Level = SupportAccessLevel.Monitor },
            Current(h));
        Assert.Equal(["Support desk"], Current(h).Workplaces);
        AccessPrincipal session = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);
        Assert.Equal(AccessReason.SupportOutsideScope, session.CheckObject(AdminHarness.Account, ObjectOperation.Read).Reason);
    }

    [Fact]
    public async Task ApplyAsync_IsAuditedWithTheGrantAsItWas()
    {
        using AdminHarness h = CreateDelegating();
        string before = Current(h).ToString();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { Level = SupportAccessLevel.Manage }));

        AccessAuditEvent audit = Assert.Single(h.Sink.Events, e => e.Action == nameof(ChangeSupportAccess));
        Assert.Equal((AccessAuditEventType.SupportAccess, before), (audit.Type, audit.Before));
        Assert.Contains("Manage", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_LongerThanTheMaximum_IsRefusedAsTooLong()
    {
        using AdminHarness h = CreateDelegating();
        var before = AccessAdministrationTests.State.Of(h);

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Start.AddDays(181) });

        AssertRefused(AccessChangeRefusal.SupportPeriodTooLong, result);
        Assert.Equal($"Support grant `{G}` lasts 181 days; at most 180 are allowed.", result.Message);
        before.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyAsync_CloseDateBeforeTheStart_IsRefusedAsAnInvalidPeriod()
    {
        using AdminHarness h = CreateDelegating();

        AssertRefused(AccessChangeRefusal.InvalidSupportPeriod, await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Start.AddDays(-1) }));
    }

    [Fact]
    public async Task ApplyAsync_NotASystemAdministrator_IsRefusedAsWhenGranting()
    {
        using AdminHarness h = CreateDelegating();

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), new ChangeSupportAccess(G) { Level = SupportAccessLevel.Monitor });

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.NotSystemAdministrator, result);
    }

    [Fact]
    public async Task ApplyAsync_AnotherGrantorWithoutDelegation_IsRefused()
    {
        // Granter may grant its own permissions; G uses Actor's.
        using AdminHarness h = Create(settings: new SupportAccessSettings { AllowNonAdminsToGrant = true });

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), new ChangeSupportAccess(G) { Level = SupportAccessLevel.Monitor });

        AssertNotPermitted(AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow, result);
    }

    [Fact]
    public async Task ApplyAsync_ReadAndCreateButNotEdit_IsRefusedByTheObjectStep()
    {
        // Granter may grant (Read and Create on SysExternalAccess) but not edit an External access record.
        using AdminHarness h = Create(
            grant => grant with { Grantor = default, GrantedBy = default },
            new SupportAccessSettings { AllowNonAdminsToGrant = true },
            org =>
            {
                SupportAccessGrant g = org.Builder.SupportGrants.Single();
                org.Builder.SupportGrants[0] = g with { Grantor = org.UserId("Granter"), GrantedBy = org.UserId("Granter") };
            });

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), new ChangeSupportAccess(G) { Level = SupportAccessLevel.Monitor });

        AssertNotPermitted(AccessStage.Object, AccessReason.ObjectRowDenies, result);
    }

    [Fact]
    public async Task ApplyAsync_FromASupportSession_IsForbidden()
    {
        using AdminHarness h = CreateDelegating();

        AssertSupportSessionForbidden(await h.ApplyAsync(Session, new ChangeSupportAccess(G) { CloseDate = Close.AddDays(30) }));
    }

    [Fact]
    public async Task ApplyAsync_ADeactivatedGrant_IsRefusedAsInactive()
    {
        using AdminHarness h = CreateDelegating();
        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Close.AddDays(1) });

        AssertRefused(AccessChangeRefusal.SupportGrantInactive, result);
        Assert.Equal($"Support grant `{G}` is deactivated and cannot be changed; grant support access again instead.", result.Message);
        Assert.False(Current(h).IsActive);
    }

    [Fact]
    public async Task ApplyAsync_AnUnknownGrant_IsRefusedAsNotFound()
    {
        using AdminHarness h = CreateDelegating();

        AssertRefused(AccessChangeRefusal.NotFound, await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(NewGrant) { CloseDate = Close }));
    }

    [Fact]
    public async Task ApplyAsync_OnATrialLicence_IsRefused()
    {
        using AdminHarness h = CreateDelegating(new SupportAccessSettings { License = LicenseType.Trial });

        AssertRefused(AccessChangeRefusal.LicenseForbidsSupportAccess, await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Close }));
    }

    [Fact]
    public async Task ApplyAsync_TheGrantorNoLongerActive_IsRefusedAsAnInvalidGrantor()
    {
        using AdminHarness h = CreateDelegating();
        AssertApplied(await h.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Actor"))));

        AssertRefused(AccessChangeRefusal.InvalidGrantor, await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { CloseDate = Close }));
    }

    [Fact]
    public async Task ApplyAsync_AnUnknownWorkplace_IsRefusedAsAnInvalidModel()
    {
        using AdminHarness h = CreateDelegating();

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { Workplaces = ["Nowhere"] });

        AssertRefused(AccessChangeRefusal.InvalidModel, result);
        Assert.Contains(result.Errors, e => e.Message.Contains("`Nowhere`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_AnOutOfRangeLevel_IsRefusedAsAnInvalidModel()
    {
        using AdminHarness h = CreateDelegating();

        AssertRefused(AccessChangeRefusal.InvalidModel, await h.ApplyAsync(h.User("Admin"), new ChangeSupportAccess(G) { Level = (SupportAccessLevel)7 }));
    }

    [Fact]
    public void ApplyAsync_IsTheSameModelEditAsGranting()
    {
        using AdminHarness h = CreateDelegating();
        var context = new ChangeContext(h.Snapshot, AdminHarness.Now, h.User("Admin"));

        AccessModelDelta delta = new ChangeSupportAccess(G) { Level = SupportAccessLevel.Manage }.ToDelta(context);

        PutSupportGrantEdit edit = Assert.IsType<PutSupportGrantEdit>(Assert.Single(delta.Edits));
        Assert.Equal(Current(h) with { Level = SupportAccessLevel.Manage }, edit.Grant);
    }
}
