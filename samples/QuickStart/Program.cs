// QuickStart: the organization of DESIGN.md §2, compiled into a snapshot, with each user's effective roles.
using Creatio.AccessControl;

var ids = new Dictionary<AdminUnitId, string>();
RoleId Role(string name) { var id = new RoleId(Guid.NewGuid()); ids[id] = name; return id; }
UserId User(string name) { var id = new UserId(Guid.NewGuid()); ids[id] = name; return id; }
ids[BuiltInRoles.AllEmployees] = "All employees";
ids[BuiltInRoles.AllPortalUsers] = "All portal users";
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
    .Add(new UserDefinition(boss, "Bea")).Add(new RoleMembership(boss, headOfficeManagers))
    .Add(new UserDefinition(helen, "Helen")).Add(new RoleMembership(helen, secretariesHeadOffice))
    .Add(new UserDefinition(bruno, "Bruno")).Add(new RoleMembership(bruno, secretariesBranch))
    .Add(new UserDefinition(pat, "Pat", AdminUnitKind.ExternalUser)).Add(new RoleMembership(pat, portalOrganization))
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
