namespace Creatio.AccessControl.AspNetCore.Tests.TestHost;

/// <summary>The model most tests ask: a sales division with its managers, an administrator, an inactive user, a portal user;
/// opportunities with record and column permissions; a lookup; a system operation only managers hold.</summary>
internal static class TestModel
{
    public static readonly UserId Ann = new(new Guid("00000000-0000-4000-8000-0000000a0001"));
    public static readonly UserId Bob = new(new Guid("00000000-0000-4000-8000-0000000a0002"));
    public static readonly UserId Carol = new(new Guid("00000000-0000-4000-8000-0000000a0003"));
    public static readonly UserId Ian = new(new Guid("00000000-0000-4000-8000-0000000a0004"));
    public static readonly UserId Pat = new(new Guid("00000000-0000-4000-8000-0000000a0005"));
    public static readonly UserId Stranger = new(new Guid("00000000-0000-4000-8000-0000000a00ff"));

    public static readonly RoleId Sales = new(new Guid("00000000-0000-4000-8000-0000000b0001"));
    public static readonly RoleId SalesManagers = new(new Guid("00000000-0000-4000-8000-0000000b0002"));
    public static readonly RoleId Customers = new(new Guid("00000000-0000-4000-8000-0000000b0003"));

    public static readonly ObjectName Opportunity = new("Opportunity");
    public static readonly ObjectName Currency = new("Currency");

    /// <summary>Bob's record; Ann manages Bob, so she may do everything on it too.</summary>
    public static readonly RecordId BobsDeal = new(new Guid("00000000-0000-4000-8000-00000000c001"));

    /// <summary>Ann's record; nobody else has a right on it.</summary>
    public static readonly RecordId AnnsDeal = new(new Guid("00000000-0000-4000-8000-00000000c002"));

    /// <summary>Carol's record, readable by Sales.</summary>
    public static readonly RecordId SharedDeal = new(new Guid("00000000-0000-4000-8000-00000000c003"));

    /// <summary>Pat's record (a portal user's).</summary>
    public static readonly RecordId PatsDeal = new(new Guid("00000000-0000-4000-8000-00000000c004"));

    public static readonly SystemOperationCode ApproveDeals = new("CanApproveDeals");

    public static AccessModel Build(Action<AccessModelBuilder>? change = null)
    {
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(Sales, "Sales", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new RoleDefinition(SalesManagers, "Managers of Sales", AdminUnitKind.Manager, Sales))
            .Add(new RoleDefinition(Customers, "Customers", AdminUnitKind.Organization, BuiltInRoles.AllPortalUsers))
            .Add(new UserDefinition(Ann, "Ann")).Add(new RoleMembership(Ann, SalesManagers))
            .Add(new UserDefinition(Bob, "Bob")).Add(new RoleMembership(Bob, Sales))
            .Add(new UserDefinition(Carol, "Carol")).Add(new RoleMembership(Carol, BuiltInRoles.SystemAdministrators))
            .Add(new UserDefinition(Ian, "Ian") { IsActive = false }).Add(new RoleMembership(Ian, Sales))
            .Add(new UserDefinition(Pat, "Pat", AdminUnitKind.ExternalUser)).Add(new RoleMembership(Pat, Customers))
            .Add(new ObjectDefinition(Opportunity)
            {
                UseOperationPermissions = true,
                UseRecordPermissions = true,
                IsAvailableForPortal = true,
                Columns = ["Title", "Amount", "Margin"],
            })
            .Add(new ObjectDefinition(Currency, ObjectCategory.Lookup) { Columns = ["Code"] })
            .Add(new ObjectOperationRow(Opportunity, SalesManagers, Position: 0, ObjectOperations.All))
            .Add(new ObjectOperationRow(Opportunity, BuiltInRoles.AllEmployees, Position: 1, ObjectOperations.Read | ObjectOperations.Edit))
            .Add(new ObjectOperationRow(Opportunity, Customers, Position: 2, ObjectOperations.Read))
            .Add(new ColumnRightRow(Opportunity, "Margin", SalesManagers, Position: 0, ColumnRightLevel.ReadEdit))
            .Add(new ColumnRightRow(Opportunity, "Margin", BuiltInRoles.AllEmployees, Position: 1, ColumnRightLevel.Deny))
            .Add(new RecordDefinition(Opportunity, BobsDeal, Author: Bob, Owner: Bob))
            .Add(new RecordDefinition(Opportunity, AnnsDeal, Author: Ann, Owner: Ann))
            .Add(new RecordDefinition(Opportunity, SharedDeal, Author: Carol, Owner: Carol))
            .Add(new RecordDefinition(Opportunity, PatsDeal, Author: Pat, Owner: Pat))
            .Add(new RecordRightRow(Opportunity, SharedDeal, Sales, RecordOperation.Read, RecordRightLevel.Allow))
            .Add(new SystemOperationDefinition(ApproveDeals))
            .Add(new SystemOperationRow(ApproveDeals, SalesManagers, Position: 0, CanExecute: true));
        change?.Invoke(builder);
        return builder.Build();
    }
}
