using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Creatio.AccessControl;

/// <summary>Writes audit events as JSON lines: one JSON object per line, flushed after each event; reads them back and
/// archives them by rewriting the file.</summary>
/// <remarks>
/// <para>Each line holds <c>type</c>, <c>timestamp</c>, <c>actor</c> (the user's id, <c>system</c>, <c>support</c> with
/// <c>supportGrant</c> for a support session, or <c>nobody</c>), <c>action</c>, <c>description</c>, <c>before</c>,
/// <c>after</c> and <c>snapshotVersion</c>.</para>
/// <para>Reading and archiving need a file, or a stream that can be read, written and sought; a line that is not an event
/// makes them fail with an <see cref="InvalidDataException"/> naming the line, having changed nothing. The sink does not
/// check who reads it: users read and archive the log through <see cref="IAccessAuditLog"/>, which checks their
/// permissions. This type is safe for concurrent use within one process.</para>
/// </remarks>
public sealed class JsonLinesAccessAuditSink : IAccessAuditSink, IAccessAuditReader, IDisposable
{
    private readonly object _gate = new();
    private readonly string? _path;
    private readonly bool _ownsStream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private Stream _stream;

    /// <summary>Creates a sink that appends to a file.</summary>
    /// <param name="path">The file; created when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public JsonLinesAccessAuditSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _stream = OpenAppend(_path);
        _ownsStream = true;
    }

    /// <summary>Creates a sink that writes to a stream, which the caller keeps owning.</summary>
    /// <param name="stream">A writable stream; one that can also be read and sought can be read back and archived.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public JsonLinesAccessAuditSink(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <inheritdoc/>
    public void Write(in AccessAuditEvent auditEvent)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("type", auditEvent.Type.ToString());
                writer.WriteString("timestamp", auditEvent.Timestamp);
                AccessActor actor = auditEvent.Actor;
                writer.WriteString("actor", actor.User is { } user ? user.ToString() : actor.SupportGrant is not null ? "support" : actor.IsSystem ? "system" : "nobody");
                if (actor.SupportGrant is { } grant)
                {
                    writer.WriteString("supportGrant", grant.ToString());
                }

                writer.WriteString("action", auditEvent.Action);
                writer.WriteString("description", auditEvent.Description);
                writer.WriteString("before", auditEvent.Before);
                writer.WriteString("after", auditEvent.After);
                writer.WriteNumber("snapshotVersion", auditEvent.SnapshotVersion);
                writer.WriteEndObject();
            }

            _stream.Write(_buffer.WrittenSpan);
            _stream.WriteByte((byte)'\n');
            _stream.Flush();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">The sink writes to a stream that cannot be read or sought.</exception>
    /// <exception cref="InvalidDataException">A line is not an audit event; the message names it.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public ValueTask<IReadOnlyList<AccessAuditEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            List<(AccessAuditEvent Event, string Line)> all = ReadAll(writable: false);
            return ValueTask.FromResult<IReadOnlyList<AccessAuditEvent>>(
                [.. all.Select(e => e.Event).Where(e => from <= e.Timestamp && e.Timestamp < before).OrderBy(e => e.Timestamp)]);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Rewrites the file (or the stream) with the events left, in their order: a file is written beside the log
    /// and then replaces it, so that a failure leaves the log as it was.</remarks>
    /// <exception cref="NotSupportedException">The sink writes to a stream that cannot be read, written or sought.</exception>
    /// <exception cref="InvalidDataException">A line is not an audit event; the message names it, and nothing is removed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is removed.</exception>
    public ValueTask<IReadOnlyList<AccessAuditEvent>> ArchiveAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            List<(AccessAuditEvent Event, string Line)> all = ReadAll(writable: true);
            var kept = new StringBuilder();
            var archived = new List<AccessAuditEvent>();
            foreach ((AccessAuditEvent auditEvent, string line) in all)
            {
                if (auditEvent.Timestamp < before)
                {
                    archived.Add(auditEvent);
                }
                else
                {
                    kept.Append(line).Append('\n');
                }
            }

            if (archived.Count > 0)
            {
                Rewrite(Encoding.UTF8.GetBytes(kept.ToString()));
            }

            return ValueTask.FromResult<IReadOnlyList<AccessAuditEvent>>([.. archived.OrderBy(e => e.Timestamp)]);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private static FileStream OpenAppend(string path) => new(path, FileMode.Append, FileAccess.Write, FileShare.Read);

    /// <summary>Reads every line of the log with the event it holds; under the gate.</summary>
    private List<(AccessAuditEvent Event, string Line)> ReadAll(bool writable)
    {
        var events = new List<(AccessAuditEvent, string)>();
        if (_path is not null)
        {
            _stream.Flush();
            using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            ReadLines(file, events);
            return events;
        }

        if (!_stream.CanRead || !_stream.CanSeek || (writable && !_stream.CanWrite))
        {
            throw new NotSupportedException(
                $"This audit sink writes to a stream that cannot be {(writable ? "read, written and sought" : "read and sought")}, so it cannot be {(writable ? "archived" : "read back")}.");
        }

        long end = _stream.Position;
        try
        {
            _stream.Position = 0;
            ReadLines(_stream, events);
        }
        finally
        {
            _stream.Position = end;
        }

        return events;
    }

    private static void ReadLines(Stream stream, List<(AccessAuditEvent, string)> events)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                events.Add((Parse(line, number), line));
            }
        }
    }

    /// <summary>Replaces the log's content; under the gate.</summary>
    private void Rewrite(byte[] content)
    {
        if (_path is null)
        {
            _stream.Position = 0;
            _stream.Write(content);
            _stream.SetLength(content.Length);
            _stream.Flush();
            return;
        }

        string next = _path + ".archiving";
        File.WriteAllBytes(next, content);
        _stream.Dispose();
        try
        {
            File.Move(next, _path, overwrite: true);
        }
        finally
        {
            _stream = OpenAppend(_path);
        }
    }

    private static AccessAuditEvent Parse(string line, int number)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            JsonElement root = document.RootElement;
            string typeText = root.GetProperty("type").GetString() ?? string.Empty;
            if (!Enum.TryParse(typeText, ignoreCase: false, out AccessAuditEventType type) || !Enum.IsDefined(type) || !char.IsLetter(typeText[0]))
            {
                throw Invalid(number, $"`{typeText}` is not an audit event type");
            }

            string actorText = root.GetProperty("actor").GetString() ?? string.Empty;
            AccessActor actor = actorText switch
            {
                "system" => AccessActor.System,
                "nobody" => default,
                "support" when root.TryGetProperty("supportGrant", out JsonElement grant) && SupportGrantId.TryParse(grant.GetString(), out SupportGrantId id) =>
                    AccessActor.ForSupportSession(id),
                _ when UserId.TryParse(actorText, out UserId user) => AccessActor.ForUser(user),
                _ => throw Invalid(number, $"`{actorText}` is not an actor"),
            };

            return new AccessAuditEvent(
                type,
                root.GetProperty("timestamp").GetDateTimeOffset(),
                actor,
                root.GetProperty("action").GetString() ?? throw Invalid(number, "the action is null"),
                root.GetProperty("description").GetString() ?? throw Invalid(number, "the description is null"),
                root.GetProperty("before").GetString(),
                root.GetProperty("after").GetString(),
                root.GetProperty("snapshotVersion").GetInt64());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Invalid(number, exception.Message);
        }
    }

    private static InvalidDataException Invalid(int line, string problem) =>
        new($"Line {line} of the audit log is not an audit event: {problem}.");
}
