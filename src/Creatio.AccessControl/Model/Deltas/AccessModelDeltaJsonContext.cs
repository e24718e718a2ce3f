using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>The source-generated serialization metadata of <see cref="AccessModelDelta"/> (no reflection, trim and AOT
/// safe): members camel-cased, enums by name, ids and names as strings, members holding <see langword="null"/> written as
/// null, unknown members refused; properties computed from others are not written. On .NET 9 and later a missing or
/// <see langword="null"/> member an edit requires is refused too.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.Strict,
    IgnoreReadOnlyProperties = true,
#if NET9_0_OR_GREATER
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
#endif
    Converters =
    [
        typeof(TextValueConverter<UserId>),
        typeof(TextValueConverter<RoleId>),
        typeof(TextValueConverter<AdminUnitId>),
        typeof(TextValueConverter<ContactId>),
        typeof(TextValueConverter<AccountId>),
        typeof(TextValueConverter<RecordId>),
        typeof(TextValueConverter<SupportGrantId>),
        typeof(TextValueConverter<ObjectName>),
        typeof(TextValueConverter<ColumnName>),
        typeof(TextValueConverter<SystemOperationCode>),
    ])]
[JsonSerializable(typeof(AccessModelDeltaDocument))]
internal sealed partial class AccessModelDeltaJsonContext : JsonSerializerContext;

/// <summary>Writes an id or a name as its text and reads it back.</summary>
/// <typeparam name="T">The id or name.</typeparam>
internal sealed class TextValueConverter<T> : JsonConverter<T>
    where T : struct, ISpanParsable<T>, ISpanFormattable
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {typeof(T).Name} is a JSON string, not {reader.TokenType}.");
        }

        string text = reader.GetString()!;
        return T.TryParse(text, CultureInfo.InvariantCulture, out T value) ? value : throw new JsonException($"`{text}` is not a {typeof(T).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
}
