using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Auditing;

/// <summary>Every sink that can be read answers the reading contract alike: the half-open range, oldest first, archiving
/// that removes and returns, every field and every kind of actor kept.</summary>
public sealed class AccessAuditReaderContractTests
{
    private static readonly DateTimeOffset s_now = AdminHarness.Now;

    public static TheoryData<string> Readers => ["in memory", "JSON lines file", "JSON lines stream"];

    /// <summary>A readable sink of each kind, and what releases it.</summary>
    private static (IAccessAuditSink Sink, IAccessAuditReader Reader, IDisposable Owner) Create(string kind)
    {
        switch (kind)
        {
            case "in memory":
                var memory = new InMemoryAccessAuditSink();
                return (memory, memory, new Nothing());
            case "JSON lines file":
                string path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
                var file = new JsonLinesAccessAuditSink(path);
                return (file, file, new Owned(file, () => File.Delete(path)));
            default:
                var stream = new MemoryStream();
                var streamed = new JsonLinesAccessAuditSink(stream);
                return (streamed, streamed, new Owned(streamed, stream.Dispose));
        }
    }

    private static AccessAuditEvent At(int minutes, string action, AccessActor? actor = null) =>
        new(AccessAuditEventType.UserAuthorization, s_now.AddMinutes(minutes), actor ?? AccessActor.System, action, $"{action} happened", null, null, minutes);

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task ReadAsync_HalfOpenRange_OldestFirstWhateverTheWrittenOrder(string kind)
    {
        (IAccessAuditSink sink, IAccessAuditReader reader, IDisposable owner) = Create(kind);
        using (owner)
        {
            foreach (int minute in new[] { 3, 0, 2, 1, 4 })
            {
                sink.Write(At(minute, $"e{minute}"));
            }

            IReadOnlyList<AccessAuditEvent> read = await reader.ReadAsync(s_now.AddMinutes(1), s_now.AddMinutes(3), CancellationToken.None);

            Assert.Equal(["e1", "e2"], read.Select(e => e.Action));
            Assert.Empty(await reader.ReadAsync(s_now.AddMinutes(3), s_now.AddMinutes(3), CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task ArchiveAsync_RemovesAndReturnsTheOlderEvents_LaterWritesAreKept(string kind)
    {
        (IAccessAuditSink sink, IAccessAuditReader reader, IDisposable owner) = Create(kind);
        using (owner)
        {
            sink.Write(At(2, "e2"));
            sink.Write(At(0, "e0"));
            sink.Write(At(1, "e1"));

            IReadOnlyList<AccessAuditEvent> archived = await reader.ArchiveAsync(s_now.AddMinutes(2), CancellationToken.None);
            sink.Write(At(3, "e3"));

            Assert.Equal(["e0", "e1"], archived.Select(e => e.Action));
            Assert.Equal(["e2", "e3"], (await reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None)).Select(e => e.Action));
            Assert.Empty(await reader.ArchiveAsync(s_now.AddMinutes(2), CancellationToken.None));
        }
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public async Task ReadAsync_EveryFieldAndEveryKindOfActor_ReadBackAsWritten(string kind)
    {
        AccessAuditEvent[] written =
        [
            new(AccessAuditEventType.UserRoleChange, s_now, AccessActor.ForUser(Ids.User("Alice")), "AddMembership", "line one\nline two \"quoted\" \u2028", "before", "after", 7),
            new(AccessAuditEventType.SupportAccess, s_now.AddSeconds(1), AccessActor.ForSupportSession(new SupportGrantId(Ids.Guid("grant"))), "SessionStarted", "started", null, null, 8),
            new(AccessAuditEventType.DeniedOperation, s_now.AddSeconds(2), AccessActor.System, "Denied", "Отказ", null, null, 9),
            new(AccessAuditEventType.AuditLogOperation, new DateTimeOffset(2026, 3, 1, 14, 0, 3, TimeSpan.FromHours(2)), default, "Read", "by nobody", null, null, 10),
        ];
        (IAccessAuditSink sink, IAccessAuditReader reader, IDisposable owner) = Create(kind);
        using (owner)
        {
            foreach (AccessAuditEvent e in written)
            {
                sink.Write(e);
            }

            IReadOnlyList<AccessAuditEvent> read = await reader.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None);

            Assert.Equal(written.Select(Text), read.Select(Text));
        }
    }

    private static string Text(AccessAuditEvent e) =>
        $"{e.Type}|{e.Timestamp:O}|{e.Actor}|{e.Actor.IsSystem}|{e.Action}|{e.Description}|{e.Before}|{e.After}|{e.SnapshotVersion}";

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }

    private sealed class Owned(IDisposable sink, Action after) : IDisposable
    {
        public void Dispose()
        {
            sink.Dispose();
            after();
        }
    }
}
