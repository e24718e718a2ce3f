using System.Buffers;
using System.Text;

namespace Creatio.AccessControl.Serialization;

/// <summary>The UTF-8 bytes of a written policy document, in pooled segments, so that a large document is never
/// copied into ever larger arrays as it grows.</summary>
internal sealed class PolicyDocumentBuffer : IBufferWriter<byte>, IDisposable
{
    private const int SegmentSize = 1024 * 1024;

    private readonly List<(byte[] Array, int Length)> _full = [];
    private byte[] _current = [];
    private int _written;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _current.AsSpan(_written);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _current.Length - _written);
        _written += count;
    }

    /// <summary>Returns the written bytes, segment by segment, in order.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Segments()
    {
        foreach ((byte[] array, int length) in _full)
        {
            yield return array.AsMemory(0, length);
        }

        if (_written > 0)
        {
            yield return _current.AsMemory(0, _written);
        }
    }

    /// <summary>Decodes the written bytes, which are valid UTF-8, into one string.</summary>
    public string Decode()
    {
        List<ReadOnlyMemory<byte>> segments = [.. Segments()];
        int length = 0;
        int skip = 0;
        foreach (ReadOnlyMemory<byte> segment in segments)
        {
            ReadOnlySpan<byte> bytes = segment.Span[Math.Min(skip, segment.Length)..];
            skip -= segment.Length - bytes.Length;
            if (skip > 0)
            {
                continue;
            }

            // A character split across segments is counted with the segment it starts in.
            int cut = bytes.Length;
            for (int back = 1; back <= Math.Min(3, bytes.Length); back++)
            {
                byte b = bytes[^back];
                if ((b & 0xC0) != 0x80)
                {
                    int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                    if (needed > back)
                    {
                        cut = bytes.Length - back;
                        skip = needed - back;
                        length = checked(length + (needed == 4 ? 2 : 1));
                    }

                    break;
                }
            }

            length = checked(length + Encoding.UTF8.GetCharCount(bytes[..cut]));
        }

        return string.Create(length, segments, static (chars, segments) =>
        {
            Decoder decoder = Encoding.UTF8.GetDecoder();
            int written = 0;
            for (int i = 0; i < segments.Count; i++)
            {
                decoder.Convert(segments[i].Span, chars[written..], flush: i == segments.Count - 1, out _, out int used, out _);
                written += used;
            }
        });
    }

    public void Dispose()
    {
        foreach ((byte[] array, _) in _full)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        _full.Clear();
        if (_current.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        if (_current.Length - _written >= Math.Max(sizeHint, 1))
        {
            return;
        }

        if (_written > 0)
        {
            _full.Add((_current, _written));
        }
        else if (_current.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(sizeHint, SegmentSize));
        _written = 0;
    }
}
