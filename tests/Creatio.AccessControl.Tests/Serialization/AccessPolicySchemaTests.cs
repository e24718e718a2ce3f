using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>Keeps schemas/access-policy.v1.schema.json in step with the document the library reads and writes.</summary>
public sealed class AccessPolicySchemaTests
{
    private static readonly JsonObject s_schema = LoadSchema();

    private static JsonObject LoadSchema()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, "schemas", "access-policy.v1.schema.json");
            if (File.Exists(path))
            {
                return JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            }
        }

        throw new FileNotFoundException("schemas/access-policy.v1.schema.json not found above the test output.");
    }

    private static JsonObject Resolve(JsonNode node)
    {
        JsonObject schema = node.AsObject();
        return schema["$ref"] is JsonValue reference
            ? Resolve(s_schema["$defs"]![reference.GetValue<string>()["#/$defs/".Length..]]!)
            : schema;
    }

    [Fact]
    public void Schema_IsDraft202012AndRequiresVersion1()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", s_schema["$schema"]!.GetValue<string>());
        Assert.Equal(AccessPolicyJson.FormatVersion, s_schema["properties"]!["formatVersion"]!["const"]!.GetValue<int>());
    }

    [Fact]
    public void Schema_DescribesEveryMemberOfTheDocumentAndNothingElse()
    {
        var checkedTypes = new List<string>();

        CheckObject(PolicyJsonContext.Default.PolicyDocument, s_schema, "$", checkedTypes);

        Assert.Equal(19, checkedTypes.Count);
        Assert.Contains("$.supportGrants[]", checkedTypes);
        Assert.Contains("$.settings.supportAccess", checkedTypes);
    }

    [Fact]
    public void Schema_HasEveryPathOfADocumentUsingEveryFeature()
    {
        JsonNode document = JsonNode.Parse(AccessPolicyJson.Serialize(PolicyExamples.EveryFeature()))!;
        var paths = new List<string>();

        Walk(document, s_schema, "$", paths);

        Assert.Contains("$.systemOperations[].objectAccess[].operations[]", paths);
        Assert.Contains("$.delegations[].endsAt", paths);
        Assert.Contains("$.supportGrants[].workplaces[]", paths);
        Assert.Contains("$.workplaces[].objects[]", paths);
        Assert.Contains("$.records[].createdInSupportGrant", paths);
        Assert.Contains("$.settings.enabledAuditEvents[]", paths);
        Assert.Contains("$.settings.supportAccess.allowAdministrationWhenUnrestricted", paths);
    }

    [Fact]
    public void Schema_DatesAreYearMonthDayStrings()
    {
        JsonObject date = Resolve(s_schema["$defs"]!["supportGrant"]!["properties"]!["closeDate"]!);

        Assert.Equal("date", date["format"]!.GetValue<string>());
        Assert.Equal("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date["pattern"]!.GetValue<string>());
    }

    private static void CheckObject(JsonTypeInfo info, JsonObject schema, string path, List<string> checkedTypes)
    {
        checkedTypes.Add(path);
        Assert.False(schema["additionalProperties"]!.GetValue<bool>(), $"{path} must refuse additional properties.");
        JsonObject properties = schema["properties"]!.AsObject();
        Assert.Equal(info.Properties.Select(p => p.Name).Order(), properties.Select(p => p.Key).Order());
        Assert.Equal(
            info.Properties.Where(p => p.IsRequired).Select(p => p.Name).Order(),
            (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).Order());

        foreach (JsonPropertyInfo property in info.Properties)
        {
            CheckValue(property.PropertyType, Resolve(properties[property.Name]!), $"{path}.{property.Name}", checkedTypes);
        }
    }

    private static void CheckValue(Type type, JsonObject schema, string path, List<string> checkedTypes)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            Assert.Contains("null", schema["type"]!.AsArray().Select(t => t!.GetValue<string>()));
            type = underlying;
        }

        JsonTypeInfo info = PolicyJsonContext.Default.GetTypeInfo(type)!;
        if (info.Kind == JsonTypeInfoKind.Object)
        {
            CheckObject(info, schema, path, checkedTypes);
        }
        else if (info.Kind == JsonTypeInfoKind.Enumerable)
        {
            Assert.Equal("array", schema["type"]!.GetValue<string>());
            CheckValue(type.GetGenericArguments()[0], Resolve(schema["items"]!), path + "[]", checkedTypes);
        }
        else if (type.IsEnum)
        {
            string[] names = [.. schema["enum"]!.AsArray().Select(n => n!.GetValue<string>())];
            Assert.NotEmpty(names);
            // A kind may also be named by its alias (PortalUser, the name of external users before Creatio 8.0.9).
            HashSet<string> known = [.. Enum.GetNames(type), .. type == typeof(AdminUnitKind) ? AdminUnitKindConverter.Aliases.Keys : []];
            Assert.Subset(known, names.ToHashSet());
        }
        else
        {
            string expected = type == typeof(bool) ? "boolean" : type == typeof(int) ? "integer" : "string";
            JsonNode kind = schema["type"] ?? throw new InvalidOperationException($"{path} has no type.");
            Assert.Contains(expected, kind is JsonArray kinds ? kinds.Select(k => k!.GetValue<string>()) : [kind.GetValue<string>()]);
        }
    }

    private static void Walk(JsonNode? node, JsonObject schema, string path, List<string> paths)
    {
        paths.Add(path);
        if (node is JsonObject members)
        {
            foreach ((string name, JsonNode? value) in members)
            {
                JsonNode? property = schema["properties"]?[name];
                Assert.True(property is not null, $"The schema has no {path}.{name}.");
                Walk(value, Resolve(property), $"{path}.{name}", paths);
            }
        }
        else if (node is JsonArray items)
        {
            foreach (JsonNode? item in items)
            {
                Walk(item, Resolve(schema["items"]!), path + "[]", paths);
            }
        }
        else if (schema["enum"] is JsonArray names)
        {
            Assert.Contains(node!.GetValue<string>(), names.Select(n => n!.GetValue<string>()));
        }
    }
}
