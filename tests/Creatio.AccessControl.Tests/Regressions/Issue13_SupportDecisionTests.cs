using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.SupportAccess;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, decisions now in DESIGN.md §5, §6, §8 and §11, each pinned.</summary>
public sealed class Issue13_SupportDecisionTests
{
    private static readonly SupportAccessSettings s_relaxed = new() { AllowAdministrationWhenUnrestricted = true };

    // ---- §8 Monitor executes no system operation at all ----

    [Fact]
    public void Monitor_SessionOfAnAdministratorsGrant_MayNotExecuteCanInsertEverything()
    {
        // Before: only operations marked configuration were refused, so the session could "add any data".
        AccessPrincipal monitor = Session(Unrestricted() with { Level = SupportAccessLevel.Monitor });

        AssertAllowed(Compile(Grant()).GetPrincipal(Grantor, Now).CheckSystemOperation(SystemOperations.CanInsertEverything));
        AssertSupportDenied(AccessReason.SupportLevel, monitor.CheckSystemOperation(SystemOperations.CanInsertEverything));
        AssertSupportDenied(AccessReason.SupportLevel, monitor.CheckSystemOperation(SystemOperations.CanExportGrid));
    }

    // ---- §8 levels: below Admin, configuration is read-only whatever the boxes ----

    public static TheoryData<SupportAccessLevel> BelowAdmin => new() { SupportAccessLevel.Monitor, SupportAccessLevel.Manage };

    [Theory]
    [MemberData(nameof(BelowAdmin))]
    public void BelowAdmin_BothBoxesClearedAndRelaxed_ConfigurationIsReadOnly(SupportAccessLevel level)
    {
        AccessPrincipal session = Session(Unrestricted() with { Level = level }, s_relaxed);

        AssertAllowed(session.CheckObject(Country, ObjectOperation.Read));
        AssertAllowed(session.CheckObject(Settings, ObjectOperation.Read));
        foreach (ObjectOperation write in new[] { ObjectOperation.Create, ObjectOperation.Edit, ObjectOperation.Delete })
        {
            AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Country, write));
            AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Settings, write));
        }

        AssertSupportDenied(AccessReason.SupportLevel, session.CheckColumn(Country, "Code", ColumnOperation.Edit));
        foreach (SystemOperationDefinition operation in SystemOperations.BuiltIn.Where(o => o.IsConfiguration))
        {
            AssertSupportDenied(AccessReason.SupportLevel, session.CheckSystemOperation(operation.Code));
        }
    }

    /// <summary>The harness with grant G of Admin's permissions (System administrators: CanManageSysSettings), or of
    /// Actor's (who may not change settings).</summary>
    private static AdminHarness Harness(Func<SupportAccessGrant, SupportAccessGrant> grant, bool relaxed = false, string grantor = "Admin") =>
        SupportHarness.Create(
            g => grant(g with { Grantor = Ids.User(grantor) }),
            relaxed ? s_relaxed : null);

    private static SetSettings PortalModeChange(AdminHarness h) =>
        new(h.Snapshot.Model.Settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions });

    [Fact]
    public async Task SetSettings_AdminLevelWithoutConfigurationRestriction_IsAppliedWhenTheGrantorMay()
    {
        // Before: refused in every case, as administration.
        using AdminHarness h = Harness(g => g with { DenyConfiguration = false });

        AccessChangeResult result = await h.ApplyAsync(SupportHarness.Session, PortalModeChange(h));

        SupportHarness.AssertApplied(result);
        Assert.Equal(PortalAvailabilityMode.OperationPermissions, h.Snapshot.Model.Settings.PortalAvailabilityMode);
    }

    [Fact]
    public async Task SetSettings_GrantorMayNotChangeSettings_IsNotPermitted()
    {
        using AdminHarness h = Harness(g => g with { DenyConfiguration = false }, grantor: "Actor");

        AccessChangeResult result = await h.ApplyAsync(SupportHarness.Session, PortalModeChange(h));

        SupportHarness.AssertNotPermitted(AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow, result);
    }

    public static TheoryData<string, AccessReason> RefusedSettingsChanges => new()
    {
        { "configuration restriction", AccessReason.SupportConfigurationRestriction },
        { "manage", AccessReason.SupportLevel },
        { "monitor", AccessReason.SupportLevel },
        { "support access settings", AccessReason.SupportAdministrationForbidden },
        { "support access settings, relaxed", AccessReason.SupportAdministrationForbidden },
        { "audit events", AccessReason.SupportAdministrationForbidden },
    };

    [Theory]
    [MemberData(nameof(RefusedSettingsChanges))]
    public async Task SetSettings_FromASessionThatMayNot_IsRefusedWithTheOverlaysReason(string what, AccessReason reason)
    {
        bool relaxed = what.EndsWith("relaxed", StringComparison.Ordinal);
        using AdminHarness h = Harness(
            g => what switch
            {
                "configuration restriction" => g with { DenyDataAccess = false },
                "manage" => g with { DenyDataAccess = false, DenyConfiguration = false, Level = SupportAccessLevel.Manage },
                "monitor" => g with { DenyDataAccess = false, DenyConfiguration = false, Level = SupportAccessLevel.Monitor },
                _ => g with { DenyDataAccess = false, DenyConfiguration = false },
            },
            relaxed);
        AccessSettings settings = h.Snapshot.Model.Settings;
        AccessSettings changed = what switch
        {
            "support access settings" or "support access settings, relaxed" =>
                settings with { SupportAccess = settings.SupportAccess with { AllowAdministrationWhenUnrestricted = !settings.SupportAccess.AllowAdministrationWhenUnrestricted } },
            "audit events" => settings with { EnabledAuditEvents = [] },
            _ => settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions },
        };

        AccessChangeResult result = await h.ApplyAsync(SupportHarness.Session, new SetSettings(changed));

        SupportHarness.AssertRefused(AccessChangeRefusal.SupportSessionForbidden, result);
        Assert.Equal((AccessStage.SupportAccess, reason), (result.Decision.Stage, result.Decision.Reason));
        Assert.Equal(settings, h.Snapshot.Model.Settings);
    }

    [Fact]
    public async Task SetSettings_AuditEventsFromARelaxedSessionWithBothBoxesCleared_IsApplied()
    {
        using AdminHarness h = Harness(g => g with { DenyDataAccess = false, DenyConfiguration = false }, relaxed: true);

        SupportHarness.AssertApplied(await h.ApplyAsync(SupportHarness.Session, new SetSettings(h.Snapshot.Model.Settings with { EnabledAuditEvents = [AccessAuditEventType.SupportAccess] })));
    }

    // ---- §8 data isolation also denies object-level and record-less column requests on business data ----

    [Fact]
    public void DataIsolation_RequestsNamingNoRecordOnBusinessData_AreDeniedButCreate()
    {
        AccessPrincipal session = Session(Grant() with { DenyConfiguration = false });

        foreach (ObjectOperation operation in new[] { ObjectOperation.Read, ObjectOperation.Edit, ObjectOperation.Delete })
        {
            AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckObject(Deal, operation));
        }

        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, Amount, ColumnOperation.Read));
        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, Amount, ColumnOperation.Edit));
        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, "Id", ColumnOperation.Read));
        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Create));
        AssertAllowed(session.CheckColumn(Deal, Ours, Amount, ColumnOperation.Read));
        AssertAllowed(session.CheckObject(Country, ObjectOperation.Read));
        Assert.Empty(session.GetColumnAccess(Deal).Readable);
    }

    // ---- §6 portal users never read or write system columns, even through a super operation ----

    [Fact]
    public void PortalUser_HoldingEverySuperOperation_NeverReadsOrWritesASystemColumn()
    {
        var org = new Org();
        org.Portal("Pat", "All portal users").Object("Ticket", portal: true, columns: "Subject").Record("Ticket", "t1", author: "Pat");
        foreach (SystemOperationCode super in new[] { SystemOperations.CanSelectEverything, SystemOperations.CanUpdateEverything })
        {
            org.Operation(super, "Pat", 0);
        }

        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal pat = snapshot.GetPrincipal(org.UserId("Pat"), Now);

        Assert.Equal(AccessReason.SuperOperation, pat.CheckObject("Ticket", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.SuperOperation, pat.CheckColumn("Ticket", "Subject", ColumnOperation.Edit).Reason);
        foreach (string column in SystemColumns.Names)
        {
            foreach (ColumnOperation operation in new[] { ColumnOperation.Read, ColumnOperation.Edit })
            {
                AccessDecision decision = pat.CheckColumn("Ticket", Ids.Record("t1"), column, operation);
                Assert.Equal((AccessOutcome.Deny, AccessStage.Column, AccessReason.SystemColumnForPortalUser), (decision.Outcome, decision.Stage, decision.Reason));
                Assert.Equal(AccessReason.SystemColumnForPortalUser, pat.CheckColumn("Ticket", column, operation).Reason);
            }
        }

        Assert.Equal(["Subject"], pat.GetColumnAccess("Ticket").Readable.Select(c => c.Value));
    }

    // ---- §5 sharing needs Read of the record besides AllowAndGrant ----

    [Fact]
    public void CheckShare_AllowAndGrantWithoutRead_IsDeniedByTheReadCheck_AndAllowedOnceReadIsGranted()
    {
        Org Model(bool read)
        {
            var org = new Org();
            org.User("Owner").User("Sharer").Object("Deal", records: true).Record("Deal", "d1", author: "Owner", owner: "Owner")
                .Right("Deal", "d1", "Sharer", RecordOperation.Edit, RecordRightLevel.AllowAndGrant);
            return read ? org.Right("Deal", "d1", "Sharer", RecordOperation.Read) : org;
        }

        AccessDecision without = Model(read: false).Principal("Sharer").CheckShare("Deal", Ids.Record("d1"), RecordOperation.Edit);
        AccessDecision with = Model(read: true).Principal("Sharer").CheckShare("Deal", Ids.Record("d1"), RecordOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessStage.Record, AccessReason.NoRecordRight), (without.Outcome, without.Stage, without.Reason));
        Assert.Equal((AccessOutcome.Allow, AccessReason.CanGrant), (with.Outcome, with.Reason));
    }

    // ---- §11 unknown records are looked up only where the record step reads their rights ----

    [Fact]
    public void UnknownRecord_UnderASuperOperationOrWithoutRecordPermissions_IsNotAnError()
    {
        var org = new Org();
        org.User("Reader").User("Super").Portal("Pat", "All portal users")
            .Object("Open").Object("Guarded", records: true)
            .Object("Portal", operations: true, portal: true).ObjectRow("Portal", "All portal users", 0, ObjectOperations.Read)
            .Operation(SystemOperations.CanSelectEverything, "Super", 0);
        AccessSnapshot snapshot = org.Compile();
        RecordId unknown = Ids.Record("never defined");
        AccessPrincipal reader = snapshot.GetPrincipal(org.UserId("Reader"), Now);
        AccessPrincipal super = snapshot.GetPrincipal(org.UserId("Super"), Now);
        AccessPrincipal pat = snapshot.GetPrincipal(org.UserId("Pat"), Now);

        Assert.Equal((true, AccessReason.RecordPermissionsOff), (reader.CheckRecord("Open", unknown, RecordOperation.Read).IsAllowed, reader.CheckRecord("Open", unknown, RecordOperation.Read).Reason));
        Assert.Equal((true, AccessReason.SuperOperation), (super.CheckRecord("Guarded", unknown, RecordOperation.Read).IsAllowed, super.CheckRecord("Guarded", unknown, RecordOperation.Read).Reason));
        Assert.Equal(AccessReason.UnknownRecord, reader.CheckRecord("Guarded", unknown, RecordOperation.Read).Reason);
        Assert.Equal(AccessReason.UnknownRecord, pat.CheckRecord("Portal", unknown, RecordOperation.Read).Reason);
        Assert.Equal([unknown], reader.FilterRecords("Open", RecordOperation.Read, [unknown]));
        Assert.Empty(reader.FilterRecords("Guarded", RecordOperation.Read, [unknown]));
    }
}
