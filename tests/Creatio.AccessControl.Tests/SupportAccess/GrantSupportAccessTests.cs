using Creatio.AccessControl.Tests.Administration;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>DESIGN.md §8 "Who may grant" and the limits of a grant, through the administration API.</summary>
public sealed class GrantSupportAccessTests
{
    private static readonly SupportAccessSettings s_nonAdmins = new() { AllowNonAdminsToGrant = true };

    [Fact]
    public async Task ApplyAsync_AdministratorWithReadAndCreate_AddsTheGrant()
    {
        using AdminHarness h = Create();
        GrantSupportAccess change = NewGrantBy(h, "Admin");

        AssertApplied(await h.ApplyAsync(h.User("Admin"), change));

        Assert.Equal(change.Grant, Assert.Single(h.Snapshot.Model.SupportGrants, g => g.Id == NewGrant));
        AccessPrincipal session = h.Snapshot.GetSupportPrincipal(NewGrant, AdminHarness.Now);
        Assert.Equal(NewGrant, session.SupportGrant);
        Assert.True(session.CheckObject(ExternalAccess, ObjectOperation.Read).IsAllowed);
        Assert.Equal(h.Org.UserId("Admin"), session.User);
    }

    [Fact]
    public async Task ApplyAsync_NotASystemAdministrator_IsRefusedWithNotSystemAdministrator()
    {
        using AdminHarness h = Create();

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), NewGrantBy(h, "Granter"));

        AssertNotPermitted(AccessStage.SupportAccess, AccessReason.NotSystemAdministrator, result);
        Assert.DoesNotContain(h.Snapshot.Model.SupportGrants, g => g.Id == NewGrant);
    }

    [Fact]
    public async Task ApplyAsync_NonAdminsAllowedAndReadAndCreate_AddsTheGrant()
    {
        using AdminHarness h = Create(settings: s_nonAdmins);

        AssertApplied(await h.ApplyAsync(h.User("Granter"), NewGrantBy(h, "Granter")));
    }

    [Fact]
    public async Task ApplyAsync_NonAdminsAllowedButNoRightsOnExternalAccess_IsRefusedByTheObjectStep()
    {
        using AdminHarness h = Create(settings: s_nonAdmins);

        AccessChangeResult result = await h.ApplyAsync(h.User("Alice"), NewGrantBy(h, "Alice"));

        AssertNotPermitted(AccessStage.Object, AccessReason.NoMatchingObjectRow, result);
    }

    [Fact]
    public async Task ApplyAsync_AdministratorWithReadButNotCreate_IsRefusedByTheObjectStep()
    {
        // Administrators hold "Add any data" by default; a first row takes it from Read-only admins.
        using AdminHarness h = Create(configure: org => org.Operation(SystemOperations.CanInsertEverything, "Read-only admins", 0, canExecute: false));

        AccessChangeResult result = await h.ApplyAsync(h.User("Reader"), NewGrantBy(h, "Reader"));

        AssertNotPermitted(AccessStage.Object, AccessReason.ObjectRowDenies, result);
    }

    [Fact]
    public async Task ApplyAsync_AdministratorNamesAnotherGrantor_NeedsCanDelegateExternalAccessWhichAdministratorsHold()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", grantor: "Alice")));

        Assert.Equal(h.Org.UserId("Alice"), h.Snapshot.GetSupportPrincipal(NewGrant, AdminHarness.Now).User);
    }

    [Fact]
    public async Task ApplyAsync_NamesAnotherGrantorWithoutCanDelegateExternalAccess_IsRefused()
    {
        using AdminHarness h = Create(settings: s_nonAdmins);

        AccessChangeResult result = await h.ApplyAsync(h.User("Granter"), NewGrantBy(h, "Granter", grantor: "Alice"));

        AssertNotPermitted(AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow, result);
    }

    [Fact]
    public async Task ApplyAsync_NamesAnotherGrantorWithCanDelegateExternalAccess_AddsTheGrant()
    {
        using AdminHarness h = Create(settings: s_nonAdmins, configure: org => AdminHarness.Grant(org, "External access users", SystemOperations.CanDelegateExternalAccess));

        AssertApplied(await h.ApplyAsync(h.User("Granter"), NewGrantBy(h, "Granter", grantor: "Alice")));
    }

    [Fact]
    public async Task ApplyAsync_GrantedByIsNotTheActingUser_IsRefusedAsInvalidGrantor()
    {
        using AdminHarness h = Create();
        GrantSupportAccess change = NewGrantBy(h, "Admin");
        change = new GrantSupportAccess(change.Grant with { GrantedBy = h.Org.UserId("Alice") });

        AssertRefused(AccessChangeRefusal.InvalidGrantor, await h.ApplyAsync(h.User("Admin"), change));
    }

    [Theory]
    [InlineData("Gone")]
    [InlineData("Pat")]
    public async Task ApplyAsync_GrantorIsNotAnActiveEmployee_IsRefusedAsInvalidGrantor(string grantor)
    {
        using AdminHarness h = Create();

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", grantor: grantor));

        AssertRefused(AccessChangeRefusal.InvalidGrantor, result);
        Assert.Equal($"The grantor `{h.Org.UserId(grantor)}` of support grant `{NewGrant}` is not an active employee.", result.Message);
    }

    [Theory]
    [InlineData(LicenseType.Free)]
    [InlineData(LicenseType.Trial)]
    public async Task ApplyAsync_FreeOrTrialLicence_IsRefused(LicenseType license)
    {
        using AdminHarness h = Create(settings: new SupportAccessSettings { License = license });

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin"));

        AssertRefused(AccessChangeRefusal.LicenseForbidsSupportAccess, result);
        Assert.Equal($"A system on a {license} licence cannot grant support access.", result.Message);
    }

    [Fact]
    public async Task ApplyAsync_CloseBeforeStart_IsRefusedAsInvalidPeriod()
    {
        using AdminHarness h = Create();

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", start: new(2026, 3, 5), close: new(2026, 3, 4)));

        AssertRefused(AccessChangeRefusal.InvalidSupportPeriod, result);
        Assert.Equal($"Support grant `{NewGrant}` closes on 2026-03-04, before it starts on 2026-03-05.", result.Message);
    }

    [Fact]
    public async Task ApplyAsync_CloseOnTheStartDate_IsOneDayAndAllowed()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", start: new(2026, 3, 5), close: new(2026, 3, 5))));
    }

    [Theory]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public async Task ApplyAsync_DefaultMaximumDuration_Is180Days(int days, bool applied)
    {
        using AdminHarness h = Create();

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", close: Start.AddDays(days)));

        Assert.Equal(applied, result.IsApplied);
        if (!applied)
        {
            AssertRefused(AccessChangeRefusal.SupportPeriodTooLong, result);
            Assert.Equal($"Support grant `{NewGrant}` lasts 181 days; at most 180 are allowed.", result.Message);
        }
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task ApplyAsync_CustomMaximumDuration_IsEnforced(int days, bool applied)
    {
        using AdminHarness h = Create(settings: new SupportAccessSettings { MaxDurationDays = 10 });

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", close: Start.AddDays(days)));

        Assert.Equal(applied, result.IsApplied);
        Assert.Equal(applied ? AccessChangeRefusal.None : AccessChangeRefusal.SupportPeriodTooLong, result.Refusal);
    }

    [Fact]
    public async Task ApplyAsync_DefaultCloseDate_IsAcceptedAndEndsSixDaysAfterTheStart()
    {
        using AdminHarness h = Create();
        DateOnly close = GrantSupportAccess.DefaultCloseDate(Start, h.Snapshot.Model.Settings.SupportAccess);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin", close: close)));

        SupportAccessGrant grant = h.Snapshot.Model.SupportGrants.Single(g => g.Id == NewGrant);
        SupportAccessWindow window = SupportAccessWindow.For(grant, h.Snapshot.Model.Settings.SupportAccess);
        Assert.Equal(TimeSpan.FromDays(6), window.EndsAt - window.StartsAt);
    }

    [Fact]
    public async Task ApplyAsync_SameIdTwice_IsAConflict()
    {
        using AdminHarness h = Create();
        GrantSupportAccess change = NewGrantBy(h, "Admin");
        AssertApplied(await h.ApplyAsync(h.User("Admin"), change));

        AssertRefused(AccessChangeRefusal.Conflict, await h.ApplyAsync(h.User("Admin"), change));
    }

    [Fact]
    public async Task ApplyAsync_SupportAuditEnabled_WritesASupportAccessEvent()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin")));

        AccessAuditEvent audit = Assert.Single(h.Sink.Events, e => e.Type == AccessAuditEventType.SupportAccess);
        Assert.Equal(nameof(GrantSupportAccess), audit.Action);
        Assert.Equal(h.User("Admin"), audit.Actor);
    }

    [Fact]
    public async Task ApplyAsync_SupportAuditDisabled_WritesNoEvent()
    {
        using AdminHarness h = Create(enabled: [.. AdminHarness.AllEventTypes.Where(t => t != AccessAuditEventType.SupportAccess)]);

        AssertApplied(await h.ApplyAsync(h.User("Admin"), NewGrantBy(h, "Admin")));

        Assert.Equal(0, h.Sink.Count);
    }
}
