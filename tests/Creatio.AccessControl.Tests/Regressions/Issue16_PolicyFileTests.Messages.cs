using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

// Messages name units by id (`Manager role …b002`); name them by name and id, and suggest the nearest known name for a
// misspelled object. Creatio 8.0.9 renamed "All portal users" to "All external users" and portal users to external users.
public sealed partial class Issue16_PolicyFileTests
{
    [Fact]
    public void Build_ManagerRoleWithoutParent_NamesItByNameAndId()
    {
        RoleId managers = Ids.Role("Sales managers");
        AccessModelBuilder builder = new AccessModelBuilder().Add(new RoleDefinition(managers, "Sales managers", AdminUnitKind.Manager));

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(builder.Build).Errors);

        Assert.Equal(
            $"Manager role `Sales managers` (`{managers}`) has no parent; a manager role's parent is the organizational role it manages.",
            error.Message);
        Assert.Equal([managers.ToString()], error.Ids);
    }

    [Fact]
    public void Build_UnknownUnit_IsNamedByIdAlone()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new UserDefinition(Ids.User("Ann"), "Ann"))
            .Add(new RoleMembership(Ids.User("Ann"), Ids.Role("Ghosts")));

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(builder.Build).Errors);

        Assert.Equal(
            $"Membership of `Ann` (`{Ids.User("Ann")}`) in `{Ids.Role("Ghosts")}` names role `{Ids.Role("Ghosts")}`, which is not defined.",
            error.Message);
    }

    [Fact]
    public void Build_MisspelledObject_SuggestsTheNearestKnownName()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new ObjectDefinition("Account") { UseOperationPermissions = true })
            .Add(new ObjectDefinition("Contact") { UseOperationPermissions = true })
            .Add(new ObjectOperationRow("Acount", BuiltInRoles.AllEmployees, 0, ObjectOperations.Read));

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(builder.Build).Errors);

        Assert.EndsWith("names object `Acount`, which is not defined; did you mean `Account`?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_MisspelledObject_SuggestsTheNearestKnownNameAtItsPath()
    {
        const string Json = """
            {
              "formatVersion": 1,
              "objects": [ { "name": "Opportunity" } ],
              "workplaces": [ { "name": "Sales", "objects": [ "opportunity", "Invoice" ] } ]
            }
            """;

        IReadOnlyList<AccessModelError> errors = Invalid(Json).Errors;

        Assert.Equal(
            [
                "$.workplaces[0].objects[0] (line 4): Workplace `Sales` names object `opportunity`, which is not defined; did you mean `Opportunity`?",
                "$.workplaces[0].objects[1] (line 4): Workplace `Sales` names object `Invoice`, which is not defined.",
            ],
            errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData("All portal users")]
    [InlineData("All external users")]
    public void Build_ExternalUserOutsideThePortalRoles_UsesTheNewNamesWithTheOldOnesOnce(string roleName)
    {
        UserId pat = Ids.User("Pat");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(BuiltInRoles.AllPortalUsers, roleName, AdminUnitKind.Organization, BuiltInRoles.AllEmployees))
            .Add(new UserDefinition(pat, "Pat", AdminUnitKind.ExternalUser))
            .Add(new RoleMembership(pat, BuiltInRoles.AllEmployees));

        string[] messages = [.. Assert.Throws<AccessModelValidationException>(builder.Build).Errors.Select(e => e.Message)];

        Assert.Equal(
            [
                $"Built-in role `All external users` (All portal users) (`{BuiltInRoles.AllPortalUsers}`) is below `All employees` (`{BuiltInRoles.AllEmployees}`); All employees and All external users must stay apart.",
                $"External user (portal user) `Pat` (`{pat}`) is a member of `All employees` (`{BuiltInRoles.AllEmployees}`), which is not All external users (All portal users) or a role below it.",
            ],
            messages);
    }

    [Theory]
    [InlineData("ExternalUser")]
    [InlineData("PortalUser")]
    public void Deserialize_UserKindByEitherName_IsAnExternalUserWrittenByTheNewName(string kind)
    {
        string json = $$"""{ "formatVersion": 1, "users": [ { "id": "{{s_ann}}", "name": "Pat", "kind": "{{kind}}" } ] }""";

        AccessModel model = AccessPolicyJson.Deserialize(json);

        Assert.Equal(AdminUnitKind.ExternalUser, Assert.Single(model.Users).Kind);
        Assert.Contains("\"kind\": \"ExternalUser\"", AccessPolicyJson.Serialize(model), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("portalUser")]
    [InlineData("Portal")]
    [InlineData("5")]
    public void Deserialize_UserKindOtherwiseNamed_IsRefused(string kind)
    {
        string json = $$"""{ "formatVersion": 1, "users": [ { "id": "{{s_ann}}", "name": "Pat", "kind": "{{kind}}" } ] }""";

        AccessModelError error = Assert.Single(Invalid(json).Errors);

        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Equal("$.users[0].kind", error.Path);
    }

    [Fact]
    public void Deserialize_BuiltInPortalRoleNamedAllExternalUsers_IsTheBuiltInRole()
    {
        string json = $$"""
            {
              "formatVersion": 1,
              "roles": [
                { "id": "{{BuiltInRoles.AllPortalUsers.Value}}", "name": "All external users", "kind": "Organization" },
                { "id": "{{s_sales}}", "name": "Acme", "kind": "Organization", "parent": "{{BuiltInRoles.AllPortalUsers.Value}}" }
              ],
              "users": [ { "id": "{{s_ann}}", "name": "Pat", "kind": "PortalUser" } ],
              "memberships": [ { "user": "{{s_ann}}", "role": "{{s_sales}}" } ]
            }
            """;

        AccessModel model = AccessPolicyJson.Deserialize(json);

        Assert.Equal("All external users", Assert.Single(model.Roles, r => r.Id == BuiltInRoles.AllPortalUsers).Name);
        Assert.Equal(4, model.Roles.Length);
    }
}
