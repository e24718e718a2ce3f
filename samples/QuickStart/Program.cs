// QuickStart: an organization like the example of docs/effective-roles.md, compiled into a snapshot, with each user's
// effective roles, a check and its explanation, and what a vendor's support specialist may do under a support-access grant.
using Creatio.AccessControl;

var ids = new Dictionary<AdminUnitId, string>();
RoleId Role(string name) { var id = new RoleId(Guid.NewGuid()); ids[id] = name; return id; }
UserId User(string name) { var id = new UserId(Guid.NewGuid()); ids[id] = name; return id; }
ids[BuiltInRoles.AllEmployees] = "All employees";
ids[BuiltInRoles.AllPortalUsers] = "All external users";
ids[BuiltInRoles.SystemAdministrators] = "System administrators";

RoleId headOffice = Role("Head office"), sales = Role("Sales department"), headOfficeManagers = Role("Managers of Head office");
RoleId secretariesHeadOffice = Role("Secretaries (head office)"), branch = Role("Branch"), secretariesBranch = Role("Secretaries (branch)");
RoleId secretaries = Role("Secretaries"), portalOrganization = Role("Acme (portal organization)");
UserId seller = User("Sam, seller"), boss = User("Bea, head of office"), helen = User("Helen, secretary"), bruno = User("Bruno, secretary");
UserId pat = User("Pat, portal user");

AccessModel model = new AccessModelBuilder()
    .Add(new RoleDefinition(headOffice, "Head office", AdminUnitKind.Organization, BuiltInRoles.AllEmployees))
    .Add(new RoleDefinition(sales, "Sales department", AdminUnitKind.Division, headOffice))
    .Add(new RoleDefinition(headOfficeManagers, "Managers of Head office", AdminUnitKind.Manager, headOffice))
    .Add(new RoleDefinition(secretariesHeadOffice, "Secretaries (head office)", AdminUnitKind.Division, headOffice))
    .Add(new RoleDefinition(branch, "Branch", AdminUnitKind.Organization, BuiltInRoles.AllEmployees))
    .Add(new RoleDefinition(secretariesBranch, "Secretaries (branch)", AdminUnitKind.Division, branch))
    .Add(new RoleDefinition(secretaries, "Secretaries", AdminUnitKind.FunctionalRole))
    .Add(new FunctionalRoleLink(secretaries, secretariesHeadOffice))
    .Add(new FunctionalRoleLink(secretaries, secretariesBranch))
    .Add(new RoleDefinition(portalOrganization, "Acme", AdminUnitKind.Organization, BuiltInRoles.AllPortalUsers) { Account = new AccountId(Guid.NewGuid()) })
    .Add(new UserDefinition(seller, "Sam")).Add(new RoleMembership(seller, sales))
    .Add(new UserDefinition(boss, "Bea")).Add(new RoleMembership(boss, headOfficeManagers)).Add(new RoleMembership(boss, BuiltInRoles.SystemAdministrators))
    .Add(new UserDefinition(helen, "Helen")).Add(new RoleMembership(helen, secretariesHeadOffice))
    .Add(new UserDefinition(bruno, "Bruno")).Add(new RoleMembership(bruno, secretariesBranch))
    .Add(new UserDefinition(pat, "Pat", AdminUnitKind.ExternalUser)).Add(new RoleMembership(pat, portalOrganization))
    // Objects: business data, a lookup and configuration. Opportunities use operation permissions: sales may edit, others read.
    .Add(new ObjectDefinition("Opportunity") { UseOperationPermissions = true, Columns = ["Amount"] })
    .Add(new ObjectOperationRow("Opportunity", sales, 0, ObjectOperations.All))
    .Add(new ObjectOperationRow("Opportunity", BuiltInRoles.AllEmployees, 1, ObjectOperations.Read))
    .Add(new ObjectDefinition("Currency", ObjectCategory.Lookup))
    .Add(new ObjectDefinition("SysSettings", ObjectCategory.Configuration))
    .Build();

AccessSnapshot snapshot = AccessSnapshot.Compile(model);
DateTimeOffset now = TimeProvider.System.GetUtcNow();

foreach (UserId user in new[] { seller, boss, helen, bruno, pat })
{
    AccessPrincipal principal = snapshot.GetPrincipal(user, now);
    var names = new List<string>();
    foreach (AdminUnitId unit in principal.EffectiveRoles)
    {
        names.Add(ids[unit]);
    }

    names.Sort(StringComparer.Ordinal);
    Console.WriteLine($"{ids[user]}:");
    Console.WriteLine($"    {string.Join(", ", names)}");
}

// A check, and why.
AccessPrincipal sam = snapshot.GetPrincipal(seller, now);
AccessPrincipal helenPrincipal = snapshot.GetPrincipal(helen, now);
Console.WriteLine();
Console.WriteLine($"Sam edits an opportunity:   {sam.CheckObject("Opportunity", ObjectOperation.Edit)}");
Console.WriteLine($"Helen edits an opportunity: {helenPrincipal.CheckObject("Opportunity", ObjectOperation.Edit)}");
Console.WriteLine();
Console.WriteLine(helenPrincipal.Explain(AccessRequest.ForObject("Opportunity", ObjectOperation.Edit)));

// Support access: Bea grants the vendor's support access under her own account, first with the defaults
// (Deny access to data and Deny configuration both on), then with each box cleared.
DateOnly today = DateOnly.FromDateTime(now.UtcDateTime);
var grants = new (string Title, bool DenyData, bool DenyConfiguration)[]
{
    ("defaults: deny access to data, deny configuration", true, true),
    ("access to data allowed", false, true),
    ("configuration allowed", true, false),
};
AccessModelBuilder withGrants = model.ToBuilder();
var grantIds = new List<SupportGrantId>();
foreach ((string _, bool denyData, bool denyConfiguration) in grants)
{
    var id = new SupportGrantId(Guid.NewGuid());
    grantIds.Add(id);
    withGrants.Add(new SupportAccessGrant(id, "Case 4711: pipeline report is empty", today, GrantSupportAccess.DefaultCloseDate(today, SupportAccessSettings.Default), boss, boss)
    {
        DenyDataAccess = denyData,
        DenyConfiguration = denyConfiguration,
    });
}

AccessSnapshot supportSnapshot = AccessSnapshot.Compile(withGrants.Build(), version: 2);
var questions = new (string Text, AccessRequest Request)[]
{
    ("read opportunities", AccessRequest.ForObject("Opportunity", ObjectOperation.Read)),
    ("edit opportunities", AccessRequest.ForObject("Opportunity", ObjectOperation.Edit)),
    ("create an opportunity", AccessRequest.ForObject("Opportunity", ObjectOperation.Create)),
    ("read currencies (lookup)", AccessRequest.ForObject("Currency", ObjectOperation.Read)),
    ("edit currencies (lookup)", AccessRequest.ForObject("Currency", ObjectOperation.Edit)),
    ("edit system settings", AccessRequest.ForObject("SysSettings", ObjectOperation.Edit)),
    ("manage users", AccessRequest.ForSystemOperation(SystemOperations.CanManageUsers)),
};
for (int i = 0; i < grants.Length; i++)
{
    AccessPrincipal support = supportSnapshot.GetSupportPrincipal(grantIds[i], now);
    Console.WriteLine($"Support under a grant with {grants[i].Title}:");
    foreach ((string text, AccessRequest request) in questions)
    {
        AccessDecision decision = support.Check(request);
        Console.WriteLine($"    {(decision.IsAllowed ? "may    " : "may not")} {text,-26} {(decision.IsAllowed ? string.Empty : decision.Reason.ToString())}");
    }
}

AccessPrincipal expired = supportSnapshot.GetSupportPrincipal(grantIds[0], now.AddDays(30));
Console.WriteLine($"A month later: {expired.CheckObject("Currency", ObjectOperation.Read)}");
