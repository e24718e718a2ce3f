using System.Text.Json;

namespace Creatio.AccessControl.Serialization;

/// <summary>Points the errors the model validator found back into the policy document they came from.</summary>
/// <remarks>The validator names the row (list and index) and member of each problem; because the document's arrays
/// map row for row onto the model's lists, that is a JSON path. The most precise path present in the document wins:
/// the member, else the row (a member the document leaves out), else the list (a built-in row the builder added),
/// else the document.</remarks>
internal static class PolicyErrorLocator
{
    private const string Root = "$";

    /// <summary>Returns the problems of a model read from a document, each located in the document; the count of
    /// those not reported is kept.</summary>
    public static IReadOnlyList<AccessModelError> Locate(PolicyDocumentText text, AccessModelValidationException invalid)
    {
        var located = new AccessModelErrorList();
        Locate(text, invalid, rest: null, located);
        return located;
    }

    /// <summary>Adds the problems of a model read from the rest of a document (<paramref name="rest"/>) to a list, each
    /// located in the document, and counts those not reported. A reference to what a row left out of the rest defined
    /// is not a problem of its own (the row's problem is reported), and neither is any reference when a whole list of
    /// definitions was left out.</summary>
    public static void Locate(PolicyDocumentText text, AccessModelValidationException invalid, PolicyDocumentRemainder? rest, AccessModelErrorList located)
    {
        IReadOnlyList<AccessModelError> errors = invalid.Errors;
        var candidates = new List<string[]>(errors.Count);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (AccessModelError error in errors)
        {
            string[] paths = Candidates(error.Row is { } row && rest is not null && row.List != ModelList.Settings
                ? row with { Index = rest.DocumentIndex(ListMember(row.List), row.Index) }
                : error.Row);
            candidates.Add(paths);
            wanted.UnionWith(paths);
        }

        Dictionary<string, long> offsets = FindOffsets(text.Utf8.Span, wanted);
        for (int i = 0; i < errors.Count; i++)
        {
            AccessModelError error = errors[i];
            string path = candidates[i].FirstOrDefault(offsets.ContainsKey) ?? Root;
            long offset = offsets.GetValueOrDefault(path);
            if (rest is not null && error.Code == AccessModelErrorCode.DanglingReference
                && (rest.LeftOutADefiningList || (StringAt(text.Utf8.Span, offset) is { } value && rest.IsLeftOut(value))))
            {
                continue;
            }

            long line = text.LineOf(offset);
            located.Add(error with
            {
                Message = PolicyDocumentText.Locate(path, line, error.Message),
                Path = path,
                Line = line,
                Row = null,
            });
        }

        located.AddUnreported(invalid.TotalErrorCount - errors.Count);
    }

    /// <summary>Returns the warnings of a model read from a document, each located in the document.</summary>
    public static IReadOnlyList<AccessModelWarning> Locate(PolicyDocumentText text, IReadOnlyList<AccessModelWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            return warnings;
        }

        string[][] candidates = [.. warnings.Select(w => Candidates(w.Row))];
        Dictionary<string, long> offsets = FindOffsets(text.Utf8.Span, [.. candidates.SelectMany(c => c)]);
        var located = new List<AccessModelWarning>(warnings.Count);
        for (int i = 0; i < warnings.Count; i++)
        {
            string path = candidates[i].FirstOrDefault(offsets.ContainsKey) ?? Root;
            long line = text.LineOf(offsets.GetValueOrDefault(path));
            located.Add(warnings[i] with { Message = PolicyDocumentText.Locate(path, line, warnings[i].Message), Path = path, Line = line, Row = null });
        }

        return located;
    }

    /// <summary>The string a document holds at an offset, or <see langword="null"/> when another value starts there.</summary>
    private static string? StringAt(ReadOnlySpan<byte> utf8, long offset)
    {
        var reader = new Utf8JsonReader(utf8[(int)offset..], isFinalBlock: false, state: default);
        return reader.Read() && reader.TokenType == JsonTokenType.String ? PolicyDocumentText.GetText(ref reader, out _) : null;
    }

    private static string[] Candidates(ModelRowReference? row)
    {
        if (row is not { } at)
        {
            return [Root];
        }

        string list = PolicyDocumentText.Child(Root, ListMember(at.List));
        string item = at.List == ModelList.Settings ? list : PolicyDocumentText.Index(list, at.Index);
        if (at.Member is not { } member)
        {
            return [item, list, Root];
        }

        // A member path such as `workplaces[2]` or `supportAccess.timeZoneId` falls back to each enclosing value
        // (`workplaces`, `supportAccess`) before the row.
        var paths = new List<string> { $"{item}.{member}" };
        for (int end = member.Length - 1; end > 0; end--)
        {
            if (member[end] is '.' or '[')
            {
                paths.Add($"{item}.{member[..end]}");
            }
        }

        paths.AddRange(item == list ? [item, Root] : [item, list, Root]);
        return [.. paths];
    }

    private static string ListMember(ModelList list) => list switch
    {
        ModelList.Users => "users",
        ModelList.Roles => "roles",
        ModelList.Memberships => "memberships",
        ModelList.FunctionalLinks => "functionalLinks",
        ModelList.Delegations => "delegations",
        ModelList.RolesNotInheritedByManagers => "rolesNotInheritedByManagers",
        ModelList.Objects => "objects",
        ModelList.ObjectOperationRows => "objectOperationRows",
        ModelList.ColumnRightRows => "columnRightRows",
        ModelList.Records => "records",
        ModelList.RecordRightRows => "recordRightRows",
        ModelList.DefaultRecordRightRules => "defaultRecordRightRules",
        ModelList.SystemOperations => "systemOperations",
        ModelList.SystemOperationRows => "systemOperationRows",
        ModelList.Settings => "settings",
        ModelList.Workplaces => "workplaces",
        ModelList.SupportGrants => "supportGrants",
        _ => throw new ArgumentOutOfRangeException(nameof(list), list, "Unknown model list."),
    };

    private static Dictionary<string, long> FindOffsets(ReadOnlySpan<byte> utf8, HashSet<string> wanted)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8);
        reader.Read();
        Walk(ref reader, Root, wanted, found);
        return found;
    }

    private static void Walk(ref Utf8JsonReader reader, string path, HashSet<string> wanted, Dictionary<string, long> found)
    {
        if (wanted.Contains(path))
        {
            found.TryAdd(path, reader.TokenStartIndex);
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = PolicyDocumentText.GetText(ref reader, out string? loneSurrogate);
                string child = PolicyDocumentText.Child(path, name, asWritten: loneSurrogate is not null);
                reader.Read();
                Walk(ref reader, child, wanted, found);
            }
        }
        else if (reader.TokenType == JsonTokenType.StartArray)
        {
            int index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                Walk(ref reader, PolicyDocumentText.Index(path, index++), wanted, found);
            }
        }
    }
}
