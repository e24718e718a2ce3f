using System.Text.Json;

namespace Creatio.AccessControl.Cli;

/// <summary>One request of a test file and the decision it expects.</summary>
internal sealed record TestCase(
    int Index,
    string Description,
    string? User,
    string? SupportGrant,
    RequestSpec Request,
    AccessOutcome Decision,
    AccessStage? Stage,
    AccessReason? Reason);

/// <summary>A test file: a policy (inline or a sibling file), the instant requests are made at, and the requests.</summary>
/// <remarks>Read with <see cref="JsonDocument"/> and checked member by member (no reflection serialization); unknown
/// and repeated members are refused, and every problem is reported at once with its JSON path.</remarks>
internal sealed class TestFile
{
    private static readonly string[] s_rootMembers = ["description", "policy", "policyFile", "now", "requests"];
    private static readonly string[] s_requestMembers =
        ["description", "user", "supportGrant", "kind", "object", "record", "column", "operation", "expect"];

    private static readonly string[] s_expectMembers = ["decision", "stage", "reason"];

    private readonly List<string> _errors = [];

    private TestFile()
    {
    }

    /// <summary>Gets the inline policy document's text, padded with line feeds so that its lines are the test file's.</summary>
    public string? InlinePolicy { get; private set; }

    /// <summary>Gets the policy file's path, relative to the test file.</summary>
    public string? PolicyFile { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public List<TestCase> Cases { get; } = [];

    public IReadOnlyList<string> Errors => _errors;

    public static TestFile Parse(ReadOnlyMemory<byte> utf8)
    {
        var file = new TestFile();
        if (utf8.Span.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            file._errors.Add($"$ (line {exception.LineNumber + 1}): The file is not valid JSON: {exception.Message}");
            return file;
        }

        using (document)
        {
            file.ReadRoot(document.RootElement, utf8.Span);
        }

        return file;
    }

    private void ReadRoot(JsonElement root, ReadOnlySpan<byte> utf8)
    {
        if (!Members(root, "$", s_rootMembers, out Dictionary<string, JsonElement> members))
        {
            return;
        }

        bool hasPolicy = members.TryGetValue("policy", out JsonElement policy);
        bool hasPolicyFile = members.TryGetValue("policyFile", out JsonElement policyFile);
        if (hasPolicy == hasPolicyFile)
        {
            _errors.Add("$: Give exactly one of `policy` (an inline policy document) and `policyFile` (a path relative to the test file).");
        }
        else if (hasPolicy)
        {
            if (policy.ValueKind != JsonValueKind.Object)
            {
                _errors.Add($"$.policy: Expected an object, found {Describe(policy)}.");
            }
            else
            {
                InlinePolicy = new string('\n', LineOfMember(utf8, "policy") - 1) + policy.GetRawText();
            }
        }
        else
        {
            PolicyFile = String(policyFile, "$.policyFile");
        }

        if (members.TryGetValue("description", out JsonElement description))
        {
            String(description, "$.description");
        }

        if (!members.TryGetValue("now", out JsonElement now))
        {
            _errors.Add("$: Missing required member `now` (an ISO 8601 instant).");
        }
        else if (String(now, "$.now") is { } text)
        {
            if (Values.Instant(text, out DateTimeOffset instant) is { } error)
            {
                _errors.Add($"$.now: {error}");
            }

            Now = instant;
        }

        if (!members.TryGetValue("requests", out JsonElement requests))
        {
            _errors.Add("$: Missing required member `requests`.");
        }
        else if (requests.ValueKind != JsonValueKind.Array)
        {
            _errors.Add($"$.requests: Expected an array, found {Describe(requests)}.");
        }
        else if (requests.GetArrayLength() == 0)
        {
            _errors.Add("$.requests: The test file has no requests.");
        }
        else
        {
            int index = 0;
            foreach (JsonElement request in requests.EnumerateArray())
            {
                ReadRequest(request, index++);
            }
        }
    }

    private void ReadRequest(JsonElement element, int index)
    {
        string path = $"$.requests[{index}]";
        if (!Members(element, path, s_requestMembers, out Dictionary<string, JsonElement> members))
        {
            return;
        }

        string? description = Required(members, path, "description");
        string? user = Optional(members, path, "user");
        string? grant = Optional(members, path, "supportGrant");
        string? kindText = Required(members, path, "kind");
        string? objectName = Optional(members, path, "object");
        string? record = Optional(members, path, "record");
        string? column = Optional(members, path, "column");
        string? operation = Required(members, path, "operation");
        if (user is null && grant is null)
        {
            _errors.Add($"{path}: Missing required member `user` (or `supportGrant` for a support session).");
        }

        AccessRequestKind kind = default;
        if (kindText is not null && !RequestSpec.Kinds.TryGetValue(kindText, out kind))
        {
            _errors.Add($"{path}.kind: `{kindText}` is not a request kind; expected one of {CommandLine.List(RequestSpec.Kinds.Keys)}.");
            kindText = null;
        }

        AccessOutcome decision = default;
        AccessStage? stage = null;
        AccessReason? reason = null;
        bool expectOk = false;
        if (!members.TryGetValue("expect", out JsonElement expect))
        {
            _errors.Add($"{path}: Missing required member `expect`.");
        }
        else if (Members(expect, $"{path}.expect", s_expectMembers, out Dictionary<string, JsonElement> expected))
        {
            expectOk = true;
            if (Required(expected, $"{path}.expect", "decision") is { } text)
            {
                if (text is not ("Allow" or "Deny"))
                {
                    _errors.Add($"{path}.expect.decision: `{text}` is not a decision; expected `Allow` or `Deny`.");
                    expectOk = false;
                }

                decision = text == "Allow" ? AccessOutcome.Allow : AccessOutcome.Deny;
            }
            else
            {
                expectOk = false;
            }

            stage = Enum<AccessStage>(expected, $"{path}.expect", "stage", "stage", ref expectOk);
            reason = Enum<AccessReason>(expected, $"{path}.expect", "reason", "reason", ref expectOk);
        }

        if (description is null || kindText is null || operation is null || !expectOk || (user is null && grant is null))
        {
            return;
        }

        var spec = new RequestSpec(kind, objectName, record, column, operation);
        if (spec.TryBuild(n => $"`{n}`", out _) is { } error)
        {
            _errors.Add($"{path}: {error}");
            return;
        }

        Cases.Add(new TestCase(index, description, user, grant, spec, decision, stage, reason));
    }

    private T? Enum<T>(Dictionary<string, JsonElement> members, string path, string name, string what, ref bool ok)
        where T : struct, System.Enum
    {
        if (Optional(members, path, name) is not { } text)
        {
            ok &= !members.ContainsKey(name);
            return null;
        }

        // Expectations name stages and reasons exactly as the engine does.
        if (Values.Name(text, what, out T value) is { } error || !string.Equals(value.ToString(), text, StringComparison.Ordinal))
        {
            _errors.Add($"{path}.{name}: `{text}` is not {Values.Article(what)} {what}; expected one of {CommandLine.List(System.Enum.GetNames<T>())}.");
            ok = false;
            return null;
        }

        return value;
    }

    private bool Members(JsonElement element, string path, string[] allowed, out Dictionary<string, JsonElement> members)
    {
        members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            _errors.Add($"{path}: Expected an object, found {Describe(element)}.");
            return false;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                _errors.Add($"{path}: Member `{property.Name}` is not part of the test file format here; expected one of {CommandLine.List(allowed)}.");
            }
            else if (!members.TryAdd(property.Name, property.Value))
            {
                _errors.Add($"{path}: Member `{property.Name}` appears more than once.");
            }
        }

        return true;
    }

    private string? Required(Dictionary<string, JsonElement> members, string path, string name)
    {
        if (!members.TryGetValue(name, out JsonElement value))
        {
            _errors.Add($"{path}: Missing required member `{name}`.");
            return null;
        }

        return String(value, $"{path}.{name}");
    }

    private string? Optional(Dictionary<string, JsonElement> members, string path, string name) =>
        members.TryGetValue(name, out JsonElement value) ? String(value, $"{path}.{name}") : null;

    private string? String(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _errors.Add($"{path}: Expected a string, found {Describe(value)}.");
            return null;
        }

        string text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            _errors.Add($"{path}: Expected a non-empty string.");
            return null;
        }

        return text;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    /// <summary>The 1-based line on which the value of a top-level member starts.</summary>
    private static int LineOfMember(ReadOnlySpan<byte> utf8, string name)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name))
            {
                reader.Read();
                long offset = reader.TokenStartIndex;
                return 1 + utf8[..(int)offset].Count((byte)'\n');
            }

            if (reader.CurrentDepth >= 1 && reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }

        return 1;
    }
}
