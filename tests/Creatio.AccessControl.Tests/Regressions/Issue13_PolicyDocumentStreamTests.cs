using System.IO.Compression;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Serialization;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 2: a document over the first read buffer (64 KB) read from a non-seekable stream failed
/// with <see cref="ArgumentOutOfRangeException"/>: growing the buffer passed the old array with the new count.</summary>
public sealed class Issue13_PolicyDocumentStreamTests
{
    private static readonly (AccessModel Model, byte[] Utf8) s_document = LargePolicyDocuments.Build(200 * 1024);

    [Fact]
    public void Deserialize_NonSeekableStreamOver64KB_ReadsTheModel()
    {
        using var stream = new ChunkedStream(s_document.Utf8, int.MaxValue);

        AccessModel model = AccessPolicyJson.Deserialize(stream);

        PolicyModelAssert.Equal(s_document.Model, model);
    }

    [Fact]
    public async Task DeserializeAsync_NonSeekableStreamOver64KB_ReadsTheModel()
    {
        using var stream = new ChunkedStream(s_document.Utf8, int.MaxValue);

        AccessModel model = await AccessPolicyJson.DeserializeAsync(stream);

        PolicyModelAssert.Equal(s_document.Model, model);
    }

    [Fact]
    public void Deserialize_GZipStreamOver64KB_ReadsTheModel()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(s_document.Utf8);
        }

        compressed.Position = 0;
        using var stream = new GZipStream(compressed, CompressionMode.Decompress);

        AccessModel model = AccessPolicyJson.Deserialize(stream);

        PolicyModelAssert.Equal(s_document.Model, model);
    }

    [Fact]
    public void Deserialize_InvalidDocumentOver64KBFromNonSeekableStream_ReportsTheLocatedError()
    {
        byte[] utf8 = [.. s_document.Utf8[..^2], .. ",\n  \"colour\": 1\n}\n"u8];
        using var stream = new ChunkedStream(utf8, int.MaxValue);

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream)).Errors);

        Assert.Equal(AccessModelErrorCode.UnknownMember, error.Code);
        Assert.Equal("$.colour", error.Path);
        Assert.Equal(utf8.Count(b => b == (byte)'\n') - 1, error.Line);
    }
}
