using System.Text;
using System.Text.Json;

namespace Creatio.AccessControl.Tests.Fuzz;

/// <summary>A JSON value as written, for mutating documents: objects keep their members in order, duplicates included,
/// and names and scalars keep their escaped text, so that a mutation can write what no serializer would (a member
/// twice, an escaped half of a surrogate pair, a number of a thousand digits, any raw text).</summary>
internal abstract class JsonTree
{
    /// <summary>Parses a valid JSON document.</summary>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        return Read(ref reader);
    }

    /// <summary>Returns a copy that shares nothing with this value.</summary>
    public abstract JsonTree Clone();

    /// <summary>Writes the value, indented or on one line.</summary>
    public string Write(bool indented)
    {
        var text = new StringBuilder();
        Write(text, indented, 0);
        return text.Append('\n').ToString();
    }

    protected abstract void Write(StringBuilder text, bool indented, int depth);

    private static JsonTree Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new Obj();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = Encoding.UTF8.GetString(reader.ValueSpan);
                    reader.Read();
                    obj.Members.Add(new Member(name, Read(ref reader)));
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new Arr();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    array.Items.Add(Read(ref reader));
                }

                return array;
            case JsonTokenType.String:
                return Token.String(Encoding.UTF8.GetString(reader.ValueSpan));
            default:
                return new Token(Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// <summary>Writes the items of an object or an array between its brackets, one a line when indented.</summary>
    private static void WriteItems<T>(StringBuilder text, bool indented, int depth, char open, char close, List<T> items, Action<T, StringBuilder, int> write)
    {
        text.Append(open);
        for (int i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",");
            NewLine(text, indented, depth + 1);
            write(items[i], text, depth + 1);
        }

        if (items.Count > 0)
        {
            NewLine(text, indented, depth);
        }

        text.Append(close);
    }

    private static void NewLine(StringBuilder text, bool indented, int depth)
    {
        if (indented)
        {
            text.Append('\n').Append(' ', 2 * depth);
        }
    }

    /// <summary>A member of an object: its name as escaped text (without the quotes) and its value.</summary>
    public sealed class Member(string name, JsonTree value)
    {
        public string Name { get; set; } = name;

        public JsonTree Value { get; set; } = value;
    }

    /// <summary>An object.</summary>
    public sealed class Obj : JsonTree
    {
        public List<Member> Members { get; } = [];

        public override JsonTree Clone()
        {
            var copy = new Obj();
            copy.Members.AddRange(Members.Select(m => new Member(m.Name, m.Value.Clone())));
            return copy;
        }

        protected override void Write(StringBuilder text, bool indented, int depth) =>
            WriteItems(text, indented, depth, '{', '}', Members, (member, text, depth) =>
            {
                text.Append('"').Append(member.Name).Append("\":").Append(indented ? " " : string.Empty);
                member.Value.Write(text, indented, depth);
            });
    }

    /// <summary>An array.</summary>
    public sealed class Arr : JsonTree
    {
        public List<JsonTree> Items { get; } = [];

        public override JsonTree Clone()
        {
            var copy = new Arr();
            copy.Items.AddRange(Items.Select(i => i.Clone()));
            return copy;
        }

        protected override void Write(StringBuilder text, bool indented, int depth) =>
            WriteItems(text, indented, depth, '[', ']', Items, (item, text, depth) => item.Write(text, indented, depth));
    }

    /// <summary>A scalar, or any text, written as it is.</summary>
    public sealed class Token(string text) : JsonTree
    {
        public string Text { get; set; } = text;

        /// <summary>Gets the escaped content of a string token, or <see langword="null"/>.</summary>
        public string? StringContent => Text.Length >= 2 && Text[0] == '"' && Text[^1] == '"' ? Text[1..^1] : null;

        public static Token String(string escaped) => new($"\"{escaped}\"");

        public override JsonTree Clone() => new Token(Text);

        protected override void Write(StringBuilder text, bool indented, int depth) => text.Append(Text);
    }
}
