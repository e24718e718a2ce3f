using System.Text.Json;

namespace Creatio.AccessControl.Cli;

/// <summary>One request of a test file and the decision it expects.</summary>
/// <param name="Index">The request's index in <c>requests</c>.</param>
/// <param name="Line">The 1-based line the request starts on.</param>
/// <param name="Description">What the case tests.</param>
/// <param name="User">The user as written (GUID or name), if any.</param>
/// <param name="SupportGrant">The support grant's GUID as written, if any.</param>
/// <param name="Request">The request.</param>
/// <param name="Decision">The expected outcome.</param>
/// <param name="Stage">The expected stage, if checked.</param>
/// <param name="Reason">The expected reason, if checked.</param>
internal sealed record TestCase(
    int Index,
    int Line,
    string Description,
    string? User,
    string? SupportGrant,
    RequestSpec Request,
    AccessOutcome Decision,
    AccessStage? Stage,
    AccessReason? Reason)
{
    /// <summary>Gets the case's JSON path.</summary>
    public string Path => $"$.requests[{Index}]";
}

/// <summary>A test file: a policy (inline or a sibling file), the instant requests are made at, and the requests.</summary>
/// <remarks>Read with <see cref="JsonDocument"/> and checked member by member (no reflection serialization); unknown
/// and repeated members are refused, and every problem is reported at once with its JSON path and line. The format is
/// described by <c>schemas/access-tests.v1.schema.json</c>.</remarks>
internal sealed class TestFile
{
    internal static readonly string[] RootMembers = ["$schema", "description", "policy", "policyFile", "now", "requests"];
    internal static readonly string[] RequestMembers =
        ["description", "user", "supportGrant", "kind", "object", "record", "column", "operation", "expect"];

    internal static readonly string[] ExpectMembers = ["decision", "stage", "reason"];

    private readonly List<string> _errors = [];
    private Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private TestFile()
    {
    }

    /// <summary>Gets the inline policy document's text, padded with line feeds so that its lines are the test file's.</summary>
    public string? InlinePolicy { get; private set; }

    /// <summary>Gets the policy file's path, relative to the test file.</summary>
    public string? PolicyFile { get; private set; }

    /// <summary>Gets the instant every request is made at.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>Gets the requests that were read whole.</summary>
    public List<TestCase> Cases { get; } = [];

    /// <summary>Gets the problems of the file, each <c>path (line N): message</c>.</summary>
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
            file._lines = JsonLines.Map(utf8.Span);
            file.ReadRoot(document.RootElement);
        }

        return file;
    }

    private void ReadRoot(JsonElement root)
    {
        if (!Members(root, "$", RootMembers, out Dictionary<string, JsonElement> members))
        {
            return;
        }

        if (members.TryGetValue("$schema", out JsonElement schema))
        {
            String(schema, "$.$schema");
        }

        bool hasPolicy = members.TryGetValue("policy", out JsonElement policy);
        bool hasPolicyFile = members.TryGetValue("policyFile", out JsonElement policyFile);
        if (hasPolicy == hasPolicyFile)
        {
            Add("$", "Give exactly one of `policy` (an inline policy document) and `policyFile` (a path relative to the test file).");
        }
        else if (hasPolicy)
        {
            if (policy.ValueKind != JsonValueKind.Object)
            {
                Add("$.policy", $"Expected an object, found {Describe(policy)}.");
            }
            else
            {
                InlinePolicy = new string('\n', Line("$.policy") - 1) + policy.GetRawText();
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
            Add("$", "Missing required member `now` (an ISO 8601 instant).");
        }
        else if (String(now, "$.now") is { } text)
        {
            if (Values.Instant(text, out DateTimeOffset instant) is { } error)
            {
                Add("$.now", error);
            }

            Now = instant;
        }

        if (!members.TryGetValue("requests", out JsonElement requests))
        {
            Add("$", "Missing required member `requests`.");
        }
        else if (requests.ValueKind != JsonValueKind.Array)
        {
            Add("$.requests", $"Expected an array, found {Describe(requests)}.");
        }
        else if (requests.GetArrayLength() == 0)
        {
            Add("$.requests", "The test file has no requests.");
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
        if (!Members(element, path, RequestMembers, out Dictionary<string, JsonElement> members))
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
            Add(path, "Missing required member `user` (or `supportGrant` for a support session).");
        }

        if (grant is not null && Values.Grant(grant, out _) is { } grantError)
        {
            Add($"{path}.supportGrant", grantError);
            grant = null;
        }

        AccessRequestKind kind = default;
        if (kindText is not null && !RequestSpec.Kinds.TryGetValue(kindText, out kind))
        {
            Add($"{path}.kind", $"`{kindText}` is not a request kind; expected one of {Values.Quote(RequestSpec.Kinds.Keys)}.");
            kindText = null;
        }

        AccessOutcome decision = default;
        AccessStage? stage = null;
        AccessReason? reason = null;
        bool expectOk = false;
        if (!members.TryGetValue("expect", out JsonElement expect))
        {
            Add(path, "Missing required member `expect`.");
        }
        else if (Members(expect, $"{path}.expect", ExpectMembers, out Dictionary<string, JsonElement> expected))
        {
            expectOk = true;
            if (Required(expected, $"{path}.expect", "decision") is { } text)
            {
                bool allow = string.Equals(text, "Allow", StringComparison.OrdinalIgnoreCase);
                if (!allow && !string.Equals(text, "Deny", StringComparison.OrdinalIgnoreCase))
                {
                    Add($"{path}.expect.decision", $"`{text}` is not a decision; expected `Allow` or `Deny`.");
                    expectOk = false;
                }

                decision = allow ? AccessOutcome.Allow : AccessOutcome.Deny;
            }
            else
            {
                expectOk = false;
            }

            stage = Enum<AccessStage>(expected, $"{path}.expect", "stage", ref expectOk);
            reason = Enum<AccessReason>(expected, $"{path}.expect", "reason", ref expectOk);
        }

        if (description is null || kindText is null || operation is null || !expectOk || (user is null && grant is null))
        {
            return;
        }

        var spec = new RequestSpec(kind, objectName, record, column, operation);
        if (spec.TryBuild(n => $"`{n}`", out _) is { } error)
        {
            Add(path, error);
            return;
        }

        Cases.Add(new TestCase(index, Line(path), description, user, grant, spec, decision, stage, reason));
    }

    private T? Enum<T>(Dictionary<string, JsonElement> members, string path, string name, ref bool ok)
        where T : struct, System.Enum
    {
        if (Optional(members, path, name) is not { } text)
        {
            ok &= !members.ContainsKey(name);
            return null;
        }

        if (Values.Name(text, name, out T value) is { } error)
        {
            Add($"{path}.{name}", error);
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
            Add(path, $"Expected an object, found {Describe(element)}.");
            return false;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            string at = $"{path}.{property.Name}";
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                Add(path, at, $"Member `{property.Name}` is not part of the test file format here; expected one of {Values.Quote(allowed)}.");
            }
            else if (!members.TryAdd(property.Name, property.Value))
            {
                Add(path, at, $"Member `{property.Name}` appears more than once.");
            }
        }

        return true;
    }

    private string? Required(Dictionary<string, JsonElement> members, string path, string name)
    {
        if (!members.TryGetValue(name, out JsonElement value))
        {
            Add(path, $"Missing required member `{name}`.");
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
            Add(path, $"Expected a string, found {Describe(value)}.");
            return null;
        }

        string text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Add(path, "Expected a non-empty string.");
            return null;
        }

        return text;
    }

    private void Add(string path, string message) => Add(path, path, message);

    /// <summary>Adds a problem at a path, located at the line of <paramref name="linePath"/> (a member's own line when the
    /// problem is reported on the object that holds it).</summary>
    private void Add(string path, string linePath, string message) => _errors.Add($"{path} (line {Line(linePath)}): {message}");

    private int Line(string path) => _lines.TryGetValue(path, out int line) ? line : 1;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
