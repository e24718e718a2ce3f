using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: Creatio 8.0.9 renamed "All portal users" to "All external users" and portal users to external users.
/// The built-in role the builder adds is named the new way and explanations say "external user"; a model that names the
/// role the old way keeps its name.</summary>
public sealed class Issue16_ExternalUserNameTests
{
    [Fact]
    public void Build_MissingPortalRole_IsAddedAsAllExternalUsers()
    {
        AccessModel model = new AccessModelBuilder().Build();

        Assert.Equal("All external users", model.Roles.Single(r => r.Id == BuiltInRoles.AllPortalUsers).Name);
    }

    [Theory]
    [InlineData("All portal users")]
    [InlineData("All external users")]
    public void Build_PortalRoleByEitherName_KeepsTheGivenName(string name)
    {
        AccessModel model = new AccessModelBuilder()
            .Add(new RoleDefinition(BuiltInRoles.AllPortalUsers, name, AdminUnitKind.Organization))
            .Build();

        Assert.Equal(name, model.Roles.Single(r => r.Id == BuiltInRoles.AllPortalUsers).Name);
    }

    [Fact]
    public void Explain_ExternalUser_SaysExternalUser()
    {
        AccessExplanation explanation = Explain(AccessRequest.ForRecord("Case", Ids.Record("c1"), RecordOperation.Read));

        AccessExplanationStep user = explanation.Steps.Single(s => s.Stage == AccessStage.User);
        Assert.StartsWith("external user Pat, active,", user.Detail, StringComparison.Ordinal);
        AccessExplanationStep record = explanation.Steps.Single(s => s.Stage == AccessStage.Record);
        Assert.Equal("external users get least access: own records and records granted to their roles", record.Detail);
        Assert.DoesNotContain("portal user", explanation.ToString(), StringComparison.Ordinal);
    }

    private static AccessExplanation Explain(in AccessRequest request)
    {
        Org org = new Org()
            .Organization("Acme", "All portal users")
            .Portal("Pat", "Acme")
            .Object("Case", operations: true, portal: true)
            .ObjectRow("Case", "All portal users", 0, ObjectOperations.Read)
            .Record("Case", "c1", author: "Pat");
        return org.Compile().GetPrincipal(org.UserId("Pat"), DateTimeOffset.UnixEpoch).Explain(request);
    }
}
