using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Tests.Regressions;

// An object with operation permissions off silently ignores its rows, and `validate` says "valid": warn.
public sealed partial class Issue16_PolicyFileTests
{
    private const string IgnoredRows = """
        {
          "formatVersion": 1,
          "objects": [
            { "name": "Account", "useOperationPermissions": true },
            {
              "name": "Invoice",
              "useOperationPermissions": false
            },
            { "name": "Contact" }
          ],
          "objectOperationRows": [
            { "object": "Invoice", "grantee": "a29a3ba5-4b0d-de11-9a51-005056c00008", "position": 0, "operations": [ "Read" ] },
            { "object": "Account", "grantee": "a29a3ba5-4b0d-de11-9a51-005056c00008", "position": 0, "operations": [ "Read" ] },
            { "object": "Invoice", "grantee": "a29a3ba5-4b0d-de11-9a51-005056c00008", "position": 1, "operations": [ "Edit" ] }
          ]
        }
        """;

    [Fact]
    public void Deserialize_ObjectWithOperationPermissionsOffAndRows_WarnsAtTheSwitch()
    {
        AccessModel model = AccessPolicyJson.Deserialize(IgnoredRows, options: null, out IReadOnlyList<AccessModelWarning> warnings);

        AccessModelWarning warning = Assert.Single(warnings);
        Assert.Equal(AccessModelWarningCode.IgnoredObjectOperationRows, warning.Code);
        Assert.Equal("$.objects[1].useOperationPermissions", warning.Path);
        Assert.Equal(7, warning.Line);
        Assert.Equal(
            "$.objects[1].useOperationPermissions (line 7): Object `Invoice` does not use operation permissions, so its 2 object "
            + "operation rows are ignored: every employee may do all four operations on it, and portal users none.",
            warning.Message);
        Assert.Equal(["Invoice"], warning.Ids);
        Assert.Equal(3, model.ObjectOperationRows.Length);
    }

    [Fact]
    public void Deserialize_FromAStream_FindsTheSameWarnings()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(IgnoredRows));

        AccessPolicyJson.Deserialize(stream, options: null, out IReadOnlyList<AccessModelWarning> warnings);

        Assert.Equal("$.objects[1].useOperationPermissions", Assert.Single(warnings).Path);
    }

    [Fact]
    public void Find_ModelBuiltInCode_HasNoPath()
    {
        AccessModel model = new AccessModelBuilder()
            .Add(new ObjectDefinition("Invoice"))
            .Add(new ObjectOperationRow("Invoice", BuiltInRoles.AllEmployees, 0, ObjectOperations.Read))
            .Build();

        AccessModelWarning warning = Assert.Single(AccessModelWarnings.Find(model));

        Assert.Null(warning.Path);
        Assert.Null(warning.Line);
        Assert.StartsWith("Object `Invoice` does not use operation permissions, so its 1 object operation row is ignored", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_RowsOnObjectsThatUseThem_WarnsOfNothing()
    {
        AccessModel model = new AccessModelBuilder()
            .Add(new ObjectDefinition("Invoice") { UseOperationPermissions = true })
            .Add(new ObjectDefinition("Contact"))
            .Add(new ObjectOperationRow("Invoice", BuiltInRoles.AllEmployees, 0, ObjectOperations.Read))
            .Build();

        Assert.Empty(AccessModelWarnings.Find(model));
        Assert.Empty(AccessPolicyJson.Deserialize(AccessPolicyJson.Serialize(model), options: null, out _) is { } read ? AccessModelWarnings.Find(read) : []);
    }
}
