using System.Globalization;
using FsCheck;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Model;

/// <summary>The id, name and code types read their text back (<see cref="ISpanParsable{TSelf}"/>) and write it without
/// allocating (<see cref="ISpanFormattable"/>), so that route and query values bind to them.</summary>
public sealed class IdTextTests
{
    private static readonly string[] s_guidFormats = ["D", "N", "B", "P", "X"];

    [Property]
    public void GuidIds_RoundTripThroughTheirText(Guid value)
    {
        RoundTrip(new AccountId(value), value);
        RoundTrip(new AdminUnitId(value), value);
        RoundTrip(new ContactId(value), value);
        RoundTrip(new RecordId(value), value);
        RoundTrip(new RoleId(value), value);
        RoundTrip(new SupportGrantId(value), value);
        RoundTrip(new SupportSessionId(value), value);
        RoundTrip(new UserId(value), value);
    }

    [Property]
    public void Names_RoundTripThroughTheirText(NonEmptyString text)
    {
        string value = text.Get;
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.False(ObjectName.TryParse(value, out ObjectName none));
            Assert.Equal(default, none);
            return;
        }

        NameRoundTrip(new ObjectName(value), value);
        NameRoundTrip(new ColumnName(value), value);
        NameRoundTrip(new SystemOperationCode(value), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a guid")]
    [InlineData("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c000")]
    [InlineData("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001x")]
    public void GuidIds_TextThatIsNotAGuid_FailsToParse(string text)
    {
        Assert.False(RecordId.TryParse(text, out RecordId record));
        Assert.Equal(default, record);
        Assert.False(UserId.TryParse(text.AsSpan(), out UserId user));
        Assert.Equal(default, user);
        Assert.Throws<FormatException>(() => RecordId.Parse(text));
        Assert.Throws<FormatException>(() => SupportGrantId.Parse(text.AsSpan()));
        Assert.False(TryParseAs<RoleId>(text, out _));
        Assert.False(TryParseSpanAs<ContactId>(text, out _));
    }

    [Fact]
    public void GuidIds_NullText_FailsToParseOrThrows()
    {
        Assert.False(RecordId.TryParse(null, out RecordId record));
        Assert.Equal(default, record);
        Assert.Throws<ArgumentNullException>(() => RecordId.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => ParseAs<AccountId>(null!));
    }

    [Fact]
    public void GuidIds_WriteInTheDFormatByDefault()
    {
        var id = new RecordId(new Guid("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001"));

        Assert.Equal("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001", id.ToString());
        Assert.Equal("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001", $"{id}");
        Assert.Equal("0b6f3c526f1e4c1a9a551f0d7a1c0001", id.ToString("N", CultureInfo.InvariantCulture));
        Assert.Equal("{0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001}", string.Create(CultureInfo.InvariantCulture, $"{id:B}"));
    }

    [Fact]
    public void GuidIds_AFormatThatIsNotAGuidFormat_Throws()
    {
        var id = new UserId(Guid.NewGuid());

        Assert.Throws<FormatException>(() => id.ToString("Q", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GuidIds_ADestinationTooShort_WritesNothing()
    {
        var id = new RecordId(Guid.NewGuid());
        Span<char> destination = stackalloc char[35];

        Assert.False(id.TryFormat(destination, out int written, default, null));
        Assert.Equal(0, written);
    }

    [Theory]
    [InlineData("", "An object name must not be empty or white space.")]
    [InlineData("   ", "An object name must not be empty or white space.")]
    [InlineData("\t\n", "An object name must not be empty or white space.")]
    public void ObjectName_BlankText_FailsToParse(string text, string message)
    {
        Assert.False(ObjectName.TryParse(text, out ObjectName name));
        Assert.Equal(default, name);
        Assert.False(ObjectName.TryParse(text.AsSpan(), out _));
        Assert.Equal(message, Assert.Throws<FormatException>(() => ObjectName.Parse(text)).Message);
        Assert.Equal(message, Assert.Throws<FormatException>(() => ObjectName.Parse(text.AsSpan())).Message);
        Assert.False(TryParseAs<ObjectName>(text, out _));
    }

    [Fact]
    public void ColumnAndCode_BlankText_SayWhatWasRead()
    {
        Assert.Equal("A column name must not be empty or white space.", Assert.Throws<FormatException>(() => ColumnName.Parse(" ")).Message);
        Assert.Equal(
            "A system operation code must not be empty or white space.",
            Assert.Throws<FormatException>(() => SystemOperationCode.Parse(string.Empty)).Message);
    }

    [Fact]
    public void Names_NullText_FailsToParseOrThrows()
    {
        Assert.False(ColumnName.TryParse(null, out ColumnName column));
        Assert.Equal(default, column);
        Assert.Throws<ArgumentNullException>(() => SystemOperationCode.Parse(null!));
    }

    [Fact]
    public void Names_AreReadAsTheyAre_CaseAndSurroundingSpaceKept()
    {
        Assert.Equal(new ObjectName(" Opportunity "), ObjectName.Parse(" Opportunity "));
        Assert.NotEqual(new ObjectName("opportunity"), ObjectName.Parse("Opportunity"));
    }

    [Fact]
    public void Names_Default_WritesEmptyText()
    {
        ObjectName name = default;
        Span<char> destination = stackalloc char[4];

        Assert.Equal(string.Empty, name.ToString("G", CultureInfo.InvariantCulture));
        Assert.True(name.TryFormat(destination, out int written, default, null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Names_ADestinationTooShort_WritesNothing()
    {
        var name = new ColumnName("Email");
        Span<char> destination = stackalloc char[4];

        Assert.False(name.TryFormat(destination, out int written, default, null));
        Assert.Equal(0, written);
    }

    private static void RoundTrip<T>(T id, Guid value)
        where T : struct, ISpanParsable<T>, ISpanFormattable
    {
        string text = id.ToString()!;
        Assert.Equal(value.ToString(), text);
        Assert.Equal(id, ParseAs<T>(text));
        Assert.True(TryParseAs(text, out T parsed));
        Assert.Equal(id, parsed);
        Assert.True(TryParseSpanAs(text, out T fromSpan));
        Assert.Equal(id, fromSpan);

        Span<char> destination = stackalloc char[68];
        foreach (string format in s_guidFormats)
        {
            string formatted = id.ToString(format, CultureInfo.InvariantCulture);
            Assert.True(id.TryFormat(destination, out int written, format, CultureInfo.InvariantCulture));
            Assert.Equal(formatted, destination[..written].ToString());
            Assert.Equal(id, ParseAs<T>(formatted));
        }
    }

    private static void NameRoundTrip<T>(T name, string value)
        where T : struct, ISpanParsable<T>, ISpanFormattable
    {
        Assert.Equal(value, name.ToString());
        Assert.Equal(value, name.ToString(null, CultureInfo.InvariantCulture));
        Assert.Equal(name, ParseAs<T>(value));
        Assert.True(TryParseAs(value, out T parsed));
        Assert.Equal(name, parsed);
        Assert.True(TryParseSpanAs(value, out T fromSpan));
        Assert.Equal(name, fromSpan);

        char[] destination = new char[value.Length];
        Assert.True(name.TryFormat(destination, out int written, default, null));
        Assert.Equal(value, new string(destination, 0, written));
    }

    private static T ParseAs<T>(string text)
        where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    private static bool TryParseAs<T>(string? text, out T result)
        where T : IParsable<T> => T.TryParse(text, CultureInfo.InvariantCulture, out result!);

    private static bool TryParseSpanAs<T>(string text, out T result)
        where T : ISpanParsable<T> => T.TryParse(text.AsSpan(), CultureInfo.InvariantCulture, out result!);
}
