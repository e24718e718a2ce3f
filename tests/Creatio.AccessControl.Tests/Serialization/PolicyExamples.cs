using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Serialization;

/// <summary>Models for the policy document tests.</summary>
internal static class PolicyExamples
{
    /// <summary>A small model that uses every member of the document format at least once, each optional member
    /// both set and unset, and every enum value somewhere.</summary>
    public static AccessModel EveryFeature()
    {
        RoleId headOffice = Ids.Role("Head office");
        RoleId sales = Ids.Role("Sales");
        RoleId managers = Ids.Role("Managers of Head office");
        RoleId team = Ids.Role("Key accounts team");
        RoleId secretaries = Ids.Role("Secretaries");
        RoleId assistants = Ids.Role("Assistants");
        RoleId portalOrg = Ids.Role("Acme portal");
        UserId seller = Ids.User("Seller");
        UserId boss = Ids.User("Boss");
        UserId pat = Ids.User("Pat");
        UserId gone = Ids.User("Gone");
        RecordId deal = Ids.Record("Deal 1");
        RecordId orphan = Ids.Record("Orphan");
        var outage = new SupportGrantId(Ids.Guid("grant:Outage"));
        var audit = new SupportGrantId(Ids.Guid("grant:Audit"));

        var builder = new AccessModelBuilder
        {
            Settings = new AccessSettings
            {
                PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions,
                SupportAccess = new SupportAccessSettings
                {
                    TimeZoneId = "Europe/Berlin",
                    MaxDurationDays = 30,
                    DefaultDurationDays = 2,
                    AllowNonAdminsToGrant = true,
                    License = LicenseType.Trial,
                    Environment = "sandbox",
                    AllowAdministrationWhenUnrestricted = true,
                },
                EnabledAuditEvents = [AccessAuditEventType.SupportAccess, AccessAuditEventType.UserRoleChange, AccessAuditEventType.DeniedOperation],
            },
        };
        builder
            .Add(new RoleDefinition(headOffice, "Head office", AdminUnitKind.Organization, BuiltInRoles.AllEmployees))
            .Add(new RoleDefinition(sales, "Отдел продаж \"Sales\" <&>", AdminUnitKind.Division, headOffice))
            .Add(new RoleDefinition(managers, "Managers of Head office", AdminUnitKind.Manager, headOffice))
            .Add(new RoleDefinition(team, "Key accounts team", AdminUnitKind.Team, sales))
            .Add(new RoleDefinition(secretaries, "Secretaries", AdminUnitKind.FunctionalRole))
            .Add(new RoleDefinition(assistants, "Assistants", AdminUnitKind.FunctionalRole, secretaries))
            .Add(new RoleDefinition(portalOrg, "Acme portal", AdminUnitKind.Organization, BuiltInRoles.AllPortalUsers) { Account = Ids.Account("Acme") })
            .Add(new UserDefinition(seller, "Seller") { Contact = new ContactId(Ids.Guid("contact:Seller")) })
            .Add(new UserDefinition(boss, "Boss", AdminUnitKind.User))
            .Add(new UserDefinition(pat, "Pat", AdminUnitKind.ExternalUser) { Account = Ids.Account("Acme"), Contact = new ContactId(Ids.Guid("contact:Pat")) })
            .Add(new UserDefinition(gone, "Gone") { IsActive = false })
            .Add(new RoleMembership(seller, sales))
            .Add(new RoleMembership(boss, managers))
            .Add(new RoleMembership(pat, portalOrg))
            .Add(new FunctionalRoleLink(secretaries, headOffice))
            .Add(new Delegation(boss, seller, new DateTimeOffset(2025, 6, 30, 18, 0, 0, TimeSpan.FromHours(2))))
            .Add(new Delegation(sales, gone))
            .Add(new Delegation(gone, boss, new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero)))
            .Add(new ObjectDefinition("Opportunity")
            {
                UseOperationPermissions = true,
                UseRecordPermissions = true,
                IsAvailableForPortal = true,
                Columns = ["Amount", "Stage"],
            })
            .Add(new ObjectDefinition("City", ObjectCategory.Lookup))
            .Add(new ObjectDefinition("SysSettings", ObjectCategory.Configuration) { UseOperationPermissions = true })
            .Add(new ObjectOperationRow("Opportunity", managers, 0, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit | ObjectOperations.Delete))
            .Add(new ObjectOperationRow("Opportunity", BuiltInRoles.AllEmployees, 1, ObjectOperations.Read | ObjectOperations.Edit))
            .Add(new ObjectOperationRow("SysSettings", BuiltInRoles.AllEmployees, 0, ObjectOperations.None))
            .Add(new ColumnRightRow("Opportunity", "Amount", managers, 0, ColumnRightLevel.ReadEdit))
            .Add(new ColumnRightRow("Opportunity", "Amount", sales, 1, ColumnRightLevel.Read))
            .Add(new ColumnRightRow("Opportunity", "CreatedBy", BuiltInRoles.AllEmployees, 0, ColumnRightLevel.Deny))
            .Add(new RecordDefinition("Opportunity", deal, seller, boss))
            .Add(new RecordDefinition("Opportunity", orphan) { CreatedInSupportGrant = outage })
            .Add(new RecordRightRow("Opportunity", deal, sales, RecordOperation.Read, RecordRightLevel.Allow))
            .Add(new RecordRightRow("Opportunity", deal, team, RecordOperation.Edit, RecordRightLevel.AllowAndGrant, RecordRightSource.Default))
            .Add(new RecordRightRow("Opportunity", deal, pat, RecordOperation.Delete, RecordRightLevel.Deny))
            .Add(new DefaultRecordRightRule("Opportunity", sales, headOffice, RecordOperation.Read, RecordRightLevel.Allow))
            .Add(new DefaultRecordRightRule("Opportunity", portalOrg, null, RecordOperation.Edit, RecordRightLevel.AllowAndGrant))
            .Add(new SystemOperationDefinition("CanApproveInvoices")
            {
                ObjectAccess = [new ObjectAccessGrant("Opportunity", ObjectOperations.Read | ObjectOperations.Edit), new ObjectAccessGrant("City", ObjectOperations.None)],
            })
            .Add(new SystemOperationDefinition("CanRunImports", IsConfiguration: true))
            .Add(new SystemOperationRow("CanApproveInvoices", managers, 0, CanExecute: true))
            .Add(new SystemOperationRow("CanApproveInvoices", BuiltInRoles.AllEmployees, 1, CanExecute: false))
            .Add(new SystemOperationRow(SystemOperations.CanExportGrid, seller, 0, CanExecute: true))
            .Add(new WorkplaceDefinition("Sales", ["Opportunity", "City"]))
            .Add(new WorkplaceDefinition("Empty", []))
            .Add(new SupportAccessGrant(outage, "Outage #42", new DateOnly(2025, 2, 28), new DateOnly(2025, 3, 1), boss, seller)
            {
                DenyDataAccess = false,
                DenyConfiguration = false,
                IsActive = false,
                Workplaces = ["Sales", "Empty"],
                Level = SupportAccessLevel.Monitor,
                Environment = "sandbox",
            })
            .Add(new SupportAccessGrant(audit, "Yearly audit", new DateOnly(2024, 12, 31), new DateOnly(2024, 12, 31), seller, seller))
            .Add(new SupportAccessGrant(new SupportGrantId(Ids.Guid("grant:Fix")), "Fix", DateOnly.MinValue, DateOnly.MaxValue, seller, boss) { Level = SupportAccessLevel.Manage, IsActive = false });
        builder.RolesNotInheritedByManagers.Add(sales);
        return builder.Build();
    }
}
