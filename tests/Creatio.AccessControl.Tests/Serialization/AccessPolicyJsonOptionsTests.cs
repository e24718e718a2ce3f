using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

public sealed class AccessPolicyJsonOptionsTests
{
    private static readonly byte[] s_emptyModel = Encoding.UTF8.GetBytes(AccessPolicyJson.Serialize(AccessModel.Empty));

    [Fact]
    public void MaxDocumentBytes_Default_Is64MiB()
    {
        Assert.Equal(64 * 1024 * 1024, new AccessPolicyJsonOptions().MaxDocumentBytes);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void MaxDocumentBytes_OutOfRange_Throws(int bytes)
    {
        var options = new AccessPolicyJsonOptions();

        Assert.Throws<ArgumentOutOfRangeException>("value", () => options.MaxDocumentBytes = bytes);
    }

    [Fact]
    public void Deserialize_StringAtTheLimit_IsRead()
    {
        var options = new AccessPolicyJsonOptions { MaxDocumentBytes = s_emptyModel.Length };

        AccessModel model = AccessPolicyJson.Deserialize(Encoding.UTF8.GetString(s_emptyModel), options);

        Assert.Empty(model.Users);
    }

    [Fact]
    public void Deserialize_StringOverTheLimitInUtf8Bytes_IsRefused()
    {
        // 10 characters, 20 UTF-8 bytes.
        const string Json = "ЖЖЖЖЖЖЖЖЖЖ";
        var options = new AccessPolicyJsonOptions { MaxDocumentBytes = 19 };

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(Json, options)).Errors);

        Assert.Equal(AccessModelErrorCode.DocumentTooLarge, error.Code);
        Assert.Equal("$", error.Path);
        Assert.Null(error.Line);
        Assert.Equal("$: The document is larger than the limit of 19 bytes.", error.Message);
    }

    [Fact]
    public void Deserialize_StreamAtTheLimit_IsRead()
    {
        using var stream = new ChunkedStream(s_emptyModel, int.MaxValue);

        AccessModel model = AccessPolicyJson.Deserialize(stream, new AccessPolicyJsonOptions { MaxDocumentBytes = s_emptyModel.Length });

        Assert.Empty(model.Users);
    }

    [Fact]
    public void Deserialize_NonSeekableStreamOverTheLimit_ReadsAtMostOneByteMore()
    {
        using var stream = new ChunkedStream(new byte[10_000_000], int.MaxValue);

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream, new AccessPolicyJsonOptions { MaxDocumentBytes = 1000 })).Errors);

        Assert.Equal(AccessModelErrorCode.DocumentTooLarge, error.Code);
        Assert.Equal(1001, stream.BytesRead);
    }

    [Fact]
    public async Task DeserializeAsync_NonSeekableStreamOverTheLimit_ReadsAtMostOneByteMore()
    {
        using var stream = new ChunkedStream(new byte[10_000_000], int.MaxValue);

        AccessModelValidationException exception = await Assert.ThrowsAsync<AccessModelValidationException>(
            async () => await AccessPolicyJson.DeserializeAsync(stream, new AccessPolicyJsonOptions { MaxDocumentBytes = 1000 }));

        Assert.Equal(AccessModelErrorCode.DocumentTooLarge, Assert.Single(exception.Errors).Code);
        Assert.Equal(1001, stream.BytesRead);
    }

    [Fact]
    public void Deserialize_SeekableStreamOverTheLimit_IsRefusedWithoutReading()
    {
        using var stream = new MemoryStream(new byte[10_000]);

        Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream, new AccessPolicyJsonOptions { MaxDocumentBytes = 9_999 }));

        Assert.Equal(0, stream.Position);
    }
}
