using System.Text.Json;
using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>Writes an id, name or code type as its plain text (<c>"a29a3ba5-…"</c>, <c>"Opportunity"</c>), and reads it back
/// from that text; also as a dictionary key.</summary>
/// <typeparam name="T">The id type: its text is what <see cref="ISpanFormattable"/> writes and <see cref="ISpanParsable{TSelf}"/>
/// reads.</typeparam>
/// <remarks>Each id type names this converter in a <see cref="JsonConverterAttribute"/>, so that System.Text.Json uses it
/// with any options, the source-generated ones included.</remarks>
internal sealed class IdJsonConverter<T> : JsonConverter<T>
    where T : ISpanParsable<T>, ISpanFormattable
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? Parse(reader.GetString())
            : throw new JsonException($"A {typeof(T).Name} must be a JSON string; it is {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> text = stackalloc char[64];
        if (value.TryFormat(text, out int written, default, null))
        {
            writer.WriteStringValue(text[..written]);
        }
        else
        {
            writer.WriteStringValue(value.ToString(null, null));
        }
    }

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.ToString(null, null));
    }

    private static T Parse(string? text) =>
        T.TryParse(text, null, out T? value) ? value : throw new JsonException($"`{text}` is not a {typeof(T).Name}.");
}
