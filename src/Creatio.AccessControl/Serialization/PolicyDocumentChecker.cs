using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Creatio.AccessControl.Serialization;

/// <summary>Checks the shape of a policy document against the source-generated metadata of
/// <see cref="PolicyDocument"/> and reports every problem with its JSON path and line.</summary>
/// <remarks>
/// <para>System.Text.Json stops at the first problem; this walk does not. It reports syntax errors (alone, since
/// nothing after them can be trusted), unknown, duplicate and missing members, wrong JSON types, unknown enum names,
/// malformed GUIDs, instants and dates, empty strings, strings that are not Unicode text (an escaped half of a surrogate
/// pair, <c>"\ud800"</c>) and an unsupported format version (alone, since a document of another
/// version is read by other rules). A document it accepts deserializes without error.</para>
/// <para>It is stricter than the deserializer where the deserializer is lenient: enum names are case-sensitive and
/// never numbers, instants must carry an offset, dates are exactly <c>yyyy-MM-dd</c>, and a member may appear only once.</para>
/// </remarks>
internal sealed class PolicyDocumentChecker
{
    private const string Root = "$";
    private const string SchemaMember = "$schema";
    private const int MaxDepth = 64;

    private static readonly JsonReaderOptions s_readerOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = MaxDepth,
    };

    private readonly PolicyDocumentText _text;
    private readonly PolicyJsonContext _context;
    private readonly AccessModelErrorList _errors = new();
    private readonly Dictionary<Type, string> _expected = [];
    private readonly List<long> _unreadable = [];
    private AccessModelError? _versionError;

    // The start of the row (an element of a top-level list) being checked, or -1; a problem inside a row leaves the
    // whole row out of the rest of the document.
    private long _row = -1;

    private PolicyDocumentChecker(PolicyDocumentText text, PolicyJsonContext context)
    {
        _text = text;
        _context = context;
    }

    /// <summary>Returns every problem of the document's shape (none if it deserializes cleanly) and what to leave out
    /// of it to read the rest.</summary>
    public static PolicyDocumentCheck Check(PolicyDocumentText text, PolicyJsonContext context)
    {
        ReadOnlySpan<byte> utf8 = text.Utf8.Span;
        int invalid = PolicyDocumentText.FindInvalidUtf8(utf8);
        if (invalid >= 0)
        {
            long line = text.LineOf(invalid);
            int lineStart = utf8[..invalid].LastIndexOf((byte)'\n') + 1;
            return PolicyDocumentCheck.Only(SyntaxError(line, invalid - lineStart + 1, "The document is not valid UTF-8."));
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            return PolicyDocumentCheck.Only(SyntaxError(1, 1, "The document is empty."));
        }

        var checker = new PolicyDocumentChecker(text, context);
        var reader = new Utf8JsonReader(utf8, s_readerOptions);
        bool isObject;
        try
        {
            reader.Read();
            isObject = reader.TokenType == JsonTokenType.StartObject;
            checker.CheckValue(ref reader, typeof(PolicyDocument), Root);
            while (reader.Read())
            {
                // A second top-level value makes the reader throw; whitespace ends the loop.
            }
        }
        catch (JsonException exception)
        {
            return PolicyDocumentCheck.Only(SyntaxError((exception.LineNumber ?? 0) + 1, (exception.BytePositionInLine ?? 0) + 1, Describe(exception)));
        }

        // A document of another version is read by other rules: nothing else of it is reported.
        return checker._versionError is { } versionError
            ? PolicyDocumentCheck.Only(versionError)
            : new PolicyDocumentCheck(checker._errors, readRest: isObject, [.. checker._unreadable.Distinct().Order()]);
    }

    /// <summary>Builds the error of a document that is not JSON at all, at a 1-based line and byte position.</summary>
    internal static AccessModelError SyntaxError(long line, long position, string message) =>
        new(AccessModelErrorCode.InvalidJson, string.Create(CultureInfo.InvariantCulture, $"{Root} (line {line}, position {position}): {message}"), [])
        {
            Path = Root,
            Line = line,
            BytePositionInLine = position,
        };

    private static string Describe(JsonException exception)
    {
        // The reader's messages end with its own 0-based "LineNumber: 0 | BytePositionInLine: 0."; ours are 1-based.
        string message = exception.Message;
        int suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (suffix >= 0 ? message[..suffix] : message).Trim();
        return $"The document is not valid JSON: {message}";
    }

    /// <summary>Reports a problem; past the cap, only counts it, without building its message. Either way, what holds
    /// the problem is left out of the rest of the document: the member, for a member that should not be there; else the
    /// row, inside a row; else the value.</summary>
    private void Add(AccessModelErrorCode code, string path, long offset, [InterpolatedStringHandlerArgument("")] ref Message message, params string[] ids)
    {
        if (code is AccessModelErrorCode.UnknownMember or AccessModelErrorCode.DuplicateMember)
        {
            _unreadable.Add(offset);
        }
        else if (_row >= 0)
        {
            _unreadable.Add(_row);
        }
        else if (path != Root)
        {
            // A required member missing from the document (formatVersion) leaves nothing out: the rest is read as version 1.
            _unreadable.Add(offset);
        }

        if (_errors.IsFull)
        {
            _errors.AddUnreported();
            return;
        }

        _errors.Add(_text.Error(code, path, offset, message.ToStringAndClear(), ids));
    }

    private void CheckValue(ref Utf8JsonReader reader, Type type, string path, bool rows = false)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (underlying is null)
            {
                AddWrongType(ref reader, type, path);
            }

            return;
        }

        type = underlying ?? type;
        JsonTypeInfo info = _context.GetTypeInfo(type) ?? throw new InvalidOperationException($"No metadata for {type}.");
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(ref reader, info, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                CheckArray(ref reader, type, path, rows);
                break;
            default:
                CheckScalar(ref reader, type, path);
                break;
        }
    }

    private void CheckObject(ref Utf8JsonReader reader, JsonTypeInfo info, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            AddWrongType(ref reader, info.Type, path);
            return;
        }

        long start = reader.TokenStartIndex;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // A name that is not Unicode text is kept as the document escapes it: no member of the format has it.
            string name = PolicyDocumentText.GetText(ref reader, out string? loneSurrogate);
            string memberPath = PolicyDocumentText.Child(path, name, asWritten: loneSurrogate is not null);
            long nameOffset = reader.TokenStartIndex;
            JsonPropertyInfo? property = loneSurrogate is null ? Find(info, name) : null;
            reader.Read();
            if (property is null)
            {
                Add(AccessModelErrorCode.UnknownMember, memberPath, nameOffset, $"Member {MessageText.Quote(name)} is not part of the format{Expected(info)}.", name);
                reader.Skip();
            }
            else if (!seen.Add(name))
            {
                Add(AccessModelErrorCode.DuplicateMember, memberPath, nameOffset, $"Member {MessageText.Quote(name)} appears more than once.", name);
                reader.Skip();
            }
            else if (path == Root && name == "formatVersion")
            {
                CheckFormatVersion(ref reader, memberPath);
            }
            else if (path == Root && name == SchemaMember)
            {
                // Editors read it; this library accepts any string and ignores it.
                CheckScalar(ref reader, typeof(string), memberPath, allowEmpty: true);
            }
            else
            {
                CheckValue(ref reader, property.PropertyType, memberPath, rows: path == Root);
            }
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.IsRequired && !seen.Contains(property.Name))
            {
                Add(AccessModelErrorCode.MissingMember, path, start, $"Required member {MessageText.Quote(property.Name)} is missing.", property.Name);
            }
        }
    }

    private static JsonPropertyInfo? Find(JsonTypeInfo info, string name)
    {
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Lists the members an object may have, once per object type and document.</summary>
    private string Expected(JsonTypeInfo info)
    {
        if (!_expected.TryGetValue(info.Type, out string? expected))
        {
            IEnumerable<string> names = info.Properties.Select(p => MessageText.Quote(p.Name));
            expected = info.Properties.Count == 0 ? string.Empty : $" here; expected one of {string.Join(", ", names)}";
            _expected.Add(info.Type, expected);
        }

        return expected;
    }

    private void CheckFormatVersion(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int version))
        {
            CheckScalar(ref reader, typeof(int), path);
            return;
        }

        if (version != AccessPolicyJson.FormatVersion)
        {
            string text = version.ToString(CultureInfo.InvariantCulture);
            _versionError = _text.Error(
                AccessModelErrorCode.UnsupportedFormatVersion,
                path,
                reader.TokenStartIndex,
                string.Create(CultureInfo.InvariantCulture, $"Format version `{text}` is not supported; this library reads version {AccessPolicyJson.FormatVersion}."),
                text);
        }
    }

    /// <param name="reader">The reader, at the array.</param>
    /// <param name="type">The array's type.</param>
    /// <param name="path">The array's path.</param>
    /// <param name="rows">Whether the array is a top-level list, whose elements are rows.</param>
    private void CheckArray(ref Utf8JsonReader reader, Type type, string path, bool rows)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            AddWrongType(ref reader, type, path);
            return;
        }

        Type element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
        HashSet<string>? names = element.IsEnum ? new HashSet<string>(StringComparer.Ordinal) : null;
        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _row = rows ? reader.TokenStartIndex : _row;
            string elementPath = PolicyDocumentText.Index(path, index++);
            if (names is not null && reader.TokenType == JsonTokenType.String
                && PolicyDocumentText.GetText(ref reader, out string? loneSurrogate) is var name && loneSurrogate is null
                && !names.Add(name))
            {
                Add(AccessModelErrorCode.InvalidValue, elementPath, reader.TokenStartIndex, $"{MessageText.Quote(name)} is listed more than once.", name);
                continue;
            }

            CheckValue(ref reader, element, elementPath);
        }

        _row = rows ? -1 : _row;
    }

    private void CheckScalar(ref Utf8JsonReader reader, Type type, string path, bool allowEmpty = false)
    {
        long offset = reader.TokenStartIndex;
        if (type == typeof(bool))
        {
            if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
            {
                AddWrongType(ref reader, type, path);
            }

            return;
        }

        if (type == typeof(int))
        {
            if (reader.TokenType != JsonTokenType.Number)
            {
                AddWrongType(ref reader, type, path);
            }
            else if (!reader.TryGetInt32(out _))
            {
                string raw = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(raw)} is not a whole number from {int.MinValue} to {int.MaxValue}.", raw);
            }

            return;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            AddWrongType(ref reader, type, path);
            return;
        }

        string value = PolicyDocumentText.GetText(ref reader, out string? loneSurrogate);
        if (loneSurrogate is not null)
        {
            Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(value)} is not Unicode text: the escape `{loneSurrogate}` is half of a surrogate pair.", value);
        }
        else if (type == typeof(string))
        {
            if (!allowEmpty && string.IsNullOrWhiteSpace(value))
            {
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"The value is empty; expected a non-empty string.");
            }
        }
        else if (type == typeof(Guid))
        {
            if (!reader.TryGetGuid(out _))
            {
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(value)} is not a GUID; expected the form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.", value);
            }
        }
        else if (type == typeof(DateTimeOffset))
        {
            if (!reader.TryGetDateTimeOffset(out _) || !HasTimeAndOffset(value))
            {
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(value)} is not an ISO 8601 instant with an offset, such as `2025-06-30T18:00:00+02:00`.", value);
            }
        }
        else if (type == typeof(DateOnly))
        {
            if (!IsDate(value))
            {
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(value)} is not a date in the form `yyyy-MM-dd`, such as `2025-06-30`.", value);
            }
        }
        else if (type.IsEnum)
        {
            string[] names = Enum.GetNames(type);
            if (Array.IndexOf(names, value) < 0 && !(type == typeof(AdminUnitKind) && AdminUnitKindConverter.Aliases.ContainsKey(value)))
            {
                Add(AccessModelErrorCode.InvalidValue, path, offset, $"{MessageText.Quote(value)} is not one of {string.Join(", ", names.Select(n => $"`{n}`"))}.", value);
            }
        }
        else
        {
            throw new InvalidOperationException($"The policy document has a member of type {type}, which the checker does not know.");
        }
    }

    /// <summary>Whether a string is a calendar date written exactly <c>yyyy-MM-dd</c>, as the deserializer reads it.</summary>
    internal static bool IsDate(string value) =>
        value.Length == 10
        && DateOnly.TryParseExact(value, "yyyy'-'MM'-'dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    internal static bool HasTimeAndOffset(string value) =>
        value.Contains('T', StringComparison.Ordinal)
        && (value.EndsWith('Z') || (value.Length > 6 && value[^6] is '+' or '-' && value[^3] == ':'));

    private void AddWrongType(ref Utf8JsonReader reader, Type type, string path)
    {
        Add(AccessModelErrorCode.InvalidType, path, reader.TokenStartIndex, $"Expected {Describe(type)}, found {Describe(reader.TokenType)}.");
        reader.Skip();
    }

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(bool) ? "`true` or `false`"
            : type == typeof(int) ? "a whole number"
            : type == typeof(string) ? "a string"
            : type == typeof(Guid) ? "a GUID string"
            : type == typeof(DateTimeOffset) ? "an ISO 8601 instant string"
            : type == typeof(DateOnly) ? "a date string (`yyyy-MM-dd`)"
            : type.IsEnum ? "a string naming a value"
            : type.IsGenericType || type.IsArray ? "an array"
            : "an object";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "`" + (token == JsonTokenType.True ? "true" : "false") + "`",
        JsonTokenType.Null => "`null`",
        _ => token.ToString(),
    };

    /// <summary>Builds the message of a problem only while problems are still reported, so that the problems past the
    /// cap cost no text (a document of 200,000 unknown members would otherwise build 200,000 messages).</summary>
    [InterpolatedStringHandler]
    private ref struct Message
    {
        private DefaultInterpolatedStringHandler _text;

        public Message(int literalLength, int formattedCount, PolicyDocumentChecker checker, out bool isEnabled)
        {
            isEnabled = !checker._errors.IsFull;
            _text = isEnabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }
}
