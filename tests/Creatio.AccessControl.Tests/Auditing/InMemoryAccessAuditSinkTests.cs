using System.Globalization;
using Creatio.AccessControl.Tests.Administration;

namespace Creatio.AccessControl.Tests.Auditing;

/// <summary>Reading the audit log needs CanViewSysOperationAudit; archiving it needs CanManageSysOperationAudit (DESIGN.md §10).</summary>
public sealed class InMemoryAccessAuditSinkTests
{
    private static AdminHarness Create() => AdminHarness.Create(org =>
    {
        org.User("Viewer").User("Keeper");
        AdminHarness.Grant(org, "Viewer", SystemOperations.CanViewSysOperationAudit);
        AdminHarness.Grant(org, "Keeper", SystemOperations.CanManageSysOperationAudit);
    });

    private static AccessAuditEvent At(int minutes, string action) =>
        new(AccessAuditEventType.UserAuthorization, AdminHarness.Now.AddMinutes(minutes), AccessActor.System, action, action, null, null, 1);

    [Theory]
    [InlineData("Viewer")]
    [InlineData("Admin")]
    public void Read_UserAllowedToViewTheAuditLog_GetsEveryEventOldestFirst(string reader)
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));
        h.Sink.Write(At(1, "second"));

        IReadOnlyList<AccessAuditEvent> events = h.Sink.Read(h.Principal(reader));

        Assert.Equal(["first", "second"], events.Select(e => e.Action));
    }

    [Theory]
    [InlineData("Bob")]
    [InlineData("Keeper")]
    public void Read_UserNotAllowedToViewTheAuditLog_ThrowsUnauthorizedAccess(string reader)
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));
        AccessPrincipal principal = h.Principal(reader);

        UnauthorizedAccessException exception = Assert.Throws<UnauthorizedAccessException>(() => h.Sink.Read(principal));

        AccessDecision decision = principal.CheckSystemOperation(SystemOperations.CanViewSysOperationAudit);
        Assert.Equal($"User `{principal.User}` may not use the audit log: CanViewSysOperationAudit is denied ({decision.Reason}).", exception.Message);
        Assert.Equal(1, h.Sink.Count);
    }

    [Theory]
    [InlineData("Bob")]
    [InlineData("Viewer")]
    public void Archive_UserNotAllowedToManageTheAuditLog_ThrowsAndKeepsEveryEvent(string actor)
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));

        Assert.Throws<UnauthorizedAccessException>(() => h.Sink.Archive(h.Principal(actor), AdminHarness.Now.AddDays(1), AdminHarness.Now));

        Assert.Equal(1, h.Sink.Count);
    }

    [Fact]
    public void Archive_AllowedUser_RemovesOlderEventsReturnsThemAndRecordsAnAuditLogOperation()
    {
        using AdminHarness h = Create();
        h.Sink.Write(At(0, "first"));
        h.Sink.Write(At(1, "second"));
        h.Sink.Write(At(2, "third"));
        DateTimeOffset before = AdminHarness.Now.AddMinutes(2);
        DateTimeOffset now = AdminHarness.Now.AddHours(1);

        IReadOnlyList<AccessAuditEvent> archived = h.Sink.Archive(h.Principal("Keeper"), before, now);

        Assert.Equal(["first", "second"], archived.Select(e => e.Action));
        IReadOnlyList<AccessAuditEvent> left = h.Sink.Read(h.Principal("Admin"));
        Assert.Equal(2, left.Count);
        Assert.Equal("third", left[0].Action);
        AccessAuditEvent archive = left[1];
        Assert.Equal(AccessAuditEventType.AuditLogOperation, archive.Type);
        Assert.Equal("Archive", archive.Action);
        Assert.Equal(h.User("Keeper"), archive.Actor);
        Assert.Equal(now, archive.Timestamp);
        Assert.Equal(h.Snapshot.Version, archive.SnapshotVersion);
        Assert.Equal(string.Create(CultureInfo.InvariantCulture, $"2 events before {before:O} archived"), archive.Description);
    }

    [Fact]
    public async Task Read_AfterChangesThroughTheAdministration_HoldsTheirEventsInOrder()
    {
        using AdminHarness h = Create();
        await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));
        await h.Admin.ApplyAsync(AccessActor.System, new SetSettings(h.Snapshot.Model.Settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions }));

        IReadOnlyList<AccessAuditEvent> events = h.Sink.Read(h.Principal("Viewer"));

        Assert.Equal([2L, 3L], events.Select(e => e.SnapshotVersion));
        Assert.Equal(["DeactivateUser", "SetSettings"], events.Select(e => e.Action));
    }
}
