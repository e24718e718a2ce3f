using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>Bugs the support-access properties found (see <c>Properties/SupportAccessProperties.cs</c>).</summary>
public sealed class SupportRegressionTests
{
    private static readonly RecordId s_shared = Ids.Record("invoice: shared with Limited");

    // GetRecordFilter under data isolation matched every record created in the grant, although the later overlay rules
    // (configuration, administration, scope, level) deny them in CheckRecord.
    [Fact]
    public void GetRecordFilter_MonitorUnderDataIsolation_MatchesNoRecordForEdit()
    {
        AccessSnapshot snapshot = Compile(Grant() with { Level = SupportAccessLevel.Monitor });
        AccessPrincipal session = snapshot.GetSupportPrincipal(G, Now);

        RecordFilter filter = session.GetRecordFilter(Deal, RecordOperation.Edit);

        Assert.Equal(RecordFilterKind.None, filter.Kind);
        AssertSupportDenied(AccessReason.SupportLevel, filter.Decision);
        Assert.False(filter.Matches(snapshot.Model.Records.Single(r => r.Id == Ours), snapshot.Model.RecordRightRows));
        Assert.Equal(RecordFilterKind.Conditional, session.GetRecordFilter(Deal, RecordOperation.Read).Kind);
    }

    [Fact]
    public void GetRecordFilter_ObjectOutsideTheScopeUnderDataIsolation_MatchesNoRecord()
    {
        AccessPrincipal session = AccessSnapshot.Compile(SupportOverlayTests.WithUnscopedBusinessObject(Grant() with { Workplaces = [Workplace] }).Build())
            .GetSupportPrincipal(G, Now);

        RecordFilter filter = session.GetRecordFilter("Invoice", RecordOperation.Read);

        Assert.Equal(RecordFilterKind.None, filter.Kind);
        AssertSupportDenied(AccessReason.SupportOutsideScope, filter.Decision);
    }

    // CheckShare ran the support overlay of reading the record before the grantor's share step, so a share the grantor
    // may not make was denied with an overlay reason instead of the grantor's decision (§3: the first step that denies decides).
    [Fact]
    public void CheckShare_GrantorMayNotShareAndObjectOutsideTheScope_ReturnsTheGrantorsDecision()
    {
        AccessModelBuilder builder = SupportOverlayTests.WithUnscopedBusinessObject(Unrestricted() with { Grantor = Limited, Workplaces = [Workplace] });
        builder.Add(new RecordDefinition("Invoice", s_shared, Grantor, Grantor));
        builder.Add(new RecordRightRow("Invoice", s_shared, Limited, RecordOperation.Read, RecordRightLevel.Allow));
        AccessSnapshot snapshot = AccessSnapshot.Compile(builder.Build());
        AccessPrincipal session = snapshot.GetSupportPrincipal(G, Now);

        AccessDecision decision = session.CheckShare("Invoice", s_shared, RecordOperation.Read);

        Assert.Equal(snapshot.GetPrincipal(Limited, Now).CheckShare("Invoice", s_shared, RecordOperation.Read), decision);
        Assert.Equal((AccessStage.Record, AccessReason.NoGrantRight), (decision.Stage, decision.Reason));
        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckRecord("Invoice", s_shared, RecordOperation.Read));
    }

    [Fact]
    public void CheckShare_GrantorMayShareButObjectOutsideTheScope_IsDeniedByTheScope()
    {
        SupportAccessSettings relaxed = new() { AllowAdministrationWhenUnrestricted = true };
        AccessModelBuilder builder = SupportOverlayTests.WithUnscopedBusinessObject(Unrestricted() with { Workplaces = [Workplace] });
        builder.Settings = builder.Settings with { SupportAccess = relaxed };
        builder.Add(new RecordDefinition("Invoice", s_shared, Grantor, Grantor));
        AccessPrincipal session = AccessSnapshot.Compile(builder.Build()).GetSupportPrincipal(G, Now);

        AssertSupportDenied(AccessReason.SupportOutsideScope, session.CheckShare("Invoice", s_shared, RecordOperation.Read));
    }
}
