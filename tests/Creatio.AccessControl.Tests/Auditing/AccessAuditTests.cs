using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Auditing;

/// <summary>Audit events of changes and denied checks, each only when its type is enabled (DESIGN.md §10).</summary>
public sealed class AccessAuditTests
{
    private static readonly Dictionary<string, AccessAuditEventType> s_types = new(StringComparer.Ordinal)
    {
        ["AddUser"] = AccessAuditEventType.UserChange,
        ["UpdateUser"] = AccessAuditEventType.UserChange,
        ["DeactivateUser"] = AccessAuditEventType.UserChange,
        ["DeleteUser"] = AccessAuditEventType.UserChange,
        ["AddMembership"] = AccessAuditEventType.UserRoleChange,
        ["RemoveMembership"] = AccessAuditEventType.UserRoleChange,
        ["AddDelegation"] = AccessAuditEventType.UserRoleChange,
        ["RemoveDelegation"] = AccessAuditEventType.UserRoleChange,
        ["AddRole"] = AccessAuditEventType.RoleChange,
        ["AddManagerUnit"] = AccessAuditEventType.RoleChange,
        ["UpdateRole"] = AccessAuditEventType.RoleChange,
        ["DeleteRole"] = AccessAuditEventType.RoleChange,
        ["AddFunctionalLink"] = AccessAuditEventType.RoleChange,
        ["RemoveFunctionalLink"] = AccessAuditEventType.RoleChange,
        ["SetObject"] = AccessAuditEventType.AdministrationSwitches,
        ["SetObjectOperationRows"] = AccessAuditEventType.ObjectOperationPermissions,
        ["SetColumnRightRows"] = AccessAuditEventType.ColumnPermissions,
        ["SetDefaultRecordRightRules"] = AccessAuditEventType.DefaultRecordPermissions,
        ["UpdateRecordPermissions"] = AccessAuditEventType.RecordPermissions,
        ["SetSystemOperation"] = AccessAuditEventType.SystemOperationPermissions,
        ["SetSystemOperationRows"] = AccessAuditEventType.SystemOperationPermissions,
        ["SetSettings"] = AccessAuditEventType.SystemSettingValues,
        ["SetRolesNotInheritedByManagers"] = AccessAuditEventType.SystemSettingValues,
        ["CreateRecord"] = AccessAuditEventType.RecordPermissions,
        ["ShareRecord"] = AccessAuditEventType.RecordPermissions,
        ["UnshareRecord"] = AccessAuditEventType.RecordPermissions,
        ["ChangeRecordOwner"] = AccessAuditEventType.RecordPermissions,
        ["DeleteRecord"] = AccessAuditEventType.RecordPermissions,
    };

    public static TheoryData<string> Changes => [.. s_types.Keys];

    private static AccessChange Make(string name, Org org) => name switch
    {
        "CreateRecord" => new CreateRecord(new RecordDefinition(AdminHarness.Account, Ids.Record("new"), org.UserId("Alice"))),
        "ShareRecord" => new ShareRecord(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow)),
        "UnshareRecord" => new UnshareRecord(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Read),
        "ChangeRecordOwner" => new ChangeRecordOwner(AdminHarness.Account, AdminHarness.R1, org.UserId("Bob")),
        "DeleteRecord" => new DeleteRecord(AdminHarness.Account, AdminHarness.R2),
        _ => AccessAdministrationTests.Make(name, org),
    };

    private static AdminHarness Create(IReadOnlyList<AccessAuditEventType>? enabled, IReadOnlyList<IAccessAuditSink>? sinks = null) =>
        AdminHarness.Create(
            org => org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow)),
            enabled,
            sinks);

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ApplyAsync_EveryTypeEnabled_EmitsExactlyTheExpectedEvent(string name)
    {
        using AdminHarness h = Create(enabled: null);
        AccessChange change = Make(name, h.Org);
        AccessActor actor = h.User("Admin");

        AccessChangeResult result = await h.Admin.ApplyAsync(actor, change);

        Assert.True(result.IsApplied, result.Message);
        AccessAuditEvent audit = Assert.Single(h.Sink.Events);
        Assert.Equal(s_types[name], audit.Type);
        Assert.Equal(change.AuditEventType, audit.Type);
        Assert.Equal(change.GetType().Name, audit.Action);
        Assert.Equal(actor, audit.Actor);
        Assert.Equal(change.ToString(), audit.Description);
        Assert.Equal(change.ToString(), audit.After);
        Assert.Equal(result.Version, audit.SnapshotVersion);
        Assert.Equal(AdminHarness.Now, audit.Timestamp);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ApplyAsync_OnlyItsTypeEnabled_EmitsOneEvent(string name)
    {
        using AdminHarness h = Create(enabled: [s_types[name]]);

        await h.Admin.ApplyAsync(AccessActor.System, Make(name, h.Org));

        Assert.Equal(s_types[name], Assert.Single(h.Sink.Events, e => e.Type != AccessAuditEventType.AuditLogOperation).Type);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ApplyAsync_EveryOtherTypeEnabled_EmitsNothing(string name)
    {
        using AdminHarness h = Create(enabled: [.. AdminHarness.AllEventTypes.Where(t => t != s_types[name])]);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, Make(name, h.Org));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(0, h.Sink.Count);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task ApplyAsync_DefaultSettings_EmitNothing(string name)
    {
        using AdminHarness h = Create(enabled: AccessSettings.Default.EnabledAuditEvents);
        Assert.Empty(AccessSettings.Default.EnabledAuditEvents);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, Make(name, h.Org));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(0, h.Sink.Count);
    }

    [Fact]
    public async Task ApplyAsync_ChangeThatReplacesOrRemoves_ReportsWhatWasThereBefore()
    {
        using AdminHarness h = Create(enabled: null);
        UserDefinition bob = h.Snapshot.Model.Users.Single(u => u.Id == h.Org.UserId("Bob"));
        var membership = new RoleMembership(h.Org.UserId("Alice"), h.Org["Sales"]);

        await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [new UpdateUser(bob with { Name = "Robert" }), new RemoveMembership(membership), new AddUser(new UserDefinition(Ids.User("Dan"), "Dan"))]);

        IReadOnlyList<AccessAuditEvent> events = h.Sink.Events;
        Assert.Equal(3, events.Count);
        Assert.Equal(bob.ToString(), events[0].Before);
        Assert.Equal(membership.ToString(), events[1].Before);
        Assert.Null(events[2].Before);
        Assert.All(events, e => Assert.Equal(2, e.SnapshotVersion));
        Assert.All(events, e => Assert.Equal(AccessActor.System, e.Actor));
    }

    [Fact]
    public async Task SetSettings_DisablingEveryAuditType_IsItselfAudited()
    {
        // Regression: the event used to be filtered by the settings after the change, so switching the audit off left no trace.
        using AdminHarness h = Create(enabled: [AccessAuditEventType.SystemSettingValues]);
        var change = new SetSettings(AccessSettings.Default);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Admin"), change);

        AccessAuditEvent audit = Assert.Single(h.Sink.Events);
        Assert.Equal(AccessAuditEventType.SystemSettingValues, audit.Type);
        Assert.Equal(result.Version, audit.SnapshotVersion);
    }

    [Fact]
    public async Task SetSettings_EnablingAnAuditType_IsAuditedAndLaterChangesToo()
    {
        using AdminHarness h = Create(enabled: AccessSettings.Default.EnabledAuditEvents);

        await h.Admin.ApplyAsync(AccessActor.System, new SetSettings(AccessSettings.Default with { EnabledAuditEvents = [AccessAuditEventType.SystemSettingValues, AccessAuditEventType.UserChange] }));
        await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));
        await h.Admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Temp"])));

        Assert.Equal(
            [AccessAuditEventType.SystemSettingValues, AccessAuditEventType.UserChange],
            h.Sink.Events.Select(e => e.Type));
    }

    [Fact]
    public async Task ApplyAsync_RefusedChange_EmitsNothing()
    {
        using AdminHarness h = Create(enabled: null);

        await h.Admin.ApplyAsync(h.User("Bob"), new DeactivateUser(h.Org.UserId("Alice")));
        await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(Ids.User("Nobody")));

        Assert.Equal(0, h.Sink.Count);
    }

    // ---- Denied checks -------------------------------------------------------------------------------------------------

    public static TheoryData<string> CheckMethods => ["CheckObject", "CheckRecord", "CheckColumn", "CheckSystemOperation", "CheckShare"];

    private static AccessDecision OneShot(AdminHarness h, string method, string user)
    {
        UserId id = h.Org.UserId(user);
        return method switch
        {
            "CheckObject" => h.Evaluator.CheckObject(id, AdminHarness.Account, ObjectOperation.Create),
            "CheckRecord" => h.Evaluator.CheckRecord(id, AdminHarness.Account, AdminHarness.R1, RecordOperation.Edit),
            "CheckColumn" => h.Evaluator.CheckColumn(id, AdminHarness.Account, AdminHarness.Revenue, ColumnOperation.Read),
            "CheckSystemOperation" => h.Evaluator.CheckSystemOperation(id, SystemOperations.CanExportGrid),
            "CheckShare" => h.Evaluator.CheckShare(id, AdminHarness.Account, AdminHarness.R1, RecordOperation.Read),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
        };
    }

    private static AdminHarness CreateForChecks(IReadOnlyList<AccessAuditEventType>? enabled, IReadOnlyList<IAccessAuditSink>? sinks = null) =>
        AdminHarness.Create(
            org =>
            {
                org.Member("Admin", "Creators");
                org.Builder.Add(new ColumnRightRow(AdminHarness.Account, AdminHarness.Revenue, org.Unit("Creators"), 0, ColumnRightLevel.Read));
                org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, org.Unit("Admin"), RecordOperation.Edit, RecordRightLevel.Allow));
                org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, org.Unit("Admin"), RecordOperation.Read, RecordRightLevel.AllowAndGrant));
            },
            enabled,
            sinks);

    [Theory]
    [MemberData(nameof(CheckMethods))]
    public void OneShotCheck_DeniedWithDeniedOperationEnabled_EmitsOneDeniedOperationEvent(string method)
    {
        using AdminHarness h = CreateForChecks(enabled: [AccessAuditEventType.DeniedOperation]);
        h.Time.Advance(TimeSpan.FromMinutes(5));

        AccessDecision decision = OneShot(h, method, "Bob");

        Assert.False(decision.IsAllowed);
        AccessAuditEvent audit = Assert.Single(h.Sink.Events, e => e.Type != AccessAuditEventType.AuditLogOperation);
        Assert.Equal(AccessAuditEventType.DeniedOperation, audit.Type);
        Assert.Equal(AccessActor.ForUser(h.Org.UserId("Bob")), audit.Actor);
        Assert.Equal("Denied", audit.Action);
        Assert.EndsWith(": " + decision, audit.Description, StringComparison.Ordinal);
        Assert.Equal(1, audit.SnapshotVersion);
        Assert.Equal(AdminHarness.Now.AddMinutes(5), audit.Timestamp);
    }

    [Theory]
    [MemberData(nameof(CheckMethods))]
    public void OneShotCheck_DeniedWithDeniedOperationDisabled_EmitsNothing(string method)
    {
        using AdminHarness h = CreateForChecks(enabled: [.. AdminHarness.AllEventTypes.Where(t => t != AccessAuditEventType.DeniedOperation)]);

        AccessDecision decision = OneShot(h, method, "Bob");

        Assert.False(decision.IsAllowed);
        Assert.Equal(0, h.Sink.Count);
    }

    [Theory]
    [MemberData(nameof(CheckMethods))]
    public void OneShotCheck_Allowed_EmitsNothing(string method)
    {
        using AdminHarness h = CreateForChecks(enabled: null);

        AccessDecision decision = OneShot(h, method, "Admin");

        Assert.True(decision.IsAllowed, decision.ToString());
        Assert.Equal(0, h.Sink.Count);
    }

    [Fact]
    public void OneShotCheck_UnknownUserDenied_EmitsAnEventNamingThatUser()
    {
        using AdminHarness h = CreateForChecks(enabled: [AccessAuditEventType.DeniedOperation]);
        UserId nobody = Ids.User("Nobody");

        AccessDecision decision = h.Evaluator.CheckObject(nobody, AdminHarness.Account, ObjectOperation.Read);

        Assert.Equal(AccessReason.UnknownUser, decision.Reason);
        Assert.Equal(AccessActor.ForUser(nobody), Assert.Single(h.Sink.Events).Actor);
    }

    // ---- Failing sinks -------------------------------------------------------------------------------------------------

    private sealed class ThrowingSink : IAccessAuditSink
    {
        public int Calls { get; private set; }

        public void Write(in AccessAuditEvent auditEvent)
        {
            Calls++;
            throw new IOException("The audit disk is full.");
        }
    }

    [Fact]
    public async Task ApplyAsync_ThrowingSink_ChangeIsAppliedOtherSinksReceiveTheEventAndTheFailureIsCounted()
    {
        var throwing = new ThrowingSink();
        using AdminHarness h = Create(enabled: null, sinks: [throwing]);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));

        Assert.True(result.IsApplied);
        Assert.Equal(2, h.Snapshot.Version);
        Assert.False(h.Principal("Bob").IsActive);
        Assert.Equal(1, throwing.Calls);
        Assert.Equal(1, h.Dispatcher.FailureCount);
        Assert.Equal(AccessAuditEventType.UserChange, Assert.Single(h.Sink.Events).Type);
    }

    [Theory]
    [MemberData(nameof(CheckMethods))]
    public void OneShotCheck_ThrowingSink_DecisionIsUnchangedAndTheFailureIsCounted(string method)
    {
        var throwing = new ThrowingSink();
        using AdminHarness h = CreateForChecks(enabled: [AccessAuditEventType.DeniedOperation], sinks: [throwing]);
        using AdminHarness quiet = CreateForChecks(enabled: AccessSettings.Default.EnabledAuditEvents);

        AccessDecision decision = OneShot(h, method, "Bob");

        Assert.Equal(OneShot(quiet, method, "Bob"), decision);
        Assert.Equal(1, h.Dispatcher.FailureCount);
        Assert.Equal(1, h.Sink.Count);
    }

    [Fact]
    public void Write_SeveralThrowingSinks_EachFailureIsCountedAndLaterSinksStillReceive()
    {
        var sink = new InMemoryAccessAuditSink();
        var dispatcher = new AccessAuditDispatcher([new ThrowingSink(), sink, new ThrowingSink()]);
        var audit = new AccessAuditEvent(AccessAuditEventType.UserAuthorization, AdminHarness.Now, AccessActor.System, "SignIn", "signed in", null, null, 1);

        dispatcher.Write(audit);
        dispatcher.Write(audit);

        Assert.Equal(4, dispatcher.FailureCount);
        Assert.Equal(2, sink.Count);
        Assert.True(dispatcher.HasSinks);
        Assert.False(AccessAuditDispatcher.None.HasSinks);
    }
}
