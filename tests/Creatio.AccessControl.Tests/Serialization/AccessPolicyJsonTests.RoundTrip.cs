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

        Assert.StartsWith(
            """
            {
              "formatVersion": 1,
              "settings": {
                "portalAvailabilityMode": "Lookup",
                "supportAccess": {
                  "timeZoneId": "UTC",
                  "maxDurationDays": 180,
                  "defaultDurationDays": 5,
                  "allowNonAdminsToGrant": false,
                  "license": "Commercial",
                  "environment": "production",
                  "allowAdministrationWhenUnrestricted": false,
                  "externalAccessObject": "SysExternalAccess"
                },
                "enabledAuditEvents": []
              },
              "users": [],

            """.ReplaceLineEndings("\n"),
            json,
            StringComparison.Ordinal);
        Assert.EndsWith("\n  \"workplaces\": [],\n  \"supportGrants\": []\n}\n", json, StringComparison.Ordinal);
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
        Assert.Equal(AccessSettings.Default with { EnabledAuditEvents = model.Settings.EnabledAuditEvents }, model.Settings);
        Assert.Empty(model.Settings.EnabledAuditEvents);
        Assert.Empty(model.Workplaces);
        Assert.Empty(model.SupportGrants);
    }

    [Fact]
    public void Deserialize_SerializedModelUsingEverySupportAccessMember_GivesEqualModelAndSameText()
    {
        AccessModel model = PolicyExamples.EveryFeature();
        SupportAccessGrant changed = model.SupportGrants[0];
        Assert.NotEqual(SupportAccessSettings.Default, model.Settings.SupportAccess);
        Assert.NotEmpty(model.Settings.EnabledAuditEvents);
        Assert.Contains(model.Workplaces, w => w.Objects.Count > 0);
        Assert.Contains(model.Records, r => r.CreatedInSupportGrant == changed.Id);
        // Every optional member of this grant differs from the model's default.
        Assert.Equal((false, false, false, SupportAccessLevel.Monitor, "sandbox"), (changed.DenyDataAccess, changed.DenyConfiguration, changed.IsActive, changed.Level, changed.Environment));
        Assert.NotEmpty(changed.Workplaces);

        string json = AccessPolicyJson.Serialize(model);
        AccessModel read = AccessPolicyJson.Deserialize(json);

        PolicyModelAssert.Equal(model, read);
        Assert.Equal(json, AccessPolicyJson.Serialize(read));
        Assert.Contains("\"startDate\": \"2025-02-28\",\n      \"closeDate\": \"2025-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"startDate\": \"0001-01-01\",\n      \"closeDate\": \"9999-12-31\"", json, StringComparison.Ordinal);
        Assert.Contains($"\"createdInSupportGrant\": \"{changed.Id}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"enabledAuditEvents\": [\n      \"SupportAccess\",\n      \"UserRoleChange\",\n      \"DeniedOperation\"\n    ]", json, StringComparison.Ordinal);
        Assert.Contains("\"workplaces\": [\n        \"Sales\",\n        \"Empty\"\n      ]", json, StringComparison.Ordinal);
        Assert.Contains("\"license\": \"Trial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"Monitor\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SupportAccessMembersLeftOut_GivesTheModelDefaults()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "settings": { "supportAccess": {} },
              "users": [ { "id": "22222222-2222-2222-2222-222222222222", "name": "Seller" } ],
              "objects": [ { "name": "Opportunity", "useRecordPermissions": true } ],
              "records": [ { "object": "Opportunity", "id": "33333333-3333-3333-3333-333333333333" } ],
              "workplaces": [ { "name": "Sales", "objects": [] } ],
              "supportGrants": [
                { "id": "44444444-4444-4444-4444-444444444444", "reason": "Outage", "startDate": "2025-06-30", "closeDate": "2025-07-04",
                  "grantor": "22222222-2222-2222-2222-222222222222", "grantedBy": "22222222-2222-2222-2222-222222222222" }
              ]
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(Json);

        Assert.Equal(SupportAccessSettings.Default, model.Settings.SupportAccess);
        Assert.Empty(model.Settings.EnabledAuditEvents);
        Assert.Null(Assert.Single(model.Records).CreatedInSupportGrant);
        Assert.Empty(Assert.Single(model.Workplaces).Objects);
        SupportAccessGrant grant = Assert.Single(model.SupportGrants);
        var seller = UserId.Parse("22222222-2222-2222-2222-222222222222");
        var expected = new SupportAccessGrant(new SupportGrantId(Guid.Parse("44444444-4444-4444-4444-444444444444")), "Outage", new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 4), seller, seller);
        Assert.Equal(expected with { Workplaces = grant.Workplaces }, grant);
        Assert.Empty(grant.Workplaces);
    }

    [Fact]
    public void Serialize_AuditEventListedTwice_WritesItOnceSoTheDocumentReadsBack()
    {
        AccessModel model = new AccessModelBuilder
        {
            Settings = new AccessSettings { EnabledAuditEvents = [AccessAuditEventType.RoleChange, AccessAuditEventType.UserChange, AccessAuditEventType.RoleChange] },
        }.Build();

        AccessModel read = AccessPolicyJson.Deserialize(AccessPolicyJson.Serialize(model));

        Assert.Equal([AccessAuditEventType.RoleChange, AccessAuditEventType.UserChange], read.Settings.EnabledAuditEvents);
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
