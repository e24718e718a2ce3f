#if NET10_0_OR_GREATER
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl.Serialization;

// Read-only converters of PolicyJsonReadContext. Each accepts exactly what PolicyDocumentChecker accepts and reads
// the value the default converter would; anything else throws, which sends the document to the checker.

/// <summary>Reads an enum from its exact, case-sensitive name only.</summary>
internal sealed class StrictEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private static readonly TEnum[] s_values = Enum.GetValues<TEnum>();
    private static readonly byte[][] s_names = [.. s_values.Select(v => Encoding.UTF8.GetBytes(v.ToString()))];

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (reader.ValueTextEquals(s_names[i]))
                {
                    return s_values[i];
                }
            }
        }

        throw new JsonException($"Not a name of {typeof(TEnum).Name}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        throw new NotSupportedException("This converter only reads.");
}

/// <summary>Reads an ISO 8601 instant that has a time and an offset.</summary>
internal sealed class StrictInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && reader.TryGetDateTimeOffset(out DateTimeOffset value)
        && PolicyDocumentChecker.HasTimeAndOffset(reader.GetString()!)
            ? value
            : throw new JsonException("Not an ISO 8601 instant with an offset.");

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        throw new NotSupportedException("This converter only reads.");
}

/// <summary>Reads a date written exactly <c>yyyy-MM-dd</c>.</summary>
internal sealed class StrictDateConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && PolicyDocumentChecker.IsDate(text)
            ? DateOnly.ParseExact(text, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture)
            : throw new JsonException("Not a date in the form yyyy-MM-dd.");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        throw new NotSupportedException("This converter only reads.");
}

/// <summary>Reads a list of GUIDs and refuses a JSON <see langword="null"/>, which the default converter would read
/// as a left-out list.</summary>
internal sealed class NonNullGuidListConverter : JsonConverter<List<Guid>>
{
    public override bool HandleNull => true;

    public override List<Guid> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Not an array.");
        }

        var list = new List<Guid>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out Guid id) ? id : throw new JsonException("Not a GUID string."));
        }

        return list;
    }

    public override void Write(Utf8JsonWriter writer, List<Guid> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("This converter only reads.");
}
#endif
