using System.Buffers;
using System.Text.Json;

namespace Creatio.AccessControl;

/// <summary>Writes audit events as JSON lines: one JSON object per line, flushed after each event.</summary>
/// <remarks>This type is safe for concurrent use.</remarks>
public sealed class JsonLinesAccessAuditSink : IAccessAuditSink, IDisposable
{
    private readonly object _gate = new();
    private readonly Stream _stream;
    private readonly bool _ownsStream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    /// <summary>Creates a sink that appends to a file.</summary>
    /// <param name="path">The file; created when missing.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or white space.</exception>
    public JsonLinesAccessAuditSink(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _ownsStream = true;
    }

    /// <summary>Creates a sink that writes to a stream, which the caller keeps owning.</summary>
    /// <param name="stream">A writable stream.</param>
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
                if (auditEvent.Actor.User is { } user)
                {
                    writer.WriteString("actor", user.Value);
                }
                else
                {
                    writer.WriteString("actor", "system");
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
    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }
}
