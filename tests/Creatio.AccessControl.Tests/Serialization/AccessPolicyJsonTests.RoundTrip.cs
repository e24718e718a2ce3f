using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

public sealed partial class AccessPolicyJsonTests
{
    [Fact]
    public void Deserialize_SerializedModelUsingEveryFeature_GivesEqualModelAndSameText()
    {
        AccessModel model = PolicyExamples.EveryFeature();

        string json = AccessPolicyJson.Serialize(model);
        AccessModel read = AccessPolicyJson.Deserialize(json);

        PolicyModelAssert.Equal(model, read);
        Assert.Equal(json, AccessPolicyJson.Serialize(read));
    }

    [Fact]
    public void Serialize_EmptyModel_WritesBuiltInsAndEveryList()
    {
        string json = AccessPolicyJson.Serialize(AccessModel.Empty);

        Assert.StartsWith("{\n  \"formatVersion\": 1,\n  \"settings\": {\n    \"portalAvailabilityMode\": \"Lookup\"\n  },\n  \"users\": [],\n", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.Contains("\"rolesNotInheritedByManagers\": [\n    \"83a43ebc-f36b-1410-298d-001e8c82bcad\"\n  ]", json, StringComparison.Ordinal);
        PolicyModelAssert.Equal(AccessModel.Empty, AccessPolicyJson.Deserialize(json));
    }

    [Fact]
    public void Serialize_ModelUsingEveryFeature_WritesNamesFlagsInstantsAndTextAsDocumented()
    {
        string json = AccessPolicyJson.Serialize(PolicyExamples.EveryFeature());

        Assert.Contains("\"kind\": \"Division\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"AllowAndGrant\"", json, StringComparison.Ordinal);
        Assert.Contains("\"operations\": [\n        \"Read\",\n        \"Edit\"\n      ]", json, StringComparison.Ordinal);
        Assert.Contains("\"operations\": []", json, StringComparison.Ordinal);
        Assert.Contains("\"endsAt\": \"2025-06-30T18:00:00+02:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"endsAt\": \"2025-01-02T03:04:05.678+00:00\"", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"Отдел продаж \\\"Sales\\\" <&>\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_SameModelTwice_GivesSameBytesOnStreamAndString()
    {
        AccessModel model = PolicyExamples.EveryFeature();
        using var stream = new MemoryStream();

        AccessPolicyJson.Serialize(stream, model);

        Assert.Equal(Encoding.UTF8.GetBytes(AccessPolicyJson.Serialize(model)), stream.ToArray());
    }

    [Fact]
    public async Task DeserializeAsync_StreamWrittenBySerializeAsync_GivesEqualModel()
    {
        AccessModel model = PolicyExamples.EveryFeature();
        using var stream = new MemoryStream();
        await AccessPolicyJson.SerializeAsync(stream, model);
        stream.Position = 0;

        AccessModel read = await AccessPolicyJson.DeserializeAsync(stream);

        PolicyModelAssert.Equal(model, read);
    }

    [Fact]
    public void Deserialize_StreamWithByteOrderMark_ReadsTheDocument()
    {
        AccessModel model = PolicyExamples.EveryFeature();
        using var stream = new MemoryStream([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(AccessPolicyJson.Serialize(model))]);

        AccessModel read = AccessPolicyJson.Deserialize(stream);

        PolicyModelAssert.Equal(model, read);
    }

    [Fact]
    public void Deserialize_MinimalDocument_GivesModelWithDefaultsAndBuiltIns()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "users": [ { "id": "22222222-2222-2222-2222-222222222222", "name": "Seller" } ],
              "objects": [ { "name": "Opportunity" } ]
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(Json);

        UserDefinition user = Assert.Single(model.Users);
        Assert.Equal(new UserDefinition(UserId.Parse("22222222-2222-2222-2222-222222222222"), "Seller"), user);
        ObjectDefinition definition = Assert.Single(model.Objects);
        Assert.Equal(new ObjectDefinition("Opportunity") { Columns = definition.Columns }, definition);
        Assert.Empty(definition.Columns);
        Assert.Equal(AccessModel.Empty.Roles.ToArray(), model.Roles.ToArray());
        Assert.Equal(AccessModel.Empty.RolesNotInheritedByManagers.ToArray(), model.RolesNotInheritedByManagers.ToArray());
        Assert.Equal(AccessSettings.Default, model.Settings);
    }

    [Fact]
    public void Deserialize_EmptyRolesNotInheritedByManagers_KeepsTheListEmpty()
    {
        AccessModel model = AccessPolicyJson.Deserialize("""{ "formatVersion": 1, "rolesNotInheritedByManagers": [] }""");

        Assert.Empty(model.RolesNotInheritedByManagers);
    }

    [Fact]
    public void Deserialize_NullForOptionalIdsAndInstants_ReadsThemAsAbsent()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "roles": [ { "id": "11111111-1111-1111-1111-111111111111", "name": "Sales", "kind": "Division", "parent": null, "account": null } ],
              "delegations": [ { "grantor": "11111111-1111-1111-1111-111111111111", "recipient": "11111111-1111-1111-1111-111111111111", "endsAt": null } ]
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(Json);

        Assert.Null(model.Roles[0].Parent);
        Assert.Null(Assert.Single(model.Delegations).EndsAt);
    }

    [Fact]
    public void Serialize_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>("model", () => AccessPolicyJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => AccessPolicyJson.Serialize(null!, AccessModel.Empty));
        Assert.Throws<ArgumentNullException>("json", () => AccessPolicyJson.Deserialize((string)null!));
        Assert.Throws<ArgumentNullException>("utf8Json", () => AccessPolicyJson.Deserialize((Stream)null!));
    }
}
