using System.Globalization;
using Creatio.AccessControl.Tests.SupportAccess;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Reading the audit log needs CanViewSysOperationAudit, archiving it CanManageSysOperationAudit, for the acting user;
/// a support session needs a grant that allows administration; both are audited; hosts report events through it.</summary>
public sealed class AccessAuditLogTests
{
    private static readonly DateTimeOffset s_all = DateTimeOffset.MinValue;

    private static AdminHarness Create(IReadOnlyList<AccessAuditEventType>? enabled = null) => AdminHarness.Create(
        org =>
        {
            org.User("Viewer").User("Keeper");
            AdminHarness.Grant(org, "Viewer", SystemOperations.CanViewSysOperationAudit);
            AdminHarness.Grant(org, "Keeper", SystemOperations.CanManageSysOperationAudit);
        },
        enabled);

    private static AccessAuditEvent At(int minutes, string action) =>
        new(AccessAuditEventType.UserAuthorization, AdminHarness.Now.AddMinutes(minutes), AccessActor.System, action, action, null, null, 1);

    private static ValueTask<AccessAuditLogResult> ReadAll(AdminHarness h, AccessActor actor) => h.AuditLog.ReadAsync(actor, s_all, DateTimeOffset.MaxValue);

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Admin")]
    public async Task ReadAsync_UserAllowedToViewTheAuditLog_GetsTheEventsOldestFirst(string reader)
    {
        using AdminHarness h = Create(enabled: []);
        h.Sink.Write(At(1, "second"));
        h.Sink.Write(At(0, "first"));

        AccessAuditLogResult result = await ReadAll(h, h.User(reader));

        Assert.True(result.IsAllowed);
        Assert.Equal(["first", "second"], result.Events.Select(e => e.Action));
    }

    [Theory]
    [InlineData("Bob")]
    [InlineData("Keeper")]
    public async Task ReadAsync_UserNotAllowedToViewTheAuditLog_IsRefusedWithTheDecisionAndReadsNothing(string reader)
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));

        AccessAuditLogResult result = await ReadAll(h, h.User(reader));

        Assert.False(result.IsAllowed);
        Assert.Empty(result.Events);
        Assert.Equal(h.Principal(reader).CheckSystemOperation(SystemOperations.CanViewSysOperationAudit), result.Decision);
        Assert.Equal(1, h.Sink.Count);
    }

    [Theory]
    [InlineData("Bob")]
    [InlineData("Viewer")]
    public async Task ArchiveAsync_UserNotAllowedToManageTheAuditLog_IsRefusedAndKeepsEveryEvent(string actor)
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));

        AccessAuditLogResult result = await h.AuditLog.ArchiveAsync(h.User(actor), DateTimeOffset.MaxValue);

        Assert.False(result.IsAllowed);
        Assert.Equal(AccessStage.SystemOperation, result.Decision.Stage);
        Assert.Equal(1, h.Sink.Count);
    }

    [Fact]
    public async Task ArchiveAsync_AllowedUser_RemovesOlderEventsReturnsThemAndRecordsAnAuditLogOperation()
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));
        h.Sink.Write(At(1, "second"));
        h.Sink.Write(At(2, "third"));
        DateTimeOffset before = AdminHarness.Now.AddMinutes(2);
        h.Time.Advance(TimeSpan.FromHours(1));

        AccessAuditLogResult result = await h.AuditLog.ArchiveAsync(h.User("Keeper"), before);

        Assert.Equal(["first", "second"], result.Events.Select(e => e.Action));
        IReadOnlyList<AccessAuditEvent> left = h.Sink.Events;
        Assert.Equal(["third", "Archive"], left.Select(e => e.Action));
        AccessAuditEvent archive = left[1];
        Assert.Equal(AccessAuditEventType.AuditLogOperation, archive.Type);
        Assert.Equal(h.User("Keeper"), archive.Actor);
        Assert.Equal(AdminHarness.Now.AddHours(1), archive.Timestamp);
        Assert.Equal(h.Snapshot.Version, archive.SnapshotVersion);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"2 events before {before:O} archived"), archive.Description);
    }

    [Fact]
    public async Task ReadAsync_AuditLogOperationEnabled_RecordsTheReadAfterReading()
    {
        using AdminHarness h = Create(enabled: [AccessAuditEventType.AuditLogOperation]);
        h.Sink.Write(At(-1, "first"));

        AccessAuditLogResult first = await ReadAll(h, h.User("Viewer"));
        AccessAuditLogResult second = await ReadAll(h, h.User("Viewer"));

        Assert.Equal(["first"], first.Events.Select(e => e.Action));
        Assert.Equal(["first", "Read"], second.Events.Select(e => e.Action));
        Assert.Equal(h.User("Viewer"), second.Events[1].Actor);
    }

    [Fact]
    public async Task ReadAndArchive_AuditLogOperationDisabled_RecordNothing()
    {
        using AdminHarness h = Create(enabled: [AccessAuditEventType.UserAuthorization]);

        await ReadAll(h, h.User("Viewer"));
        await h.AuditLog.ArchiveAsync(h.User("Keeper"), s_all);

        Assert.Equal(0, h.Sink.Count);
    }

    [Fact]
    public async Task ReadAsync_TheSystemMayTheDefaultActorMayNot()
    {
        using AdminHarness h = Create(enabled: []);

        AccessAuditLogResult system = await ReadAll(h, AccessActor.System);
        AccessAuditLogResult nobody = await ReadAll(h, default);

        Assert.True(system.IsAllowed);
        Assert.Equal((AccessOutcome.Deny, AccessStage.User, AccessReason.UnknownUser), (nobody.Decision.Outcome, nobody.Decision.Stage, nobody.Decision.Reason));
    }

    [Fact]
    public async Task ReadAsync_SupportSessionWhoseGrantDoesNotAllowAdministration_IsRefusedThoughTheGrantorMayRead()
    {
        using AdminHarness h = SupportHarness.Create(configure: org => AdminHarness.Grant(org, "Actor", SystemOperations.CanViewSysOperationAudit));

        AccessAuditLogResult result = await ReadAll(h, SupportHarness.Session);

        Assert.True((await ReadAll(h, h.User("Actor"))).IsAllowed);
        Assert.False(result.IsAllowed);
        Assert.Equal((AccessStage.SupportAccess, AccessReason.SupportAdministrationForbidden), (result.Decision.Stage, result.Decision.Reason));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task ReadAsync_SupportSessionWhoseGrantAllowsAdministration_ReadsAsItsGrantorMay(bool grantorMayRead, bool allowed)
    {
        using AdminHarness h = SupportHarness.Create(
            grant: g => g with { DenyDataAccess = false, DenyConfiguration = false },
            settings: SupportAccessSettings.Default with { AllowAdministrationWhenUnrestricted = true },
            configure: org =>
            {
                if (grantorMayRead)
                {
                    AdminHarness.Grant(org, "Actor", SystemOperations.CanViewSysOperationAudit);
                }
            });

        AccessAuditLogResult result = await ReadAll(h, SupportHarness.Session);

        Assert.Equal(allowed, result.IsAllowed);
    }

    [Fact]
    public async Task ReadAsync_SupportSessionOfAnExpiredGrant_IsRefusedWithTheGrantsDenial()
    {
        using AdminHarness h = SupportHarness.Create(
            grant: g => g with { DenyDataAccess = false, DenyConfiguration = false },
            settings: SupportAccessSettings.Default with { AllowAdministrationWhenUnrestricted = true },
            configure: org => AdminHarness.Grant(org, "Actor", SystemOperations.CanViewSysOperationAudit));
        h.Time.SetUtcNow(SupportHarness.EndsAt);

        AccessAuditLogResult result = await ReadAll(h, SupportHarness.Session);

        Assert.Equal(AccessReason.SupportGrantExpired, result.Decision.Reason);
    }

    [Fact]
    public async Task ReadAsync_NoSinkThatCanBeRead_ThrowsNamingWhatIsMissing()
    {
        using AdminHarness h = Create();
        var log = new AccessAuditLog(h.Evaluator, reader: null, auditSinks: [h.Sink]);

        InvalidOperationException exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await log.ReadAsync(AccessActor.System, s_all, DateTimeOffset.MaxValue));

        Assert.StartsWith("No audit sink that can be read is registered", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TypeEnabled_GoesToEverySinkDespiteAFailingOne()
    {
        using AdminHarness h = Create(enabled: [AccessAuditEventType.UserAuthorization]);
        var log = new AccessAuditLog(h.Evaluator, h.Sink, [new ThrowingSink(), h.Sink]);

        Assert.True(log.IsEnabled(AccessAuditEventType.UserAuthorization));
        log.Write(At(0, "SignIn"));

        Assert.Equal(["SignIn"], h.Sink.Events.Select(e => e.Action));
    }

    [Fact]
    public void Write_TypeDisabledOrNoSink_WritesNothing()
    {
        using AdminHarness h = Create(enabled: [AccessAuditEventType.UserSessionEnd]);
        var withoutSinks = new AccessAuditLog(h.Evaluator, h.Sink);

        h.AuditLog.Write(At(0, "SignIn"));

        Assert.False(h.AuditLog.IsEnabled(AccessAuditEventType.UserAuthorization));
        Assert.False(withoutSinks.IsEnabled(AccessAuditEventType.UserSessionEnd));
        Assert.Equal(0, h.Sink.Count);
    }

    [Fact]
    public void Constructor_NullSink_Throws()
    {
        using AdminHarness h = Create();

        Assert.Throws<ArgumentException>(() => new AccessAuditLog(h.Evaluator, h.Sink, [h.Sink, null!]));
    }

    private sealed class ThrowingSink : IAccessAuditSink
    {
        public void Write(in AccessAuditEvent auditEvent) => throw new InvalidOperationException("broken sink");
    }
}
