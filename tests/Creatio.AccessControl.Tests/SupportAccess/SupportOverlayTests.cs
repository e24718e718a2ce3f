using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>DESIGN.md §8 step 7: what a support session may do of what its grantor may do, rule by rule and in order.</summary>
public sealed class SupportOverlayTests
{
    private static readonly SupportAccessSettings s_relaxed = new() { AllowAdministrationWhenUnrestricted = true };

    // ---- the principal ----

    [Fact]
    public void GetSupportPrincipal_ValidGrant_IsASupportSessionOfTheGrantor()
    {
        AccessPrincipal session = Session(Grant());

        Assert.True(session.IsSupportSession);
        Assert.Equal(G, session.SupportGrant);
        Assert.Equal(Grantor, session.User);
        Assert.True(session.IsActive);
    }

    [Fact]
    public void Check_GrantorDenied_ReturnsTheGrantorsDecision()
    {
        SupportAccessGrant grant = Unrestricted() with { Grantor = Limited };
        AccessSnapshot snapshot = Compile(grant);
        AccessPrincipal session = snapshot.GetSupportPrincipal(G, Now);

        AccessDecision decision = session.CheckObject(Secret, ObjectOperation.Read);

        Assert.Equal(snapshot.GetPrincipal(Limited, Now).CheckObject(Secret, ObjectOperation.Read), decision);
        Assert.Equal((AccessStage.Object, AccessReason.NoMatchingObjectRow), (decision.Stage, decision.Reason));
    }

    [Fact]
    public void Check_GrantorLacksASystemOperation_ReturnsTheGrantorsDeny()
    {
        AccessSnapshot snapshot = Compile(Unrestricted() with { Grantor = Limited });

        AccessDecision decision = snapshot.GetSupportPrincipal(G, Now).CheckSystemOperation(SystemOperations.CanExportGrid);

        Assert.False(decision.IsAllowed);
        Assert.Equal(snapshot.GetPrincipal(Limited, Now).CheckSystemOperation(SystemOperations.CanExportGrid), decision);
    }

    [Fact]
    public void Check_GrantorInactive_DeniesAsAnInactiveUser()
    {
        AccessDecision decision = Session(Unrestricted() with { Grantor = Dormant }).CheckObject(Country, ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Deny, AccessReason.InactiveUser), (decision.Outcome, decision.Reason));
    }

    [Fact]
    public void Check_Allowed_ReturnsExactlyTheGrantorsAllow()
    {
        AccessSnapshot snapshot = Compile(Unrestricted());

        AccessDecision decision = snapshot.GetSupportPrincipal(G, Now).CheckRecord(Deal, Mine, RecordOperation.Edit);

        AssertAllowed(decision);
        Assert.Equal(snapshot.GetPrincipal(Grantor, Now).CheckRecord(Deal, Mine, RecordOperation.Edit), decision);
    }

    [Fact]
    public void Check_GrantorsDelegationEnds_SessionLosesWhatTheDelegationGave()
    {
        var end = new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero);
        SupportAccessGrant grant = Unrestricted() with { Grantor = Limited };
        AccessModelBuilder builder = Builder([grant]);
        builder.Add(new Delegation((AdminUnitId)Grantor, (AdminUnitId)Limited, end));
        AccessSnapshot snapshot = AccessSnapshot.Compile(builder.Build());

        AccessDecision before = snapshot.GetSupportPrincipal(G, end.AddTicks(-1)).CheckSystemOperation(SystemOperations.CanExportGrid);
        AccessDecision after = snapshot.GetSupportPrincipal(G, end).CheckSystemOperation(SystemOperations.CanExportGrid);

        AssertAllowed(before);
        Assert.False(after.IsAllowed);
        Assert.Equal(snapshot.GetPrincipal(Limited, end).CheckSystemOperation(SystemOperations.CanExportGrid), after);
    }

    // ---- the grant's state ----

    public static TheoryData<string, AccessReason> InvalidGrants => new()
    {
        { "inactive", AccessReason.SupportGrantInactive },
        { "not started", AccessReason.SupportGrantNotStarted },
        { "expired", AccessReason.SupportGrantExpired },
        { "sandbox", AccessReason.SupportWrongEnvironment },
    };

    [Theory]
    [MemberData(nameof(InvalidGrants))]
    public void Check_InvalidGrant_DeniesEveryRequestWithItsReason(string state, AccessReason reason)
    {
        SupportAccessGrant grant = Unrestricted() with { Grantor = Grantor };
        grant = state switch
        {
            "inactive" => grant with { IsActive = false },
            "not started" => grant with { StartDate = new DateOnly(2026, 3, 3) },
            "expired" => grant with { CloseDate = new DateOnly(2026, 3, 1) },
            _ => grant with { Environment = "sandbox" },
        };
        AccessPrincipal session = Session(grant, s_relaxed);

        Assert.True(session.IsSupportSession);
        foreach (AccessRequest request in EveryRequest())
        {
            AssertSupportDenied(reason, session.Check(request));
        }

        Assert.Equal(RecordFilterKind.None, session.GetRecordFilter(Deal, RecordOperation.Read).Kind);
        Assert.Empty(session.FilterRecords(Deal, RecordOperation.Read, [Mine, Ours, Theirs]));
    }

    [Fact]
    public void Check_UnknownGrant_DeniesEveryRequestWithUnknownSupportGrant()
    {
        AccessPrincipal session = Compile(Grant()).GetSupportPrincipal(new SupportGrantId(Guid.NewGuid()), Now);

        Assert.True(session.IsSupportSession);
        Assert.Null(session.SupportGrant);
        foreach (AccessRequest request in EveryRequest())
        {
            AssertSupportDenied(AccessReason.UnknownSupportGrant, session.Check(request));
        }
    }

    [Fact]
    public void Check_InactiveAndExpired_NamesInactive()
    {
        AccessPrincipal session = Session(Grant() with { IsActive = false, CloseDate = Start }, now: Now);

        AssertSupportDenied(AccessReason.SupportGrantInactive, session.CheckObject(Country, ObjectOperation.Read));
    }

    [Fact]
    public void Check_OtherEnvironmentConfigured_GrantForThatEnvironmentIsValid()
    {
        SupportAccessGrant grant = Unrestricted() with { Environment = "sandbox" };

        AssertAllowed(Session(grant, new SupportAccessSettings { Environment = "sandbox" }).CheckObject(Country, ObjectOperation.Read));
        AssertSupportDenied(AccessReason.SupportWrongEnvironment, Session(Unrestricted(), new SupportAccessSettings { Environment = "sandbox" }).CheckObject(Country, ObjectOperation.Read));
    }

    // ---- data isolation ----

    [Theory]
    [InlineData(ObjectOperation.Read)]
    [InlineData(ObjectOperation.Edit)]
    [InlineData(ObjectOperation.Delete)]
    public void CheckObject_DataIsolation_DeniesBusinessDataReadEditDelete(ObjectOperation operation)
    {
        AccessPrincipal session = Session(Grant() with { DenyConfiguration = false });

        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckObject(Deal, operation));
    }

    [Fact]
    public void CheckObject_DataIsolation_AllowsCreatingBusinessData()
    {
        AssertAllowed(Session(Grant()).CheckObject(Deal, ObjectOperation.Create));
    }

    [Theory]
    [InlineData(RecordOperation.Read)]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public void CheckRecord_DataIsolation_DeniesRecordsNotCreatedInTheGrant(RecordOperation operation)
    {
        AccessPrincipal session = Session(Grant());

        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckRecord(Deal, Mine, operation));
        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckRecord(Deal, Theirs, operation));
    }

    [Theory]
    [InlineData(RecordOperation.Read)]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public void CheckRecord_DataIsolation_AllowsRecordsCreatedInTheGrant(RecordOperation operation)
    {
        AssertAllowed(Session(Grant()).CheckRecord(Deal, Ours, operation));
    }

    [Fact]
    public void CheckRecord_DataIsolation_UnknownRecordIsStillDeniedByIsolation()
    {
        AccessDecision decision = Session(Grant()).CheckRecord(Deal, new RecordId(Guid.NewGuid()), RecordOperation.Read);

        Assert.False(decision.IsAllowed);
    }

    [Theory]
    [InlineData(ColumnOperation.Read)]
    [InlineData(ColumnOperation.Edit)]
    public void CheckColumn_DataIsolation_DeniesColumnsOfBusinessDataExceptOnRecordsCreatedInTheGrant(ColumnOperation operation)
    {
        AccessPrincipal session = Session(Grant());

        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, Amount, operation));
        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, Mine, Amount, operation));
        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckColumn(Deal, Theirs, Amount, operation));
        AssertAllowed(session.CheckColumn(Deal, Ours, Amount, operation));
    }

    [Fact]
    public void Check_DataIsolation_LookupsAndConfigurationStayReadable()
    {
        AccessPrincipal session = Session(Grant());

        AssertAllowed(session.CheckObject(Country, ObjectOperation.Read));
        AssertAllowed(session.CheckColumn(Country, "Code", ColumnOperation.Read));
        AssertAllowed(session.CheckObject(Settings, ObjectOperation.Read));
        AssertAllowed(session.CheckObject(ExternalAccess, ObjectOperation.Read));
    }

    [Fact]
    public void Check_DataIsolationOff_BusinessDataIsTheGrantors()
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false });

        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Read));
        AssertAllowed(session.CheckRecord(Deal, Mine, RecordOperation.Delete));
        AssertAllowed(session.CheckColumn(Deal, Mine, Amount, ColumnOperation.Edit));
    }

    [Fact]
    public void FilterRecords_DataIsolation_KeepsOnlyRecordsCreatedInTheGrant()
    {
        AccessPrincipal session = Session(Grant());

        Assert.Equal([Ours], session.FilterRecords(Deal, RecordOperation.Read, [Mine, Ours, Theirs]));
        RecordFilter filter = session.GetRecordFilter(Deal, RecordOperation.Read);
        Assert.Equal(G, filter.CreatedInSupportGrant);
    }

    [Fact]
    public void CheckShare_DataIsolationWithoutConfigurationRestriction_DeniesSharingHiddenRecords()
    {
        AccessPrincipal session = Session(Grant() with { DenyConfiguration = false }, s_relaxed);

        AssertSupportDenied(AccessReason.SupportDataIsolation, session.CheckShare(Deal, Mine, RecordOperation.Read));
    }

    // ---- configuration restriction ----

    [Theory]
    [InlineData("Country", ObjectOperation.Create)]
    [InlineData("Country", ObjectOperation.Edit)]
    [InlineData("Country", ObjectOperation.Delete)]
    [InlineData("SysSettings", ObjectOperation.Create)]
    [InlineData("SysSettings", ObjectOperation.Edit)]
    [InlineData("SysSettings", ObjectOperation.Delete)]
    [InlineData("SysExternalAccess", ObjectOperation.Create)]
    [InlineData("SysExternalAccess", ObjectOperation.Edit)]
    [InlineData("SysExternalAccess", ObjectOperation.Delete)]
    public void CheckObject_ConfigurationRestriction_DeniesChangesToLookupsAndConfiguration(string objectName, ObjectOperation operation)
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false });

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckObject(objectName, operation));
        AssertAllowed(session.CheckObject(objectName, ObjectOperation.Read));
    }

    [Fact]
    public void CheckColumn_ConfigurationRestriction_DeniesEditingLookupColumns()
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false });

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckColumn(Country, "Code", ColumnOperation.Edit));
        AssertAllowed(session.CheckColumn(Country, "Code", ColumnOperation.Read));
    }

    [Fact]
    public void CheckObject_ConfigurationRestriction_LeavesBusinessDataWritable()
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false });

        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Edit));
        AssertAllowed(session.CheckRecord(Deal, Mine, RecordOperation.Edit));
    }

    [Fact]
    public void CheckSystemOperation_ConfigurationRestriction_DeniesEveryConfigurationOperation()
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false }, s_relaxed);

        foreach (SystemOperationDefinition operation in SystemOperations.BuiltIn.Where(o => o.IsConfiguration))
        {
            AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckSystemOperation(operation.Code));
        }
    }

    [Fact]
    public void CheckSystemOperation_ConfigurationRestriction_AllowsOperationsNotMarkedConfiguration()
    {
        AccessPrincipal session = Session(Grant());

        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanExportGrid));
        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanViewSysOperationAudit));
    }

    [Theory]
    [InlineData(RecordOperation.Read)]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public void CheckShare_ConfigurationRestriction_DeniesSharing(RecordOperation operation)
    {
        AccessPrincipal session = Session(Grant() with { DenyDataAccess = false }, s_relaxed);

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckShare(Deal, Mine, operation));
    }

    // ---- administration ----

    [Theory]
    [InlineData(ObjectOperation.Create)]
    [InlineData(ObjectOperation.Edit)]
    [InlineData(ObjectOperation.Delete)]
    public void CheckObject_BothModesCleared_StillDeniesWritingExternalAccess(ObjectOperation operation)
    {
        AccessPrincipal session = Session(Unrestricted());

        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckObject(ExternalAccess, operation));
        AssertAllowed(session.CheckObject(ExternalAccess, ObjectOperation.Read));
        AssertAllowed(session.CheckObject(Settings, operation));
    }

    [Fact]
    public void CheckSystemOperation_BothModesCleared_StillDeniesEveryAdministrationOperation()
    {
        AccessPrincipal session = Session(Unrestricted());

        foreach (SystemOperationCode operation in AdministrationOperations)
        {
            AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckSystemOperation(operation));
        }

        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanManageSysSettings));
        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanManageLookups));
    }

    [Fact]
    public void CheckShare_BothModesCleared_StillDeniesSharing()
    {
        AccessPrincipal session = Session(Unrestricted());

        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckShare(Deal, Mine, RecordOperation.Read));
    }

    [Fact]
    public void Check_RelaxedAndBothModesCleared_AdministrationIsTheGrantors()
    {
        AccessPrincipal session = Session(Unrestricted(), s_relaxed);

        AssertAllowed(session.CheckObject(ExternalAccess, ObjectOperation.Edit));
        AssertAllowed(session.CheckShare(Deal, Mine, RecordOperation.Edit));
        foreach (SystemOperationCode operation in AdministrationOperations)
        {
            AssertAllowed(session.CheckSystemOperation(operation));
        }
    }

    [Fact]
    public void Check_RelaxedButDataIsolationOn_AdministrationStaysForbidden()
    {
        AccessPrincipal session = Session(Unrestricted() with { DenyDataAccess = true }, s_relaxed);

        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckObject(ExternalAccess, ObjectOperation.Edit));
        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckSystemOperation(SystemOperations.CanManageUsers));
    }

    // ---- scope ----

    [Fact]
    public void Check_Workplaces_DenyObjectsOutsideThem()
    {
        AccessPrincipal session = Session(Unrestricted() with { Workplaces = [Workplace] });

        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckObject(Settings, ObjectOperation.Read));
        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckColumn(Settings, "Id", ColumnOperation.Read));
        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckObject(ExternalAccess, ObjectOperation.Read));
        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Read));
        AssertAllowed(session.CheckRecord(Deal, Mine, RecordOperation.Edit));
        AssertAllowed(session.CheckObject(Country, ObjectOperation.Edit));
    }

    [Fact]
    public void Check_NoWorkplaces_IsTheWholeSystem()
    {
        AccessPrincipal session = Session(Unrestricted());

        AssertAllowed(session.CheckObject(Settings, ObjectOperation.Read));
    }

    // ---- level ----

    [Fact]
    public void Check_Monitor_OnlyReads()
    {
        AccessPrincipal session = Session(Unrestricted() with { Level = SupportAccessLevel.Monitor }, s_relaxed);

        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Read));
        AssertAllowed(session.CheckRecord(Deal, Mine, RecordOperation.Read));
        AssertAllowed(session.CheckColumn(Deal, Mine, Amount, ColumnOperation.Read));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Deal, ObjectOperation.Create));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Deal, ObjectOperation.Edit));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Country, ObjectOperation.Delete));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckRecord(Deal, Mine, RecordOperation.Edit));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckRecord(Deal, Mine, RecordOperation.Delete));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckColumn(Deal, Mine, Amount, ColumnOperation.Edit));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckShare(Deal, Mine, RecordOperation.Read));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckSystemOperation(SystemOperations.CanManageSysSettings));
    }

    [Fact]
    public void Check_MonitorUnderDataIsolation_CannotWriteEvenRecordsCreatedInTheGrant()
    {
        AccessPrincipal session = Session(Grant() with { Level = SupportAccessLevel.Monitor });

        AssertAllowed(session.CheckRecord(Deal, Ours, RecordOperation.Read));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckRecord(Deal, Ours, RecordOperation.Edit));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Deal, ObjectOperation.Create));
    }

    [Fact]
    public void CheckSystemOperation_Monitor_ExecutesNoSystemOperationAtAll()
    {
        // DESIGN.md §8: Monitor only reads, so it executes no system operation, configuration or not, super operations included.
        AccessPrincipal session = Session(Unrestricted() with { Level = SupportAccessLevel.Monitor }, s_relaxed);
        AccessPrincipal manage = Session(Unrestricted() with { Level = SupportAccessLevel.Manage }, s_relaxed);

        foreach (SystemOperationDefinition operation in SystemOperations.BuiltIn)
        {
            AssertSupportDenied(AccessReason.SupportLevel, session.CheckSystemOperation(operation.Code));
        }

        AssertAllowed(manage.CheckSystemOperation(SystemOperations.CanExportGrid));
        AssertAllowed(manage.CheckSystemOperation(SystemOperations.CanInsertEverything));
    }

    [Fact]
    public void Check_Manage_WritesBusinessDataButNotOtherObjectsNorConfigurationOperations()
    {
        AccessPrincipal session = Session(Unrestricted() with { Level = SupportAccessLevel.Manage }, s_relaxed);

        AssertAllowed(session.CheckObject(Deal, ObjectOperation.Create));
        AssertAllowed(session.CheckRecord(Deal, Mine, RecordOperation.Delete));
        AssertAllowed(session.CheckColumn(Deal, Mine, Amount, ColumnOperation.Edit));
        AssertAllowed(session.CheckObject(Country, ObjectOperation.Read));
        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanExportGrid));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Country, ObjectOperation.Edit));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(Settings, ObjectOperation.Create));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckObject(ExternalAccess, ObjectOperation.Delete));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckSystemOperation(SystemOperations.CanManageSysSettings));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckSystemOperation(SystemOperations.CanManageUsers));
        AssertSupportDenied(AccessReason.SupportLevel, session.CheckShare(Deal, Mine, RecordOperation.Read));
    }

    [Fact]
    public void Check_Admin_IsEverythingTheGrantorMayDoWithinTheModes()
    {
        AccessPrincipal session = Session(Unrestricted());

        AssertAllowed(session.CheckObject(Country, ObjectOperation.Delete));
        AssertAllowed(session.CheckObject(Settings, ObjectOperation.Create));
        AssertAllowed(session.CheckSystemOperation(SystemOperations.CanManageProcessDesign));
    }

    // ---- order when several rules apply ----

    [Fact]
    public void CheckObject_EveryRuleApplies_DataIsolationDecides()
    {
        SupportAccessGrant grant = Grant() with { Level = SupportAccessLevel.Monitor, Workplaces = [Workplace] };
        AccessSnapshot snapshot = AccessSnapshot.Compile(WithUnscopedBusinessObject(grant).Build());

        AssertSupportDenied(AccessReason.SupportDataIsolation, snapshot.GetSupportPrincipal(G, Now).CheckObject("Invoice", ObjectOperation.Edit));
    }

    [Fact]
    public void CheckObject_ConfigurationRestrictionScopeAndLevel_ConfigurationRestrictionDecides()
    {
        AccessPrincipal session = Session(Grant() with { Level = SupportAccessLevel.Monitor, Workplaces = [Workplace] });

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckObject(ExternalAccess, ObjectOperation.Edit));
        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, session.CheckObject(Country, ObjectOperation.Edit));
    }

    [Fact]
    public void CheckObject_AdministrationScopeAndLevel_AdministrationDecides()
    {
        AccessPrincipal session = Session(Unrestricted() with { Level = SupportAccessLevel.Monitor, Workplaces = [Workplace] });

        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, session.CheckObject(ExternalAccess, ObjectOperation.Edit));
    }

    [Fact]
    public void CheckObject_ScopeAndLevel_ScopeDecides()
    {
        AccessPrincipal session = Session(Unrestricted() with { Level = SupportAccessLevel.Monitor, Workplaces = [Workplace] });

        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckObject(Settings, ObjectOperation.Edit));
    }

    [Fact]
    public void CheckSystemOperation_SeveralRulesApply_ConfigurationThenAdministrationThenLevel()
    {
        SupportAccessGrant monitor = Unrestricted() with { Level = SupportAccessLevel.Monitor };

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, Session(monitor with { DenyConfiguration = true }).CheckSystemOperation(SystemOperations.CanManageUsers));
        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, Session(monitor).CheckSystemOperation(SystemOperations.CanManageUsers));
        AssertSupportDenied(AccessReason.SupportLevel, Session(monitor, s_relaxed).CheckSystemOperation(SystemOperations.CanManageUsers));
    }

    [Fact]
    public void CheckShare_SeveralRulesApply_ConfigurationThenAdministrationThenLevel()
    {
        SupportAccessGrant monitor = Unrestricted() with { Level = SupportAccessLevel.Monitor };

        AssertSupportDenied(AccessReason.SupportConfigurationRestriction, Session(monitor with { DenyConfiguration = true }, s_relaxed).CheckShare(Deal, Mine, RecordOperation.Read));
        AssertSupportDenied(AccessReason.SupportAdministrationForbidden, Session(monitor).CheckShare(Deal, Mine, RecordOperation.Read));
        AssertSupportDenied(AccessReason.SupportLevel, Session(monitor, s_relaxed).CheckShare(Deal, Mine, RecordOperation.Read));
    }

    [Fact]
    public void CheckRecord_CreatedInTheGrantButOutsideScope_ScopeStillDenies()
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(WithUnscopedBusinessObject(Grant() with { Workplaces = [Workplace] }).Build());

        AssertSupportDenied(AccessReason.SupportOutsideScope, snapshot.GetSupportPrincipal(G, Now).CheckRecord("Invoice", InvoiceOurs, RecordOperation.Read));
    }

    private static readonly RecordId InvoiceOurs = Support.Ids.Record("invoice: created in G");

    /// <summary>Adds Invoice, a business-data object outside the Sales workplace, with a record created in G.</summary>
    internal static AccessModelBuilder WithUnscopedBusinessObject(SupportAccessGrant grant)
    {
        AccessModelBuilder builder = Builder([grant]);
        builder.Add(new ObjectDefinition("Invoice") { UseRecordPermissions = true });
        builder.Add(new RecordDefinition("Invoice", InvoiceOurs, Grantor, Grantor) { CreatedInSupportGrant = G });
        return builder;
    }
}
