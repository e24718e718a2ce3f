using System.Text;
using System.Text.Json;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Auditing;

/// <summary>One parseable JSON object per line; read back, and archived by rewriting the file.</summary>
public sealed class JsonLinesAccessAuditSinkTests
{
    private static readonly UserId s_user = Ids.User("Alice");

    private static readonly AccessAuditEvent[] s_events =
    [
        new(AccessAuditEventType.UserChange, AdminHarness.Now, AccessActor.System, "AddUser", "AddUser { User = \"Dan\" }", null, "after", 2),
        new(AccessAuditEventType.DeniedOperation, AdminHarness.Now.AddSeconds(1), AccessActor.ForUser(s_user), "Denied", "line one\nline two\r\n\"quoted\" \u2028", "before", null, 3),
    ];

    private static List<JsonElement> Lines(byte[] bytes)
    {
        string text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text[..^1].Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    [Fact]
    public void Write_Events_WritesOneJsonObjectPerLineWithEveryField()
    {
        using var stream = new MemoryStream();
        using (var sink = new JsonLinesAccessAuditSink(stream))
        {
            foreach (AccessAuditEvent audit in s_events)
            {
                sink.Write(audit);
            }
        }

        List<JsonElement> lines = Lines(stream.ToArray());

        Assert.Equal(s_events.Length, lines.Count);
        for (int i = 0; i < s_events.Length; i++)
        {
            AccessAuditEvent expected = s_events[i];
            JsonElement line = lines[i];
            Assert.Equal(JsonValueKind.Object, line.ValueKind);
            Assert.Equal(expected.Type.ToString(), line.GetProperty("type").GetString());
            Assert.Equal(expected.Timestamp, line.GetProperty("timestamp").GetDateTimeOffset());
            Assert.Equal(expected.Actor.User is { } user ? user.Value.ToString() : "system", line.GetProperty("actor").GetString());
            Assert.Equal(expected.Action, line.GetProperty("action").GetString());
            Assert.Equal(expected.Description, line.GetProperty("description").GetString());
            Assert.Equal(expected.Before, line.GetProperty("before").GetString());
            Assert.Equal(expected.After, line.GetProperty("after").GetString());
            Assert.Equal(expected.SnapshotVersion, line.GetProperty("snapshotVersion").GetInt64());
        }
    }

    [Fact]
    public void Write_StreamOwnedByTheCaller_IsLeftOpen()
    {
        using var stream = new MemoryStream();
        var sink = new JsonLinesAccessAuditSink(stream);
        sink.Write(s_events[0]);

        sink.Dispose();

        Assert.True(stream.CanWrite);
    }

    [Fact]
    public void Write_FileSinkReopened_AppendsToTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var first = new JsonLinesAccessAuditSink(path))
            {
                first.Write(s_events[0]);
            }

            using (var second = new JsonLinesAccessAuditSink(path))
            {
                second.Write(s_events[1]);
            }

            List<JsonElement> lines = Lines(File.ReadAllBytes(path));
            Assert.Equal(["AddUser", "Denied"], lines.Select(l => l.GetProperty("action").GetString()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Write_ConcurrentWriters_EveryLineIsWholeJson()
    {
        using var stream = new MemoryStream();
        using var sink = new JsonLinesAccessAuditSink(stream);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                sink.Write(s_events[i % 2]);
            }
        })));

        Assert.Equal(800, Lines(stream.ToArray()).Count);
    }

    [Fact]
    public async Task Write_AsTheAdministrationsSink_RecordsEachAppliedChange()
    {
        using var stream = new MemoryStream();
        using var sink = new JsonLinesAccessAuditSink(stream);
        using AdminHarness h = AdminHarness.Create(sinks: [sink]);

        await h.Admin.ApplyAsync(h.User("Admin"), new DeactivateUser(h.Org.UserId("Bob")));

        JsonElement line = Assert.Single(Lines(stream.ToArray()));
        Assert.Equal("UserChange", line.GetProperty("type").GetString());
        Assert.Equal(h.Org.UserId("Admin").Value.ToString(), line.GetProperty("actor").GetString());
        Assert.Equal(2, line.GetProperty("snapshotVersion").GetInt64());
    }

    [Fact]
    public async Task ArchiveAsync_File_RewritesItWithTheNewerLinesAsTheyWere()
    {
        string path = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var sink = new JsonLinesAccessAuditSink(path))
            {
                sink.Write(s_events[0]);
                sink.Write(s_events[1]);
                string secondLine = File.ReadAllText(path).Split('\n')[1];

                IReadOnlyList<AccessAuditEvent> archived = await sink.ArchiveAsync(s_events[1].Timestamp, CancellationToken.None);

                Assert.Equal(["AddUser"], archived.Select(e => e.Action));
                Assert.Equal(secondLine + "\n", File.ReadAllText(path));
            }

            Assert.False(File.Exists(path + ".archiving"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReadAsync_ALineThatIsNotAnEvent_ThrowsNamingTheLineAndArchivingRemovesNothing()
    {
        using var stream = new MemoryStream();
        using var sink = new JsonLinesAccessAuditSink(stream);
        sink.Write(s_events[0]);
        stream.Write("{\"type\":\"NoSuchType\"}\n"u8);
        byte[] before = stream.ToArray();

        InvalidDataException read = await Assert.ThrowsAsync<InvalidDataException>(async () => await sink.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidDataException>(async () => await sink.ArchiveAsync(DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Equal("Line 2 of the audit log is not an audit event: `NoSuchType` is not an audit event type.", read.Message);
        Assert.Equal(before, stream.ToArray());
    }

    [Fact]
    public async Task ReadAsync_StreamThatCannotBeRead_ThrowsNotSupported()
    {
        using var target = new MemoryStream();
        using var writeOnly = new WriteOnlyStream(target);
        using var sink = new JsonLinesAccessAuditSink(writeOnly);
        sink.Write(s_events[0]);

        NotSupportedException exception = await Assert.ThrowsAsync<NotSupportedException>(async () => await sink.ReadAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, CancellationToken.None));

        Assert.Equal("This audit sink writes to a stream that cannot be read and sought, so it cannot be read back.", exception.Message);
    }

    private sealed class WriteOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
