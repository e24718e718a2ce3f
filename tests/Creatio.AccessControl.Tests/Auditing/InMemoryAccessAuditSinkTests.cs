using Creatio.AccessControl.Tests.Administration;

namespace Creatio.AccessControl.Tests.Auditing;

/// <summary>The in-memory sink keeps what it is given and is read and archived by time; who may read it is the audit log's
/// question (<see cref="AccessAuditLogTests"/>).</summary>
public sealed class InMemoryAccessAuditSinkTests
{
    private static AccessAuditEvent At(int minutes, string action) =>
        new(AccessAuditEventType.UserAuthorization, AdminHarness.Now.AddMinutes(minutes), AccessActor.System, action, action, null, null, 1);

    [Fact]
    public void Events_InTheOrderWritten()
    {
        var sink = new InMemoryAccessAuditSink();
        sink.Write(At(1, "second"));
        sink.Write(At(0, "first"));

        Assert.Equal(["second", "first"], sink.Events.Select(e => e.Action));
        Assert.Equal(2, sink.Count);
    }

    [Fact]
    public async Task Read_AfterChangesThroughTheAdministration_HoldsTheirEventsInOrder()
    {
        using AdminHarness h = AdminHarness.Create();
        await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));
        await h.Admin.ApplyAsync(AccessActor.System, new SetSettings(h.Snapshot.Model.Settings with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions }));

        IReadOnlyList<AccessAuditEvent> events = await h.Sink.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None);

        Assert.Equal([2L, 3L], events.Select(e => e.SnapshotVersion));
        Assert.Equal(["DeactivateUser", "SetSettings"], events.Select(e => e.Action));
    }

    [Fact]
    public async Task ReadAsync_Canceled_Throws()
    {
        var sink = new InMemoryAccessAuditSink();

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await sink.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, new CancellationToken(true)));
    }

    [Fact]
    public async Task ArchiveAsync_Canceled_ThrowsAndKeepsEveryEvent()
    {
        var sink = new InMemoryAccessAuditSink();
        sink.Write(At(0, "first"));

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await sink.ArchiveAsync(DateTimeOffset.MaxValue, new CancellationToken(true)));

        Assert.Equal(1, sink.Count);
    }
}
