using System.IO.Compression;
using System.IO.Pipes;
using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>Reading policy documents of several megabytes from streams that cannot seek (a chunking stream, a GZip
/// stream, an operating-system pipe) and from slow streams (one byte per read, waits between reads), synchronously
/// and asynchronously.</summary>
public sealed class AccessPolicyJsonStreamTests
{
    private static readonly Lazy<(AccessModel Model, byte[] Utf8)> s_large = new(() => LargePolicyDocuments.Build(3 * 1024 * 1024));

    private static AccessModel LargeModel => s_large.Value.Model;

    private static byte[] LargeDocument => s_large.Value.Utf8;

    [Theory]
    [InlineData(4096)]
    [InlineData(65_537)]
    [InlineData(int.MaxValue)]
    public void Deserialize_LargeDocumentFromChunkedStream_ReadsTheModel(int chunk)
    {
        AccessModel model = AccessPolicyJson.Deserialize(new ChunkedStream(LargeDocument, chunk));

        PolicyModelAssert.Equal(LargeModel, model);
    }

    [Theory]
    [InlineData(4096)]
    [InlineData(65_537)]
    public async Task DeserializeAsync_LargeDocumentFromChunkedStream_ReadsTheModel(int chunk)
    {
        AccessModel model = await AccessPolicyJson.DeserializeAsync(new ChunkedStream(LargeDocument, chunk));

        PolicyModelAssert.Equal(LargeModel, model);
    }

    [Fact]
    public void Deserialize_LargeDocumentFromGZipStream_ReadsTheModel()
    {
        using GZipStream stream = Decompressing(LargeDocument);

        PolicyModelAssert.Equal(LargeModel, AccessPolicyJson.Deserialize(stream));
    }

    [Fact]
    public async Task DeserializeAsync_LargeDocumentFromGZipStream_ReadsTheModel()
    {
        await using GZipStream stream = Decompressing(LargeDocument);

        PolicyModelAssert.Equal(LargeModel, await AccessPolicyJson.DeserializeAsync(stream));
    }

    [Fact]
    public async Task Deserialize_LargeDocumentFromPipe_ReadsTheModel()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        Task writing = WriteAndCloseAsync(server, LargeDocument);

        AccessModel model = AccessPolicyJson.Deserialize(client);

        await writing;
        PolicyModelAssert.Equal(LargeModel, model);
    }

    [Fact]
    public async Task DeserializeAsync_LargeDocumentFromPipe_ReadsTheModel()
    {
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);
        Task writing = WriteAndCloseAsync(server, LargeDocument);

        AccessModel model = await AccessPolicyJson.DeserializeAsync(client);

        await writing;
        PolicyModelAssert.Equal(LargeModel, model);
    }

    [Fact]
    public void Deserialize_LargeDocumentOneByteAtATime_ReadsTheModel()
    {
        var stream = new ChunkedStream(LargeDocument, 1);

        AccessModel model = AccessPolicyJson.Deserialize(stream);

        PolicyModelAssert.Equal(LargeModel, model);
        Assert.Equal(LargeDocument.Length, stream.Reads);
    }

    [Fact]
    public async Task DeserializeAsync_DocumentOneByteAtATimeYieldingEveryThousandReads_ReadsTheModel()
    {
        (AccessModel expected, byte[] utf8) = LargePolicyDocuments.Build(200 * 1024);
        var stream = new ChunkedStream(utf8, 1, yieldEvery: 1000);

        AccessModel model = await AccessPolicyJson.DeserializeAsync(stream);

        PolicyModelAssert.Equal(expected, model);
        Assert.Equal(utf8.Length, stream.Reads);
    }

    [Fact]
    public async Task DeserializeAsync_LargeDocumentWithWaitsBetweenReads_ReadsTheModel()
    {
        var stream = new ChunkedStream(LargeDocument, 256 * 1024, asyncDelay: TimeSpan.FromMilliseconds(5));

        AccessModel model = await AccessPolicyJson.DeserializeAsync(stream);

        PolicyModelAssert.Equal(LargeModel, model);
    }

    [Fact]
    public async Task DeserializeAsync_CanceledWhileWaitingForTheStream_ThrowsOperationCanceled()
    {
        var stream = new ChunkedStream(LargeDocument, 1024, asyncDelay: TimeSpan.FromSeconds(30));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await AccessPolicyJson.DeserializeAsync(stream, cancellationToken: cancellation.Token));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Deserialize_ByteOrderMarkSplitBetweenReads_IsDropped(int chunk)
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. LargePolicyDocuments.Build(70 * 1024).Utf8];

        AccessModel model = AccessPolicyJson.Deserialize(new ChunkedStream(utf8, chunk));

        Assert.NotEmpty(model.Users);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void Deserialize_NonSeekableDocumentAroundTheFirstBufferSize_IsReadWhole(int offset)
    {
        // The first buffer of a non-seekable stream holds 64 KB: a document of one byte less, exactly that or one byte
        // more ends the reading in the first buffer, at its end or in the second.
        byte[] utf8 = PaddedDocument(64 * 1024 + offset);

        AccessModel model = AccessPolicyJson.Deserialize(new ChunkedStream(utf8, 1000));

        Assert.Single(model.Users);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    public async Task DeserializeAsync_NonSeekableDocumentAtTheLimit_IsReadAndOneByteMoreIsRefused(int limitOffset, bool accepted)
    {
        byte[] utf8 = PaddedDocument(200 * 1024);
        var options = new AccessPolicyJsonOptions { MaxDocumentBytes = utf8.Length + limitOffset };

        Task<AccessModel> reading = AccessPolicyJson.DeserializeAsync(new ChunkedStream(utf8, 777), options).AsTask();

        if (accepted)
        {
            Assert.Single((await reading).Users);
        }
        else
        {
            var exception = await Assert.ThrowsAsync<AccessModelValidationException>(() => reading);
            Assert.Equal(AccessModelErrorCode.DocumentTooLarge, Assert.Single(exception.Errors).Code);
        }
    }

    private static GZipStream Decompressing(byte[] utf8)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(utf8);
        }

        compressed.Position = 0;
        return new GZipStream(compressed, CompressionMode.Decompress);
    }

    private static async Task WriteAndCloseAsync(Stream pipe, byte[] utf8)
    {
        await Task.Yield();
        await using (pipe)
        {
            // Pieces of uneven sizes, so that the reader sees reads ending anywhere.
            for (int offset = 0, piece = 1; offset < utf8.Length; offset += piece, piece = piece * 3 % 100_003)
            {
                await pipe.WriteAsync(utf8.AsMemory(offset, Math.Min(piece, utf8.Length - offset)));
            }
        }
    }

    /// <summary>A valid document of one user, padded with spaces to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] PaddedDocument(int length)
    {
        string json = """{ "formatVersion": 1, "users": [ { "id": "22222222-2222-2222-2222-222222222222", "name": "Ann" } ] }""";
        return Encoding.UTF8.GetBytes(json.PadRight(length));
    }
}
