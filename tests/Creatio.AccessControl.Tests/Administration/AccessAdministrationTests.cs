using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Who may make which change (DESIGN.md §10, §5), what a refusal says, and that a refused batch changes nothing.</summary>
public sealed class AccessAdministrationTests
{
    private static readonly SystemOperationCode s_users = SystemOperations.CanManageUsers;
    private static readonly SystemOperationCode s_administration = SystemOperations.CanManageAdministration;
    private static readonly SystemOperationCode s_grantedRight = SystemOperations.CanChangeAdminUnitGrantedRight;
    private static readonly SystemOperationCode s_operationGrantee = SystemOperations.CanChangeAdminOperationGrantee;
    private static readonly SystemOperationCode s_settings = SystemOperations.CanManageSysSettings;

    /// <summary>Every change that system operations alone authorize, with the operations DESIGN.md §10 says it needs.</summary>
    public static TheoryData<string> OperationGatedChanges => [.. s_needs.Keys];

    private static readonly Dictionary<string, SystemOperationCode[]> s_needs = new(StringComparer.Ordinal)
    {
        ["AddUser"] = [s_users],
        ["UpdateUser"] = [s_users],
        ["DeactivateUser"] = [s_users],
        ["DeleteUser"] = [s_users],
        ["AddMembership"] = [s_users],
        ["RemoveMembership"] = [s_users],
        ["AddRole"] = [s_users, s_administration],
        ["AddManagerUnit"] = [s_users, s_administration],
        ["UpdateRole"] = [s_users, s_administration],
        ["DeleteRole"] = [s_users, s_administration],
        ["AddFunctionalLink"] = [s_users],
        ["RemoveFunctionalLink"] = [s_users],
        ["AddDelegation"] = [s_users, s_grantedRight],
        ["RemoveDelegation"] = [s_users, s_grantedRight],
        ["SetObject"] = [s_administration],
        ["SetObjectOperationRows"] = [s_administration],
        ["SetColumnRightRows"] = [s_administration],
        ["SetDefaultRecordRightRules"] = [s_administration],
        ["UpdateRecordPermissions"] = [s_administration],
        ["SetSystemOperation"] = [s_operationGrantee],
        ["SetSystemOperationRows"] = [s_operationGrantee],
        ["SetSettings"] = [s_settings],
        ["SetRolesNotInheritedByManagers"] = [s_settings],
    };

    internal static AccessChange Make(string name, Org org) => name switch
    {
        "AddUser" => new AddUser(new UserDefinition(Ids.User("Dan"), "Dan")),
        "UpdateUser" => new UpdateUser(new UserDefinition(org.UserId("Bob"), "Robert")),
        "DeactivateUser" => new DeactivateUser(org.UserId("Bob")),
        "DeleteUser" => new DeleteUser(org.UserId("Bob")),
        "AddMembership" => new AddMembership(new RoleMembership(org.UserId("Bob"), org["Temp"])),
        "RemoveMembership" => new RemoveMembership(new RoleMembership(org.UserId("Alice"), org["Sales"])),
        "AddRole" => new AddRole(new RoleDefinition(Ids.Role("Marketing"), "Marketing", AdminUnitKind.Division, BuiltInRoles.AllEmployees)),
        "AddManagerUnit" => new AddRole(new RoleDefinition(Ids.Role("Managers of Temp"), "Managers of Temp", AdminUnitKind.Manager, org["Temp"])),
        "UpdateRole" => new UpdateRole(new RoleDefinition(org["Temp"], "Temporary staff", AdminUnitKind.Division, BuiltInRoles.AllEmployees)),
        "DeleteRole" => new DeleteRole(org["Temp"]),
        "AddFunctionalLink" => new AddFunctionalLink(new FunctionalRoleLink(org["Secretaries"], org["Temp"])),
        "RemoveFunctionalLink" => new RemoveFunctionalLink(new FunctionalRoleLink(org["Secretaries"], org["Head office"])),
        "AddDelegation" => new AddDelegation(new Delegation(org.Unit("Alice"), org.Unit("Temp"))),
        "RemoveDelegation" => new RemoveDelegation(org.Unit("Bob"), org.Unit("Temp")),
        "SetObject" => new SetObject(new ObjectDefinition(AdminHarness.Account) { UseOperationPermissions = true, Columns = ["Name", AdminHarness.Revenue] }),
        "SetObjectOperationRows" => new SetObjectOperationRows(AdminHarness.Account, [new ObjectOperationRow(AdminHarness.Account, BuiltInRoles.AllEmployees, 0, ObjectOperations.Read)]),
        "SetColumnRightRows" => new SetColumnRightRows(AdminHarness.Account, AdminHarness.Revenue, [new ColumnRightRow(AdminHarness.Account, AdminHarness.Revenue, org.Unit("Sales"), 0, ColumnRightLevel.Read)]),
        "SetDefaultRecordRightRules" => new SetDefaultRecordRightRules(AdminHarness.Account, [new DefaultRecordRightRule(AdminHarness.Account, BuiltInRoles.AllEmployees, org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.Allow)]),
        "UpdateRecordPermissions" => new UpdateRecordPermissions(AdminHarness.Account),
        "SetSystemOperation" => new SetSystemOperation(new SystemOperationDefinition(new SystemOperationCode("CanApproveInvoices"))),
        "SetSystemOperationRows" => new SetSystemOperationRows(SystemOperations.CanExportGrid, [new SystemOperationRow(SystemOperations.CanExportGrid, org.Unit("Sales"), 0, true)]),
        "SetSettings" => new SetSettings(AccessSettings.Default with { PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions }),
        "SetRolesNotInheritedByManagers" => new SetRolesNotInheritedByManagers([BuiltInRoles.SystemAdministrators, org["Temp"]]),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown change."),
    };

    [Theory]
    [MemberData(nameof(OperationGatedChanges))]
    public async Task ApplyAsync_ActorHoldsExactlyTheNeededOperations_IsApplied(string change)
    {
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", s_needs[change]));

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Make(change, h.Org));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(2, result.Version);
        Assert.Equal(2, h.Snapshot.Version);
        Assert.Equal(AccessChangeRefusal.None, result.Refusal);
        Assert.Equal(-1, result.ChangeIndex);
    }

    [Theory]
    [MemberData(nameof(OperationGatedChanges))]
    public async Task ApplyAsync_ActorLacksOneNeededOperation_IsRefusedAndChangesNothing(string change)
    {
        foreach (SystemOperationCode missing in s_needs[change])
        {
            SystemOperationCode[] granted = [.. s_needs[change].Where(o => o != missing)];
            using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", granted));
            var state = State.Of(h);
            AccessChange made = Make(change, h.Org);

            AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), made);

            AccessDecision expected = h.Principal("Actor").CheckSystemOperation(missing);
            Assert.False(expected.IsAllowed);
            Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
            Assert.Equal(0, result.ChangeIndex);
            Assert.Equal(expected, result.Decision);
            Assert.Equal($"user {h.Org.UserId("Actor")} may not make change 0 ({made.GetType().Name}): {expected}.", result.Message);
            state.AssertUnchanged(h, result);
        }
    }

    [Theory]
    [MemberData(nameof(OperationGatedChanges))]
    public async Task ApplyAsync_SystemActor_IsApplied(string change)
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, Make(change, h.Org));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(2, h.Snapshot.Version);
    }

    [Theory]
    [MemberData(nameof(OperationGatedChanges))]
    public async Task ApplyAsync_MemberOfSystemAdministrators_IsApplied(string change)
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Admin"), Make(change, h.Org));

        Assert.True(result.IsApplied, result.Message);
    }

    [Fact]
    public async Task ApplyAsync_ActorWithEveryOtherOperationButNoRoleRights_CannotAddRole()
    {
        // CanManageUsers alone is not enough for roles (DESIGN.md §10).
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", s_users, s_grantedRight, s_operationGrantee, s_settings));
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Make("AddRole", h.Org));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessStage.SystemOperation, result.Decision.Stage);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyAsync_UnknownUserAsActor_IsRefusedAsUnknownUser()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.ForUser(Ids.User("Nobody")), Make("AddUser", h.Org));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessReason.UnknownUser, result.Decision.Reason);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyAsync_DeactivatedAdministrator_IsRefusedAsInactiveUser()
    {
        using AdminHarness h = AdminHarness.Create();
        Assert.True((await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Admin")))).IsApplied);
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Admin"), Make("AddUser", h.Org));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessReason.InactiveUser, result.Decision.Reason);
        state.AssertUnchanged(h, result);
    }

    // ---- Records: §5 -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task CreateRecord_ActorMayCreateOnTheObject_IsApplied()
    {
        using AdminHarness h = AdminHarness.Create(org => org.Member("Actor", "Creators"));
        var record = new RecordDefinition(AdminHarness.Account, Ids.Record("new"), h.Org.UserId("Actor"));

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), new CreateRecord(record));

        Assert.True(result.IsApplied, result.Message);
        Assert.Contains(record, h.Snapshot.Model.Records);
        Assert.True(h.Principal("Actor").CheckRecord(AdminHarness.Account, record.Id, RecordOperation.Edit).IsAllowed);
    }

    [Fact]
    public async Task CreateRecord_ActorMayNotCreateOnTheObject_IsRefusedWithTheObjectDecision()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(
            h.User("Actor"), new CreateRecord(new RecordDefinition(AdminHarness.Account, Ids.Record("new"), h.Org.UserId("Actor"))));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessStage.Object, result.Decision.Stage);
        Assert.Equal(AccessReason.ObjectRowDenies, result.Decision.Reason);
        Assert.Equal(BuiltInRoles.AllEmployees.ToAdminUnitId(), result.Decision.Grantee);
        state.AssertUnchanged(h, result);
    }

    [Theory]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public async Task RecordChange_ActorHoldsTheRecordRight_IsApplied(RecordOperation needed)
    {
        using AdminHarness h = AdminHarness.Create(org =>
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), needed, RecordRightLevel.Allow)));

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), RecordChange(h, needed));

        Assert.True(result.IsApplied, result.Message);
    }

    [Theory]
    [InlineData(RecordOperation.Edit)]
    [InlineData(RecordOperation.Delete)]
    public async Task RecordChange_ActorMayOnlyReadTheRecord_IsRefusedWithTheRecordDecision(RecordOperation needed)
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), RecordOperation.Read, RecordRightLevel.AllowAndGrant));
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), needed, RecordRightLevel.Deny));
        });
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), RecordChange(h, needed));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessStage.Record, result.Decision.Stage);
        Assert.Equal(h.Principal("Actor").CheckRecord(AdminHarness.Account, AdminHarness.R2, needed), result.Decision);
        state.AssertUnchanged(h, result);
    }

    private static AccessChange RecordChange(AdminHarness h, RecordOperation needed) => needed == RecordOperation.Edit
        ? new ChangeRecordOwner(AdminHarness.Account, AdminHarness.R2, h.Org.UserId("Actor"))
        : new DeleteRecord(AdminHarness.Account, AdminHarness.R2);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ShareOrUnshare_ActorHoldsAllowAndGrantOnTheOperation_IsApplied(bool unshare)
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), RecordOperation.Read, RecordRightLevel.AllowAndGrant));
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow));
        });

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Sharing(h, unshare, RecordOperation.Read));

        Assert.True(result.IsApplied, result.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ShareOrUnshare_ActorHoldsOnlyAllow_IsRefused(bool unshare)
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), RecordOperation.Read, RecordRightLevel.Allow));
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow));
        });
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Sharing(h, unshare, RecordOperation.Read));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(h.Principal("Actor").CheckShare(AdminHarness.Account, AdminHarness.R2, RecordOperation.Read), result.Decision);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ShareRecord_AllowAndGrantOnReadOnly_CannotShareEdit()
    {
        using AdminHarness h = AdminHarness.Create(org =>
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), RecordOperation.Read, RecordRightLevel.AllowAndGrant)));
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Sharing(h, unshare: false, RecordOperation.Edit));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(AccessStage.Record, result.Decision.Stage);
        state.AssertUnchanged(h, result);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ShareOrUnshare_ChangeRecordRightsOperationOnAReadableRecord_IsApplied(bool unshare)
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            AdminHarness.Grant(org, "Actor", SystemOperations.CanChangeEntitySchemaRecordRight);
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Actor"), RecordOperation.Read, RecordRightLevel.Allow));
            org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Delete, RecordRightLevel.Allow));
        });

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Sharing(h, unshare, RecordOperation.Delete));

        Assert.True(result.IsApplied, result.Message);
    }

    [Fact]
    public async Task ShareRecord_ChangeRecordRightsOperationOnAnUnreadableRecord_IsRefusedWithTheReadDecision()
    {
        using AdminHarness h = AdminHarness.Create(org => AdminHarness.Grant(org, "Actor", SystemOperations.CanChangeEntitySchemaRecordRight));
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User("Actor"), Sharing(h, unshare: false, RecordOperation.Read));

        Assert.Equal(AccessChangeRefusal.NotPermitted, result.Refusal);
        Assert.Equal(h.Principal("Actor").CheckRecord(AdminHarness.Account, AdminHarness.R2, RecordOperation.Read), result.Decision);
        Assert.False(result.Decision.IsAllowed);
        state.AssertUnchanged(h, result);
    }

    [Theory]
    [InlineData("Bob")]
    [InlineData("Carol")]
    public async Task ShareRecord_AuthorOrTheAuthorsManager_MayShareWithoutRows(string actor)
    {
        // Bob authored r2; Carol manages Sales, where Alice (author of r1) works. Both hold AllowAndGrant implicitly.
        using AdminHarness h = AdminHarness.Create();
        RecordId record = actor == "Bob" ? AdminHarness.R2 : AdminHarness.R1;
        var right = new RecordRightRow(AdminHarness.Account, record, h.Org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.Allow);

        AccessChangeResult result = await h.Admin.ApplyAsync(h.User(actor), new ShareRecord(right));

        Assert.True(result.IsApplied, result.Message);
        Assert.Contains(right, h.Snapshot.Model.RecordRightRows);
    }

    private static AccessChange Sharing(AdminHarness h, bool unshare, RecordOperation operation) => unshare
        ? new UnshareRecord(AdminHarness.Account, AdminHarness.R2, h.Org.Unit("Temp"), operation)
        : new ShareRecord(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, h.Org.Unit("Temp"), operation, RecordRightLevel.Allow));

    // ---- NotFound, Conflict, InvalidModel ------------------------------------------------------------------------------

    public static TheoryData<string, AccessChangeRefusal, string> ImpossibleChanges => new()
    {
        { "RemoveMembership of Bob in Sales", AccessChangeRefusal.NotFound, "Membership of `{Bob}` in `{Sales}` does not exist." },
        { "AddMembership of Alice in Sales", AccessChangeRefusal.Conflict, "Membership of `{Alice}` in `{Sales}` already exists." },
        { "AddUser Alice", AccessChangeRefusal.Conflict, "User `{Alice}` already exists." },
        { "AddRole Sales", AccessChangeRefusal.Conflict, "Role `{Sales}` already exists." },
        { "UpdateUser Dan", AccessChangeRefusal.NotFound, "User `{Dan}` does not exist." },
        { "DeleteUser Dan", AccessChangeRefusal.NotFound, "User `{Dan}` does not exist." },
        { "DeactivateUser Dan", AccessChangeRefusal.NotFound, "User `{Dan}` does not exist." },
        { "UpdateRole Marketing", AccessChangeRefusal.NotFound, "Role `{Marketing}` does not exist." },
        { "DeleteRole Marketing", AccessChangeRefusal.NotFound, "Role `{Marketing}` does not exist." },
        { "DeleteRole Sales", AccessChangeRefusal.Conflict, "Role `{Sales}` has role `{Managers of Sales}` below it; delete or move that role first." },
        { "DeleteRole All employees", AccessChangeRefusal.Conflict, "Role `{All employees}` is built in and cannot be deleted." },
        { "DeleteRole System administrators", AccessChangeRefusal.Conflict, "Role `{System administrators}` is built in and cannot be deleted." },
        { "AddFunctionalLink Secretaries to Head office", AccessChangeRefusal.Conflict, "Link of `{Secretaries}` to `{Head office}` already exists." },
        { "RemoveFunctionalLink Secretaries to Temp", AccessChangeRefusal.NotFound, "Link of `{Secretaries}` to `{Temp}` does not exist." },
        { "AddDelegation Bob to Temp", AccessChangeRefusal.Conflict, "Delegation from `{Bob}` to `{Temp}` already exists." },
        { "RemoveDelegation Alice to Temp", AccessChangeRefusal.NotFound, "Delegation from `{Alice}` to `{Temp}` does not exist." },
        { "SetObjectOperationRows Invoice", AccessChangeRefusal.NotFound, "Object `Invoice` does not exist." },
        { "SetObjectOperationRows Account with an Invoice row", AccessChangeRefusal.Conflict, "A row names object `Invoice`; every row must name `Account`." },
        { "SetSystemOperationRows CanApproveInvoices", AccessChangeRefusal.NotFound, "System operation `CanApproveInvoices` does not exist." },
        { "UpdateRecordPermissions Invoice", AccessChangeRefusal.NotFound, "Object `Invoice` does not exist." },
        { "CreateRecord r1", AccessChangeRefusal.Conflict, "Record `{r1}` of `Account` already exists." },
        { "DeleteRecord r3", AccessChangeRefusal.NotFound, "Record `{r3}` of `Account` does not exist." },
        { "ChangeRecordOwner r3", AccessChangeRefusal.NotFound, "Record `{r3}` of `Account` does not exist." },
        { "UnshareRecord r1 Read for Temp", AccessChangeRefusal.NotFound, "Right of `{Temp}` to Read record `{r1}` of `Account` does not exist." },
    };

    [Theory]
    [MemberData(nameof(ImpossibleChanges))]
    public async Task ApplyAsync_ChangeThatDoesNotApply_IsRefusedWithReasonAndChangesNothing(string change, AccessChangeRefusal refusal, string message)
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, Impossible(change, h.Org));

        Assert.Equal(refusal, result.Refusal);
        Assert.Equal(Expand(message, h.Org), result.Message);
        Assert.Equal(0, result.ChangeIndex);
        Assert.Empty(result.Errors);
        state.AssertUnchanged(h, result);
    }

    private static AccessChange Impossible(string change, Org org) => change switch
    {
        "RemoveMembership of Bob in Sales" => new RemoveMembership(new RoleMembership(org.UserId("Bob"), org["Sales"])),
        "AddMembership of Alice in Sales" => new AddMembership(new RoleMembership(org.UserId("Alice"), org["Sales"])),
        "AddUser Alice" => new AddUser(new UserDefinition(org.UserId("Alice"), "Another Alice")),
        "AddRole Sales" => new AddRole(new RoleDefinition(org["Sales"], "Sales again", AdminUnitKind.Team)),
        "UpdateUser Dan" => new UpdateUser(new UserDefinition(Ids.User("Dan"), "Dan")),
        "DeleteUser Dan" => new DeleteUser(Ids.User("Dan")),
        "DeactivateUser Dan" => new DeactivateUser(Ids.User("Dan")),
        "UpdateRole Marketing" => new UpdateRole(new RoleDefinition(Ids.Role("Marketing"), "Marketing", AdminUnitKind.Division)),
        "DeleteRole Marketing" => new DeleteRole(Ids.Role("Marketing")),
        "DeleteRole Sales" => new DeleteRole(org["Sales"]),
        "DeleteRole All employees" => new DeleteRole(BuiltInRoles.AllEmployees),
        "DeleteRole System administrators" => new DeleteRole(BuiltInRoles.SystemAdministrators),
        "AddFunctionalLink Secretaries to Head office" => new AddFunctionalLink(new FunctionalRoleLink(org["Secretaries"], org["Head office"])),
        "RemoveFunctionalLink Secretaries to Temp" => new RemoveFunctionalLink(new FunctionalRoleLink(org["Secretaries"], org["Temp"])),
        "AddDelegation Bob to Temp" => new AddDelegation(new Delegation(org.Unit("Bob"), org.Unit("Temp"))),
        "RemoveDelegation Alice to Temp" => new RemoveDelegation(org.Unit("Alice"), org.Unit("Temp")),
        "SetObjectOperationRows Invoice" => new SetObjectOperationRows("Invoice", []),
        "SetObjectOperationRows Account with an Invoice row" => new SetObjectOperationRows(AdminHarness.Account, [new ObjectOperationRow("Invoice", BuiltInRoles.AllEmployees, 0, ObjectOperations.Read)]),
        "SetSystemOperationRows CanApproveInvoices" => new SetSystemOperationRows(new SystemOperationCode("CanApproveInvoices"), []),
        "UpdateRecordPermissions Invoice" => new UpdateRecordPermissions("Invoice"),
        "CreateRecord r1" => new CreateRecord(new RecordDefinition(AdminHarness.Account, AdminHarness.R1, org.UserId("Bob"))),
        "DeleteRecord r3" => new DeleteRecord(AdminHarness.Account, Ids.Record("r3")),
        "ChangeRecordOwner r3" => new ChangeRecordOwner(AdminHarness.Account, Ids.Record("r3"), org.UserId("Bob")),
        "UnshareRecord r1 Read for Temp" => new UnshareRecord(AdminHarness.Account, AdminHarness.R1, org.Unit("Temp"), RecordOperation.Read),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "Unknown change."),
    };

    /// <summary>Replaces <c>{name}</c> with the id of the unit, role or record of that name.</summary>
    private static string Expand(string message, Org org)
    {
        foreach (string name in new[] { "Bob", "Alice", "Dan", "Sales", "Managers of Sales", "Marketing", "All employees", "System administrators", "Secretaries", "Head office", "Temp", "r1", "r3" })
        {
            string id = name switch
            {
                "Dan" => Ids.User("Dan").ToString(),
                "Marketing" => Ids.Role("Marketing").ToString(),
                "r1" or "r3" => Ids.Record(name).ToString(),
                _ => org.Unit(name).ToString(),
            };
            message = message.Replace("{" + name + "}", id, StringComparison.Ordinal);
        }

        return message;
    }

    [Fact]
    public async Task AddMembership_RoleIsNotDefined_IsRefusedAsInvalidModelWithTheModelErrors()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);
        RoleId undefined = Ids.Role("Undefined");

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(h.Org.UserId("Bob"), undefined)));

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        Assert.Equal("The model after the changes would be invalid: 1 problems.", result.Message);
        AccessModelError error = Assert.Single(result.Errors);
        Assert.Equal(AccessModelErrorCode.DanglingReference, error.Code);
        Assert.Contains(undefined.ToString(), error.Ids);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task AddMembership_PortalUserInAnEmployeeRole_IsRefusedAsInvalidModel()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(h.Org.UserId("Pat"), h.Org["Sales"])));

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        AccessModelError error = Assert.Single(result.Errors);
        Assert.Equal(AccessModelErrorCode.ExternalUserInNonPortalRole, error.Code);
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ShareRecord_RecordDoesNotExist_IsRefusedAsInvalidModel()
    {
        using AdminHarness h = AdminHarness.Create();
        var state = State.Of(h);

        AccessChangeResult result = await h.Admin.ApplyAsync(
            AccessActor.System,
            new ShareRecord(new RecordRightRow(AdminHarness.Account, Ids.Record("r3"), h.Org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow)));

        Assert.Equal(AccessChangeRefusal.InvalidModel, result.Refusal);
        Assert.Contains(result.Errors, e => e.Code == AccessModelErrorCode.DanglingReference && e.Ids.Contains(Ids.Record("r3").ToString()));
        state.AssertUnchanged(h, result);
    }

    [Fact]
    public async Task ApplyBatchAsync_NullOrEmpty_ThrowsArgumentExceptions()
    {
        using AdminHarness h = AdminHarness.Create();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await h.Admin.ApplyBatchAsync(AccessActor.System, null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await h.Admin.ApplyBatchAsync(AccessActor.System, [null!]));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await h.Admin.ApplyAsync(AccessActor.System, new AddUser(null!)));
        ArgumentException empty = await Assert.ThrowsAsync<ArgumentException>(async () => await h.Admin.ApplyBatchAsync(AccessActor.System, []));
        Assert.Equal("changes", empty.ParamName);
        Assert.Equal(1, h.Snapshot.Version);
    }

    /// <summary>What a refused change must leave as it was.</summary>
    internal sealed record State(AccessSnapshot Snapshot, AccessModel StoredModel, long StoredVersion, int AuditEvents)
    {
        public static State Of(AdminHarness h) => new(h.Snapshot, h.Store.Model, h.Store.Version, h.Sink.Count);

        public void AssertUnchanged(AdminHarness h, AccessChangeResult result)
        {
            Assert.False(result.IsApplied);
            Assert.NotEqual(AccessChangeRefusal.None, result.Refusal);
            Assert.NotEmpty(result.Message);
            Assert.Equal(Snapshot.Version, result.Version);
            Assert.Same(Snapshot, h.Snapshot);
            Assert.Same(StoredModel, h.Store.Model);
            Assert.Equal(StoredVersion, h.Store.Version);
            Assert.Equal(AuditEvents, h.Sink.Count);
        }
    }
}
