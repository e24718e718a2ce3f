namespace Creatio.AccessControl.Tests.Model;

public sealed class BuiltInRoleValidationTests
{
    [Fact]
    public void Build_AllPortalUsersBelowAllEmployees_ReportsInvalidParent()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(BuiltInRoles.AllPortalUsers, "All portal users", AdminUnitKind.Organization, BuiltInRoles.AllEmployees));

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        AccessModelError error = Assert.Single(exception.Errors);
        Assert.Equal(AccessModelErrorCode.InvalidParent, error.Code);
        Assert.Equal(
            $"Built-in role `All external users` (All portal users) (`{BuiltInRoles.AllPortalUsers}`) is below `All employees` (`{BuiltInRoles.AllEmployees}`); All employees and All external users must stay apart.",
            error.Message);
    }

    [Fact]
    public void Build_AllEmployeesBelowAPortalOrganization_ReportsInvalidParent()
    {
        var portal = new RoleId(Guid.NewGuid());
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(portal, "Acme", AdminUnitKind.Organization, BuiltInRoles.AllPortalUsers))
            .Add(new RoleDefinition(BuiltInRoles.AllEmployees, "All employees", AdminUnitKind.Organization, portal));

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        AccessModelError error = Assert.Single(exception.Errors);
        Assert.Equal(AccessModelErrorCode.InvalidParent, error.Code);
        Assert.Equal([BuiltInRoles.AllEmployees.ToString(), BuiltInRoles.AllPortalUsers.ToString()], error.Ids);
    }

    [Fact]
    public void Build_BuiltInRoleAsFunctionalRole_ReportsInvalidKind()
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(BuiltInRoles.SystemAdministrators, "System administrators", AdminUnitKind.FunctionalRole));

        AccessModelValidationException exception = Assert.Throws<AccessModelValidationException>(builder.Build);

        AccessModelError error = Assert.Single(exception.Errors);
        Assert.Equal(AccessModelErrorCode.InvalidKind, error.Code);
        Assert.Equal(
            $"Built-in role `System administrators` (`{BuiltInRoles.SystemAdministrators}`) has kind `FunctionalRole`; built-in roles are organizational roles.",
            error.Message);
    }

    [Fact]
    public void Build_BuiltInRolesUnderACompanyRoot_IsValid()
    {
        var company = new RoleId(Guid.NewGuid());
        AccessModel model = new AccessModelBuilder()
            .Add(new RoleDefinition(company, "Company", AdminUnitKind.Organization))
            .Add(new RoleDefinition(BuiltInRoles.AllEmployees, "All employees", AdminUnitKind.Organization, company))
            .Add(new RoleDefinition(BuiltInRoles.AllPortalUsers, "All portal users", AdminUnitKind.Organization, company))
            .Build();

        Assert.Equal(4, model.Roles.Length);
    }
}
