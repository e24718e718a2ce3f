using System.Globalization;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/support-access.md</c>, as the page states them.</summary>
public sealed class SupportAccessPageTests
{
    private static readonly DateOnly s_start = new(2025, 3, 10);

    /// <summary>The worked example's table: one row per request, one column per grant; "allowed" where support may.</summary>
    public static TheoryData<string, string, string, string, string, string> Table => new()
    {
        { "read Opportunity", "SupportDataIsolation", "allowed", "allowed", "allowed", "allowed" },
        { "create an opportunity", "allowed", "allowed", "allowed", "allowed", "SupportLevel" },
        { "edit r", "allowed", "allowed", "allowed", "allowed", "SupportLevel" },
        { "read o", "SupportDataIsolation", "allowed", "allowed", "allowed", "allowed" },
        { "edit o", "SupportDataIsolation", "allowed", "allowed", "allowed", "SupportLevel" },
        { "read Opportunity.Amount, no record", "SupportDataIsolation", "allowed", "allowed", "allowed", "allowed" },
        { "read Currency", "allowed", "allowed", "allowed", "allowed", "allowed" },
        { "edit Currency", "SupportConfigurationRestriction", "SupportConfigurationRestriction", "allowed", "SupportLevel", "SupportLevel" },
        { "edit SysSettings", "SupportConfigurationRestriction", "SupportConfigurationRestriction", "allowed", "SupportLevel", "SupportLevel" },
        { "create in SysExternalAccess", "SupportConfigurationRestriction", "SupportConfigurationRestriction", "SupportAdministrationForbidden", "SupportAdministrationForbidden", "SupportAdministrationForbidden" },
        { "CanExportGrid", "allowed", "allowed", "allowed", "allowed", "SupportLevel" },
        { "CanManageSysSettings", "SupportConfigurationRestriction", "SupportConfigurationRestriction", "allowed", "SupportLevel", "SupportLevel" },
        { "CanManageUsers", "SupportConfigurationRestriction", "SupportConfigurationRestriction", "SupportAdministrationForbidden", "SupportAdministrationForbidden", "SupportAdministrationForbidden" },
        { "share Read on o", "SupportDataIsolation", "SupportConfigurationRestriction", "SupportAdministrationForbidden", "SupportAdministrationForbidden", "SupportAdministrationForbidden" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void WorkedExample_DecidesAsTheTableSays(string request, string defaults, string dataManage, string openAdmin, string openManage, string openMonitor)
    {
        Org org = Example(relaxed: false);
        AccessSnapshot snapshot = org.Compile();
        string[] grants = ["defaults", "data-manage", "open-admin", "open-manage", "open-monitor"];
        string[] expected = [defaults, dataManage, openAdmin, openManage, openMonitor];

        string[] actual = [.. grants.Select(g => Outcome(snapshot.GetSupportPrincipal(Grant(g), Now).Check(Request(request))))];

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("defaults")]
    [InlineData("data-manage")]
    [InlineData("open-admin")]
    [InlineData("open-manage")]
    public void WorkedExample_ExportGridAllowedAboveMonitor(string grant)
    {
        AccessSnapshot snapshot = Example(relaxed: false).Compile();

        Assert.Equal("allowed", Outcome(snapshot.GetSupportPrincipal(Grant(grant), Now).Check(Request("CanExportGrid"))));
    }

    [Fact]
    public void WorkedExample_EveryDenyIsAtSupportAccess()
    {
        AccessSnapshot snapshot = Example(relaxed: false).Compile();

        AccessDecision decision = snapshot.GetSupportPrincipal(Grant("defaults"), Now).Check(Request("read o"));

        Assert.Equal((AccessOutcome.Deny, AccessStage.SupportAccess), (decision.Outcome, decision.Stage));
    }

    [Theory]
    [InlineData("scoped", "read Currency", "SupportOutsideScope")]
    [InlineData("sandbox", "read Currency", "SupportWrongEnvironment")]
    [InlineData("inactive", "read Currency", "SupportGrantInactive")]
    public void OtherGrants_DenyAsThePageSays(string grant, string request, string expected)
    {
        AccessSnapshot snapshot = Example(relaxed: false).Compile();

        Assert.Equal(expected, Outcome(snapshot.GetSupportPrincipal(Grant(grant), Now).Check(Request(request))));
    }

    [Theory]
    [InlineData("create in SysExternalAccess", "allowed")]
    [InlineData("CanManageUsers", "allowed")]
    [InlineData("share Read on o", "allowed")]
    public void AllowAdministrationWhenUnrestricted_RestoresCreatiosBehaviour(string request, string expected)
    {
        Org org = Example(relaxed: true);

        AccessDecision decision = org.Compile().GetSupportPrincipal(Grant("open-admin"), Now).Check(Request(request));

        Assert.Equal(expected, Outcome(decision));
    }

    [Theory]
    [InlineData("2025-03-09T23:59:59Z", "SupportGrantNotStarted")]
    [InlineData("2025-03-15T23:59:59Z", "allowed")]
    [InlineData("2025-03-16T00:00:00Z", "SupportGrantExpired")]
    public void Window_UtcInstants(string instant, string expected)
    {
        AccessSnapshot snapshot = Example(relaxed: false).Compile();

        AccessPrincipal support = snapshot.GetSupportPrincipal(Grant("defaults"), DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture));

        Assert.Equal(expected, Outcome(support.CheckObject("Currency", ObjectOperation.Read)));
    }

    [Fact]
    public void Window_Berlin()
    {
        var grant = new SupportAccessGrant(Grant("x"), "Case 4711", s_start, new DateOnly(2025, 3, 15), Ids.User("Irene"), Ids.User("Irene"));

        SupportAccessWindow window = SupportAccessWindow.For(grant, SupportAccessSettings.Default with { TimeZoneId = "Europe/Berlin" });

        Assert.Equal(new DateTimeOffset(2025, 3, 9, 23, 0, 0, TimeSpan.Zero), window.StartsAt);
        Assert.Equal(new DateTimeOffset(2025, 3, 15, 23, 0, 0, TimeSpan.Zero), window.EndsAt);
    }

    [Theory]
    [InlineData("2024-10-01", "2024-10-05", "2024-10-01T04:00:00Z", "2024-10-06T04:00:00Z")]
    [InlineData("2024-10-06", "2024-10-06", "2024-10-06T04:00:00Z", "2024-10-07T03:00:00Z")]
    public void Window_Asuncion_ADayWithoutMidnightStartsAfterTheGap(string start, string close, string startsAt, string endsAt)
    {
        var grant = new SupportAccessGrant(
            Grant("x"), "Case 4711", DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(close, CultureInfo.InvariantCulture), Ids.User("Irene"), Ids.User("Irene"));

        SupportAccessWindow window = SupportAccessWindow.For(grant, SupportAccessSettings.Default with { TimeZoneId = "America/Asuncion" });

        Assert.Equal(
            (DateTimeOffset.Parse(startsAt, CultureInfo.InvariantCulture), DateTimeOffset.Parse(endsAt, CultureInfo.InvariantCulture)),
            (window.StartsAt, window.EndsAt));
    }

    [Theory]
    [InlineData("open-admin", "portal mode", "applied")]
    [InlineData("open-manage", "portal mode", "SupportLevel")]
    [InlineData("defaults", "portal mode", "SupportConfigurationRestriction")]
    [InlineData("open-admin", "support access settings", "SupportAdministrationForbidden")]
    [InlineData("open-admin", "audit events", "SupportAdministrationForbidden")]
    public async Task SetSettings_FromASupportSession_AsThePageSays(string grant, string what, string expected)
    {
        Org org = Example(relaxed: false);
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);
        AccessSettings settings = evaluator.Snapshot.Model.Settings;
        AccessSettings changed = what switch
        {
            "support access settings" => settings with { SupportAccess = settings.SupportAccess with { DefaultDurationDays = 3 } },
            "audit events" => settings with { EnabledAuditEvents = [AccessAuditEventType.SupportAccess] },
            _ => settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions },
        };

        AccessChangeResult result = await administration.ApplyAsync(AccessActor.ForSupportSession(Grant(grant)), new SetSettings(changed));

        Assert.Equal(expected, result.IsApplied ? "applied" : result.Decision.Reason.ToString());
        Assert.Equal(result.IsApplied ? changed : settings, evaluator.Snapshot.Model.Settings);
    }

    [Fact]
    public void DefaultCloseDate_FiveDaysAfterTheStart()
    {
        Assert.Equal(new DateOnly(2025, 3, 15), GrantSupportAccess.DefaultCloseDate(s_start, SupportAccessSettings.Default));
    }

    [Theory]
    [InlineData("Bob", "Bob", 5, "NotPermitted NotSystemAdministrator")]
    [InlineData("Irene", "Irene", 180, "applied")]
    [InlineData("Irene", "Irene", 181, "SupportPeriodTooLong")]
    [InlineData("Irene", "Helen", 5, "applied")]
    [InlineData("Irene", "Pat", 5, "InvalidGrantor")]
    public async Task WhoMayGrant_AsThePageSays(string actor, string grantor, int days, string expected)
    {
        Org org = Example(relaxed: false);
        AccessAdministration administration = NewAdministration(new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now)));
        var grant = new SupportAccessGrant(Grant("new"), "Case 4712", s_start, s_start.AddDays(days), org.UserId(grantor), org.UserId(actor));

        AccessChangeResult result = await administration.ApplyAsync(AccessActor.ForUser(org.UserId(actor)), new GrantSupportAccess(grant));

        string actual = result.IsApplied ? "applied"
            : result.Refusal == AccessChangeRefusal.NotPermitted ? $"{result.Refusal} {result.Decision.Reason}"
            : result.Refusal.ToString();
        Assert.Equal(expected, actual);
    }

    private static SupportGrantId Grant(string name) => new(Ids.Guid("grant:" + name));

    private static string Outcome(AccessDecision decision) => decision.IsAllowed ? "allowed" : decision.Reason.ToString();

    private static AccessRequest Request(string request) => request switch
    {
        "read Opportunity" => AccessRequest.ForObject("Opportunity", ObjectOperation.Read),
        "create an opportunity" => AccessRequest.ForObject("Opportunity", ObjectOperation.Create),
        "edit r" => AccessRequest.ForRecord("Opportunity", Ids.Record("r"), RecordOperation.Edit),
        "read o" => AccessRequest.ForRecord("Opportunity", Ids.Record("o"), RecordOperation.Read),
        "edit o" => AccessRequest.ForRecord("Opportunity", Ids.Record("o"), RecordOperation.Edit),
        "read Opportunity.Amount, no record" => AccessRequest.ForColumn("Opportunity", "Amount", ColumnOperation.Read),
        "read Currency" => AccessRequest.ForObject("Currency", ObjectOperation.Read),
        "edit Currency" => AccessRequest.ForObject("Currency", ObjectOperation.Edit),
        "edit SysSettings" => AccessRequest.ForObject("SysSettings", ObjectOperation.Edit),
        "create in SysExternalAccess" => AccessRequest.ForObject("SysExternalAccess", ObjectOperation.Create),
        "CanExportGrid" => AccessRequest.ForSystemOperation(SystemOperations.CanExportGrid),
        "CanManageSysSettings" => AccessRequest.ForSystemOperation(SystemOperations.CanManageSysSettings),
        "CanManageUsers" => AccessRequest.ForSystemOperation(SystemOperations.CanManageUsers),
        "share Read on o" => AccessRequest.ForShare("Opportunity", Ids.Record("o"), RecordOperation.Read),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Not a request of the page."),
    };

    private static Org Example(bool relaxed)
    {
        Org org = Organization()
            .Object("Opportunity", operations: false, records: true, portal: false, "Amount")
            .Record("Opportunity", "o", author: "Bob");
        AccessModelBuilder builder = org.Builder;
        builder.Add(new ObjectDefinition("Currency", ObjectCategory.Lookup));
        builder.Add(new ObjectDefinition("SysSettings", ObjectCategory.Configuration));
        builder.Add(new ObjectDefinition("SysExternalAccess", ObjectCategory.Configuration));
        builder.Add(new WorkplaceDefinition("Sales", ["Opportunity"]));
        builder.Add(NewGrant(org, "defaults", denyData: true, denyConfiguration: true, SupportAccessLevel.Admin));
        builder.Add(NewGrant(org, "data-manage", denyData: false, denyConfiguration: true, SupportAccessLevel.Manage));
        builder.Add(NewGrant(org, "open-admin", denyData: false, denyConfiguration: false, SupportAccessLevel.Admin));
        builder.Add(NewGrant(org, "open-manage", denyData: false, denyConfiguration: false, SupportAccessLevel.Manage));
        builder.Add(NewGrant(org, "open-monitor", denyData: false, denyConfiguration: false, SupportAccessLevel.Monitor));
        builder.Add(NewGrant(org, "scoped", denyData: false, denyConfiguration: false, SupportAccessLevel.Admin) with { Workplaces = ["Sales"] });
        builder.Add(NewGrant(org, "sandbox", denyData: false, denyConfiguration: false, SupportAccessLevel.Admin) with { Environment = "sandbox" });
        builder.Add(NewGrant(org, "inactive", denyData: false, denyConfiguration: false, SupportAccessLevel.Admin) with { IsActive = false });
        builder.Add(new RecordDefinition("Opportunity", Ids.Record("r"), org.UserId("Irene")) { CreatedInSupportGrant = Grant("defaults") });
        builder.Settings = AccessSettings.Default with
        {
            SupportAccess = SupportAccessSettings.Default with { AllowAdministrationWhenUnrestricted = relaxed },
        };
        return org;
    }

    private static SupportAccessGrant NewGrant(Org org, string name, bool denyData, bool denyConfiguration, SupportAccessLevel level) =>
        new(Grant(name), "Case 4711", s_start, s_start.AddDays(5), org.UserId("Irene"), org.UserId("Irene"))
        {
            DenyDataAccess = denyData,
            DenyConfiguration = denyConfiguration,
            Level = level,
        };
}
