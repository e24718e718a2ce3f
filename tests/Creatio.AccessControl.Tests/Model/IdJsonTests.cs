using System.Text.Json;

namespace Creatio.AccessControl.Tests.Model;

/// <summary>Ids, names and codes are plain JSON strings (their text), with any serializer options, as values and as
/// dictionary keys; anything else is refused with a message naming the type.</summary>
public sealed class IdJsonTests
{
    private static readonly Guid s_guid = Guid.Parse("a29a3ba5-7c1e-4f00-9d2b-0123456789ab");

    public static TheoryData<object, string> Ids => new()
    {
        { new UserId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new RoleId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new AdminUnitId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new RecordId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new AccountId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new ContactId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new SupportGrantId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new SupportSessionId(s_guid), "a29a3ba5-7c1e-4f00-9d2b-0123456789ab" },
        { new ObjectName("Opportunity"), "Opportunity" },
        { new ColumnName("Amount"), "Amount" },
        { new SystemOperationCode("CanManageUsers"), "CanManageUsers" },
    };

    [Theory]
    [MemberData(nameof(Ids))]
    public void AnId_IsAPlainJsonString_AndReadsBack(object id, string text)
    {
        string json = JsonSerializer.Serialize(id, id.GetType());

        Assert.Equal($"\"{text}\"", json);
        Assert.Equal(id, JsonSerializer.Deserialize(json, id.GetType()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void AnId_IsAPlainString_WithWebOptions_InsideAnObject(object id, string text)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Type holder = typeof(Holder<>).MakeGenericType(id.GetType());
        object value = Activator.CreateInstance(holder, id)!;

        string json = JsonSerializer.Serialize(value, holder, options);

        Assert.Equal($$"""{"id":"{{text}}"}""", json);
        Assert.Equal(value, JsonSerializer.Deserialize(json, holder, options));
    }

    [Fact]
    public void AnId_IsADictionaryKey()
    {
        var names = new Dictionary<UserId, string> { [new UserId(s_guid)] = "Ann" };

        string json = JsonSerializer.Serialize(names);

        Assert.Equal("""{"a29a3ba5-7c1e-4f00-9d2b-0123456789ab":"Ann"}""", json);
        Assert.Equal(names, JsonSerializer.Deserialize<Dictionary<UserId, string>>(json));
    }

    [Theory]
    [InlineData("""{"value":"a29a3ba5-7c1e-4f00-9d2b-0123456789ab"}""", "UserId must be a JSON string")]
    [InlineData("42", "UserId must be a JSON string")]
    [InlineData("\"not a guid\"", "`not a guid` is not a UserId")]
    public void AnythingElse_IsRefused_NamingTheType(string json, string message)
    {
        JsonException refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<UserId>(json));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public void ABlankName_IsRefused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ObjectName>(json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SystemOperationCode>(json));
    }

    private sealed record Holder<T>(T Id);
}
