using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Creatio.AccessControl.Serialization;

/// <summary>The UTF-8 text of a policy document, with what errors need to point into it: line numbers and JSON paths.</summary>
internal sealed class PolicyDocumentText
{
    private int[]? _lineStarts;

    public PolicyDocumentText(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <summary>Returns the 1-based line of a byte offset.</summary>
    public long LineOf(long offset)
    {
        _lineStarts ??= FindLineStarts(Utf8.Span);
        int index = Array.BinarySearch(_lineStarts, checked((int)offset));
        return index >= 0 ? index + 1 : ~index;
    }

    private static int[] FindLineStarts(ReadOnlySpan<byte> text)
    {
        var starts = new List<int> { 0 };
        int offset = 0;
        int next;
        while ((next = text[offset..].IndexOf((byte)'\n')) >= 0)
        {
            offset += next + 1;
            starts.Add(offset);
        }

        return [.. starts];
    }

    /// <summary>Builds an error located at a path and a byte offset of the document.</summary>
    public AccessModelError Error(AccessModelErrorCode code, string path, long offset, string message, params string[] ids)
    {
        long line = LineOf(offset);
        return new AccessModelError(code, Locate(path, line, message), ids) { Path = path, Line = line };
    }

    /// <summary>Prefixes an error message with where the problem is, as every message of a document error reads.</summary>
    public static string Locate(string path, long? line, string message) =>
        line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{path} (line {l}): {message}") : $"{path}: {message}";

    /// <summary>Appends a member to a JSON path: <c>.name</c> when the name is an identifier, else <c>['name']</c>; a
    /// name that is not Unicode text is given as the document escapes it (<c>['\ud800']</c>).</summary>
    public static string Child(string path, string member, bool asWritten = false)
    {
        if (asWritten)
        {
            return $"{path}['{member.Replace("'", "\\'", StringComparison.Ordinal)}']";
        }

        bool plain = member.Length > 0 && !char.IsAsciiDigit(member[0]);
        foreach (char c in member)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        return plain ? $"{path}.{member}" : $"{path}['{member.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    /// <summary>Returns the text of the current string or member name of a reader; when it is not Unicode text (an
    /// escape of half a surrogate pair, which <see cref="Utf8JsonReader.GetString"/> refuses), returns the text as the
    /// document escapes it and the offending escape.</summary>
    public static string GetText(ref Utf8JsonReader reader, out string? loneSurrogate)
    {
        loneSurrogate = null;
        if (reader.ValueIsEscaped && !reader.HasValueSequence && FindLoneSurrogate(reader.ValueSpan) is { } at)
        {
            loneSurrogate = Encoding.UTF8.GetString(reader.ValueSpan.Slice(at, 6));
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }

        return reader.GetString()!;
    }

    /// <summary>Returns the offset of the first <c>\uXXXX</c> escape of half a surrogate pair that is not paired,
    /// in the raw text of a JSON string the reader has validated, or <see langword="null"/>.</summary>
    private static int? FindLoneSurrogate(ReadOnlySpan<byte> escaped)
    {
        int i = 0;
        int next;
        while ((next = escaped[i..].IndexOf((byte)'\\')) >= 0)
        {
            i += next;
            if (escaped[i + 1] != 'u')
            {
                i += 2;
                continue;
            }

            char unit = Hex(escaped.Slice(i + 2, 4));
            if (char.IsHighSurrogate(unit)
                && i + 12 <= escaped.Length && escaped[i + 6] == '\\' && escaped[i + 7] == 'u'
                && char.IsLowSurrogate(Hex(escaped.Slice(i + 8, 4))))
            {
                i += 12;
            }
            else if (char.IsSurrogate(unit))
            {
                return i;
            }
            else
            {
                i += 6;
            }
        }

        return null;
    }

    private static char Hex(ReadOnlySpan<byte> digits) =>
        (char)ushort.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Appends an array index to a JSON path.</summary>
    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>Returns the index of the first character of a string that is half of a surrogate pair without its
    /// other half, or -1.</summary>
    public static int FindLoneSurrogate(ReadOnlySpan<char> text)
    {
        int offset = 0;
        int next;
        while ((next = text[offset..].IndexOfAnyInRange('\uD800', '\uDFFF')) >= 0)
        {
            offset += next;
            if (!char.IsHighSurrogate(text[offset]) || offset + 1 == text.Length || !char.IsLowSurrogate(text[offset + 1]))
            {
                return offset;
            }

            offset += 2;
        }

        return -1;
    }

    /// <summary>Returns the offset of the first byte that is not valid UTF-8, or -1.</summary>
    public static int FindInvalidUtf8(ReadOnlySpan<byte> text)
    {
        if (System.Text.Unicode.Utf8.IsValid(text))
        {
            return -1;
        }

        int offset = 0;
        while (offset < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
