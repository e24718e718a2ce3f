using System.Text.Json;

namespace Creatio.AccessControl.Cli;

/// <summary>Maps the JSON path of every member and element of a document to the line it starts on, so that problems
/// found in a <see cref="JsonDocument"/> (which keeps no positions) can name their line.</summary>
internal static class JsonLines
{
    /// <summary>Maps <c>$</c>, <c>$.member</c>, <c>$.list[0]</c>, … to 1-based lines; a value maps to the line it starts
    /// on. The document must be valid JSON.</summary>
    public static Dictionary<string, int> Map(ReadOnlySpan<byte> utf8)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var containers = new Stack<(string Path, bool IsArray, int Next)>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        int line = 1;
        int counted = 0;
        string? member = null;
        while (reader.Read())
        {
            int start = (int)reader.TokenStartIndex;
            line += utf8[counted..start].Count((byte)'\n');
            counted = start;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = reader.GetString();
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            string path;
            if (containers.Count == 0)
            {
                path = "$";
            }
            else if (containers.Peek().IsArray)
            {
                (string parent, bool isArray, int next) = containers.Pop();
                containers.Push((parent, isArray, next + 1));
                path = $"{parent}[{next}]";
            }
            else
            {
                path = $"{containers.Peek().Path}.{member}";
            }

            lines.TryAdd(path, line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }

        return lines;
    }
}
