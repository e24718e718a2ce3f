using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Serialization;

// A clean document is read in one pass; these are documents that pass the deserializer's own rules but not the
// format's, so each must still be refused with the checker's error at its path and line.
public sealed partial class AccessPolicyJsonTests
{
    [Theory]
    [InlineData("\"rolesNotInheritedByManagers\": null", "$.rolesNotInheritedByManagers", AccessModelErrorCode.InvalidType, "Expected an array, found `null`.")]
    [InlineData("\"settings\": null", "$.settings", AccessModelErrorCode.InvalidType, "Expected an object, found `null`.")]
    [InlineData("\"users\": null", "$.users", AccessModelErrorCode.InvalidType, "Expected an array, found `null`.")]
    [InlineData("\"users\": [ null ]", "$.users[0]", AccessModelErrorCode.InvalidType, "Expected an object, found `null`.")]
    [InlineData("\"objects\": [ { \"name\": \"Account\", \"columns\": [ \" \" ] } ]", "$.objects[0].columns[0]", AccessModelErrorCode.InvalidValue, "The value is empty; expected a non-empty string.")]
    [InlineData("\"settings\": { \"supportAccess\": { \"environment\": \"\" } }", "$.settings.supportAccess.environment", AccessModelErrorCode.InvalidValue, "The value is empty; expected a non-empty string.")]
    [InlineData("\"settings\": { \"enabledAuditEvents\": [ \"RoleChange\", \"RoleChange\" ] }", "$.settings.enabledAuditEvents[1]", AccessModelErrorCode.InvalidValue, "`RoleChange` is listed more than once.")]
    [InlineData("\"settings\": { \"portalAvailabilityMode\": \"1\" }", "$.settings.portalAvailabilityMode", AccessModelErrorCode.InvalidValue, null)]
    [InlineData("\"workplaces\": [ { \"name\": \"W\", \"objects\": [], \"name\": \"V\" } ]", "$.workplaces[0].name", AccessModelErrorCode.DuplicateMember, "Member `name` appears more than once.")]
    public void Deserialize_ValueTheDeserializerWouldAccept_IsRefusedLikeTheChecker(string member, string path, AccessModelErrorCode code, string? message)
    {
        string json = "{\n\"formatVersion\": 1,\n" + member + "\n}";

        AccessModelError error = SingleErrorOf(json);

        Assert.Equal(code, error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.Line);
        if (message is not null)
        {
            Assert.Equal($"{path} (line 3): {message}", error.Message);
        }
    }

    [Fact]
    public void Deserialize_CleanDocument_ReadsTheSameModelFromStringAndStream()
    {
        string json = AccessPolicyJson.Serialize(AccessPolicyJson.Deserialize("""{ "formatVersion": 1, "users": [ { "id": "11111111-1111-1111-1111-111111111111", "name": "Ann" } ] }"""));

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));

        Assert.Equal(json, AccessPolicyJson.Serialize(AccessPolicyJson.Deserialize(stream)));
        Assert.Equal(json, AccessPolicyJson.Serialize(AccessPolicyJson.Deserialize(json)));
    }
}
