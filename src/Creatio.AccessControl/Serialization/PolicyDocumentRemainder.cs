using System.Buffers;
using System.Text.Json;

namespace Creatio.AccessControl.Serialization;

/// <summary>What can be read of a document with problems of shape: the document without its unreadable rows, members
/// and values, so that the references of the rest are checked in the same pass.</summary>
/// <remarks>
/// <para>A row (an element of a top-level list) with a problem is left out whole; a member that should not be there is
/// left out alone, and so is a value with a problem outside the rows (a setting, which then takes its default). The
/// rest is copied byte for byte, and the format version is written as the one this library reads.</para>
/// <para>Rows left out shift the rows after them: <see cref="DocumentIndex"/> gives a row's index in the document from its
/// index in the rest. What the rows left out defined (a user's or role's id, an object's name…) is kept in
/// <see cref="IsLeftOut"/>, so that a reference to it is not reported as well: the problem is the row's.</para>
/// </remarks>
internal sealed class PolicyDocumentRemainder
{
    // The member of a row of each list that names what the row defines, as other rows refer to it.
    private static readonly Dictionary<string, string> s_definingMembers = new(StringComparer.Ordinal)
    {
        ["users"] = "id",
        ["roles"] = "id",
        ["objects"] = "name",
        ["records"] = "id",
        ["systemOperations"] = "code",
        ["workplaces"] = "name",
        ["supportGrants"] = "id",
    };

    private readonly ReadOnlyMemory<byte> _source;
    private readonly long[] _unreadable;
    private readonly ArrayBufferWriter<byte> _output;
    private readonly Dictionary<string, (int[] Kept, int Count)> _rows = new(StringComparer.Ordinal);
    private readonly HashSet<string> _leftOut = new(StringComparer.Ordinal);

    private PolicyDocumentRemainder(ReadOnlyMemory<byte> source, long[] unreadable)
    {
        _source = source;
        _unreadable = unreadable;
        _output = new ArrayBufferWriter<byte>(source.Length);
    }

    /// <summary>Gets the rest of the document, as UTF-8.</summary>
    public ReadOnlyMemory<byte> Utf8 => _output.WrittenMemory;

    /// <summary>Gets whether a list that defines what other rows refer to (users, roles, objects…) was left out whole:
    /// then no reference into it can be told apart from a reference to something left out.</summary>
    public bool LeftOutADefiningList { get; private set; }

    /// <summary>Returns the rest of a document the checker found problems in.</summary>
    /// <param name="utf8">The document; the checker has found it well-formed JSON with an object at its root.</param>
    /// <param name="unreadable">The offsets of what to leave out, in ascending order.</param>
    public static PolicyDocumentRemainder Create(ReadOnlyMemory<byte> utf8, long[] unreadable)
    {
        var remainder = new PolicyDocumentRemainder(utf8, unreadable);
        remainder.CopyRoot();
        return remainder;
    }

    /// <summary>Returns the index in the document of the row at an index of a top-level list of the rest.</summary>
    /// <remarks>An index past the rows of the rest (a built-in row the builder added) stays past the rows of the
    /// document.</remarks>
    public int DocumentIndex(string list, int index) =>
        !_rows.TryGetValue(list, out (int[] Kept, int Count) rows) ? index
        : index < rows.Kept.Length ? rows.Kept[index]
        : rows.Count + (index - rows.Kept.Length);

    /// <summary>Whether a value (an id, a name, a code) was defined by a row left out.</summary>
    public bool IsLeftOut(string value) => _leftOut.Contains(Normalize(value));

    private static string Normalize(string value) => Guid.TryParse(value, out Guid id) ? id.ToString("D") : value;

    private void CopyRoot()
    {
        var reader = new Utf8JsonReader(_source.Span);
        reader.Read();
        Write("{\"formatVersion\":"u8);
        Write(System.Text.Encoding.UTF8.GetBytes(AccessPolicyJson.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            long nameStart = reader.TokenStartIndex;
            string name = PolicyDocumentText.GetText(ref reader, out _);
            reader.Read();
            long valueStart = reader.TokenStartIndex;
            if (name == "formatVersion" || IsUnreadable(nameStart) || IsUnreadable(valueStart))
            {
                // A list of the wrong type is left out whole; an unknown or repeated member is not a list of the format.
                LeftOutADefiningList |= !IsUnreadable(nameStart) && IsUnreadable(valueStart) && s_definingMembers.ContainsKey(name);
                reader.Skip();
                continue;
            }

            Write(","u8);
            if (reader.TokenType == JsonTokenType.StartArray && Contains(valueStart, End(reader)))
            {
                Write(_source.Span[(int)nameStart..(int)valueStart]);
                CopyRows(ref reader, name);
            }
            else
            {
                CopyMember(ref reader, nameStart);
            }
        }

        Write("}"u8);
    }

    /// <summary>Copies a top-level list without its unreadable rows, noting which rows are kept and what the others
    /// defined.</summary>
    private void CopyRows(ref Utf8JsonReader reader, string list)
    {
        var kept = new List<int>();
        int index = 0;
        Write("["u8);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            long start = reader.TokenStartIndex;
            if (IsUnreadable(start))
            {
                NoteDefinition(ref reader, list);
            }
            else
            {
                Write(kept.Count == 0 ? ""u8 : ","u8);
                kept.Add(index);
                CopyValue(ref reader);
            }

            index++;
        }

        Write("]"u8);
        _rows[list] = ([.. kept], index);
    }

    /// <summary>Notes what a row left out defined, and skips it.</summary>
    private void NoteDefinition(ref Utf8JsonReader reader, string list)
    {
        if (reader.TokenType != JsonTokenType.StartObject || !s_definingMembers.TryGetValue(list, out string? member))
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool defining = PolicyDocumentText.GetText(ref reader, out _) == member;
            reader.Read();
            if (defining && reader.TokenType == JsonTokenType.String)
            {
                _leftOut.Add(Normalize(PolicyDocumentText.GetText(ref reader, out _)));
            }

            reader.Skip();
        }
    }

    /// <summary>Copies a member whole, or without what is unreadable inside its value.</summary>
    private void CopyMember(ref Utf8JsonReader reader, long nameStart)
    {
        long valueStart = reader.TokenStartIndex;
        if (!Contains(valueStart, End(reader)))
        {
            reader.Skip();
            Write(_source.Span[(int)nameStart..(int)reader.BytesConsumed]);
            return;
        }

        Write(_source.Span[(int)nameStart..(int)valueStart]);
        CopyValue(ref reader);
    }

    /// <summary>Copies a value whole, or, when something inside it is unreadable, its readable parts.</summary>
    private void CopyValue(ref Utf8JsonReader reader)
    {
        long start = reader.TokenStartIndex;
        if (!Contains(start, End(reader)))
        {
            reader.Skip();
            Write(_source.Span[(int)start..(int)reader.BytesConsumed]);
            return;
        }

        bool first = true;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            Write("{"u8);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                long nameStart = reader.TokenStartIndex;
                reader.Read();
                if (IsUnreadable(nameStart) || IsUnreadable(reader.TokenStartIndex))
                {
                    reader.Skip();
                    continue;
                }

                Write(first ? ""u8 : ","u8);
                first = false;
                CopyMember(ref reader, nameStart);
            }

            Write("}"u8);
        }
        else
        {
            Write("["u8);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (IsUnreadable(reader.TokenStartIndex))
                {
                    reader.Skip();
                    continue;
                }

                Write(first ? ""u8 : ","u8);
                first = false;
                CopyValue(ref reader);
            }

            Write("]"u8);
        }
    }

    /// <summary>The offset just past the value a reader is at, read on a copy of the reader.</summary>
    private static long End(Utf8JsonReader reader)
    {
        reader.Skip();
        return reader.BytesConsumed;
    }

    private bool IsUnreadable(long offset) => Array.BinarySearch(_unreadable, offset) >= 0;

    /// <summary>Whether something unreadable starts inside <c>[start, end)</c>.</summary>
    private bool Contains(long start, long end)
    {
        int index = Array.BinarySearch(_unreadable, start);
        index = index >= 0 ? index : ~index;
        return index < _unreadable.Length && _unreadable[index] < end;
    }

    private void Write(ReadOnlySpan<byte> bytes) => _output.Write(bytes);
}
