using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

public sealed class PolicyDocumentBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decode_CharactersSplitBetweenSegments_GivesTheWholeText(int asciiPrefix)
    {
        // Written a byte at a time, so segments end wherever they fill up, inside two-, three- and four-byte characters.
        string text = new string('a', asciiPrefix) + string.Concat(Enumerable.Repeat("\U0001F600é€x", 200_000));
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        using var buffer = new PolicyDocumentBuffer();
        foreach (byte b in utf8)
        {
            buffer.GetSpan(1)[0] = b;
            buffer.Advance(1);
        }

        Assert.True(buffer.Segments().Count() > 1);
        Assert.Equal(utf8, buffer.Segments().SelectMany(s => s.ToArray()).ToArray());
        Assert.Equal(text, buffer.Decode());
    }

    [Fact]
    public void Decode_Nothing_GivesTheEmptyString()
    {
        using var buffer = new PolicyDocumentBuffer();

        Assert.Equal(string.Empty, buffer.Decode());
        Assert.Empty(buffer.Segments());
    }
}
