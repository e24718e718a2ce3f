namespace Creatio.AccessControl.Serialization;

/// <summary>The bytes of a policy document as they are read from a stream, in one array that grows as the stream
/// yields more, never holding more than the limit plus one byte (the byte that proves a document too large).</summary>
/// <remarks>A read asks <see cref="FreeSpace"/> for where to put bytes, then says how many it put with
/// <see cref="Advance"/>: the space handed out is always in the current array, whatever growth it took.</remarks>
internal sealed class PolicyDocumentInput
{
    private const int FirstNonSeekableSize = 64 * 1024;

    private readonly int _limit;
    private byte[] _buffer;
    private int _length;

    /// <summary>Prepares to read a stream; refuses a seekable stream whose remaining length is over the limit without
    /// reading it.</summary>
    /// <exception cref="AccessModelValidationException">The stream is seekable and what remains of it is over the limit.</exception>
    public PolicyDocumentInput(Stream stream, int limit)
    {
        _limit = limit;
        if (!stream.CanSeek)
        {
            _buffer = new byte[Math.Min(FirstNonSeekableSize, Cap)];
            return;
        }

        long remaining = Math.Max(0, stream.Length - stream.Position);
        if (remaining > limit)
        {
            throw TooLarge(limit);
        }

        // One byte more than the stream holds, so that the read that finds its end needs no growth.
        _buffer = new byte[(int)remaining + 1];
    }

    /// <summary>The most bytes ever held: the limit and the one byte that proves a document larger.</summary>
    private int Cap => _limit + 1;

    /// <summary>Returns the space the next read fills, growing the array when it is full; empty once the limit plus
    /// one byte are held, which ends the reading.</summary>
    public Memory<byte> FreeSpace()
    {
        if (_length == _buffer.Length && _length < Cap)
        {
            // Doubling keeps the copies linear in the document's size.
            Array.Resize(ref _buffer, (int)Math.Min(Cap, Math.Max(_buffer.Length * 2L, 16)));
        }

        return _buffer.AsMemory(_length, Math.Min(_buffer.Length, Cap) - _length);
    }

    /// <summary>Records that a read put <paramref name="count"/> bytes at the start of the last
    /// <see cref="FreeSpace"/>.</summary>
    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _length);
        _length += count;
    }

    /// <summary>Returns the document read, without a leading byte order mark.</summary>
    /// <exception cref="AccessModelValidationException">The stream held more than the limit.</exception>
    public ReadOnlyMemory<byte> Document() =>
        _length > _limit ? throw TooLarge(_limit) : WithoutByteOrderMark(_buffer.AsMemory(0, _length));

    /// <summary>Drops a leading UTF-8 byte order mark.</summary>
    public static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> utf8) =>
        utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;

    /// <summary>The error of a document over the limit.</summary>
    public static AccessModelValidationException TooLarge(int limit) => new(
    [
        new AccessModelError(
            AccessModelErrorCode.DocumentTooLarge,
            $"$: The document is larger than the limit of {limit} bytes.",
            [])
        {
            Path = "$",
        },
    ]);
}
