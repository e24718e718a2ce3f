namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>A read-only, non-seekable stream over bytes that hands out at most a few bytes per read and, reading
/// asynchronously, yields or waits before every read (or every <c>yieldEvery</c>-th; never when it is 0), as a network
/// body or a pipe does.</summary>
internal sealed class ChunkedStream(byte[] content, int maxBytesPerRead, TimeSpan asyncDelay = default, int yieldEvery = 1) : Stream
{
    private int _position;

    /// <summary>Gets how many reads returned at least one byte.</summary>
    public int Reads { get; private set; }

    /// <summary>Gets how many bytes were read.</summary>
    public long BytesRead => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = Math.Min(Math.Min(buffer.Length, maxBytesPerRead), content.Length - _position);
        content.AsSpan(_position, read).CopyTo(buffer);
        _position += read;
        Reads += read > 0 ? 1 : 0;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (yieldEvery == 0 || Reads % yieldEvery != 0)
        {
            // Completes synchronously, as a buffered stream mostly does.
        }
        else if (asyncDelay > TimeSpan.Zero)
        {
            await Task.Delay(asyncDelay, cancellationToken);
        }
        else
        {
            await Task.Yield();
        }

        return Read(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
