using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 3 (the reader): an escaped lone surrogate (<c>"\ud800"</c>) in a value or a member name
/// crashed the reader with <see cref="InvalidOperationException"/>; it is a located validation error.</summary>
public sealed class Issue13_PolicyDocumentSurrogateTests
{
    private const string User = "22222222-2222-2222-2222-222222222222";

    private static AccessModelError SingleErrorOf(string json)
    {
        AccessModelError fromString = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json)).Errors);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        AccessModelError fromStream = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream)).Errors);
        Assert.Equal(fromString.ToString(), fromStream.ToString());
        Assert.Equal((fromString.Path, fromString.Line), (fromStream.Path, fromStream.Line));
        return fromString;
    }

    [Theory]
    [InlineData(@"A\ud800", @"\ud800")]
    [InlineData(@"\udc00B", @"\udc00")]
    [InlineData(@"\ude00\ud83d", @"\ude00")]
    [InlineData(@"\ud83d\ud83d\ude00", @"\ud83d")]
    [InlineData(@"\uD800\\u0041", @"\uD800")]
    public void Deserialize_LoneSurrogateInAName_ReportsInvalidValueAtTheName(string name, string surrogate)
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "users": [
                { "id": "{{User}}", "name": "{{name}}" }
              ]
            }
            """;

        AccessModelError error = SingleErrorOf(json);

        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Equal("$.users[0].name", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Equal($"$.users[0].name (line 4): `{name}` is not Unicode text: the escape `{surrogate}` is half of a surrogate pair.", error.Message);
    }

    [Theory]
    [InlineData("{ \"id\": \"\\ud800\", \"name\": \"Ann\" }", "$.users[0].id")]
    [InlineData("{ \"id\": \"" + User + "\", \"name\": \"Ann\", \"kind\": \"\\udfff\" }", "$.users[0].kind")]
    public void Deserialize_LoneSurrogateInAnIdOrEnumValue_ReportsInvalidValue(string user, string path)
    {
        string json = "{\n  \"formatVersion\": 1,\n  \"users\": [\n    " + user + "\n  ]\n}";

        AccessModelError error = SingleErrorOf(json);

        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Deserialize_LoneSurrogateInAnEnumList_ReportsInvalidValue()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "settings": { "enabledAuditEvents": [ "\ud800", "\ud800" ] }
            }
            """;

        IReadOnlyList<AccessModelError> errors = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(Json)).Errors;

        Assert.Equal(["$.settings.enabledAuditEvents[0]", "$.settings.enabledAuditEvents[1]"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal(AccessModelErrorCode.InvalidValue, e.Code));
    }

    [Theory]
    [InlineData(@"\ud800", @"$['\ud800']")]
    [InlineData(@"us\udbffers", @"$['us\udbffers']")]
    public void Deserialize_LoneSurrogateInAMemberName_ReportsAnUnknownMemberAsWritten(string name, string path)
    {
        string json = "{\n  \"formatVersion\": 1,\n  \"" + name + "\": []\n}";

        AccessModelError error = SingleErrorOf(json);

        Assert.Equal(AccessModelErrorCode.UnknownMember, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.Line);
        Assert.StartsWith($"{path} (line 3): Member `{name}` is not part of the format here;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_LoneSurrogateInANestedMemberName_ReportsAnUnknownMember()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "users": [ { "id": "{{User}}", "name": "Ann", "\udc01": 1 } ]
            }
            """;

        AccessModelError error = SingleErrorOf(json);

        Assert.Equal(AccessModelErrorCode.UnknownMember, error.Code);
        Assert.Equal(@"$.users[0]['\udc01']", error.Path);
    }

    [Fact]
    public void Deserialize_EscapedSurrogatePair_IsReadAsTheCharacter()
    {
        string json = $$"""{ "formatVersion": 1, "users": [ { "id": "{{User}}", "name": "\ud83d\ude00 \u00e9" } ] }""";

        AccessModel model = AccessPolicyJson.Deserialize(json);

        Assert.Equal("\U0001F600 é", Assert.Single(model.Users).Name);
    }

    // Attribute arguments cannot hold half a surrogate pair (metadata stores them as UTF-8), hence the indexes.
    private static readonly string[] s_namesWithHalfAPair = ["A\ud800", "Жé\udc00", "\ude00\ud83d"];

    [Theory]
    [InlineData(0, 15)]
    [InlineData(1, 18)]
    [InlineData(2, 14)]
    public void Deserialize_StringWithHalfASurrogatePair_ReportsTextThatIsNotUnicode(int index, int position)
    {
        string name = s_namesWithHalfAPair[index];
        string json = "{\n  \"formatVersion\": 1,\n  \"users\": [ { \"id\": \"" + User + "\",\n    \"name\": \"" + name + "\" } ]\n}";

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json)).Errors);

        Assert.Equal(AccessModelErrorCode.InvalidJson, error.Code);
        Assert.Equal("$", error.Path);
        Assert.Equal(4, error.Line);
        Assert.Equal(position, error.BytePositionInLine);
        Assert.Matches(@"^\$ \(line 4, position \d+\): The document is not Unicode text: U\+D[89A-F][0-9A-F]{2} is half of a surrogate pair\.$", error.Message);
    }
}
