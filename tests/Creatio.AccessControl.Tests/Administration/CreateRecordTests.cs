using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Default record rights written when a record is created (DESIGN.md §5, §9).</summary>
public sealed class CreateRecordTests
{
    private static readonly RecordId s_new = Ids.Record("new");

    private static async Task<RecordRightRow[]> CreateAsync(AdminHarness h, string author)
    {
        AccessChangeResult result = await h.Admin.ApplyAsync(
            AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, s_new, h.Org.UserId(author), h.Org.UserId(author))));
        Assert.True(result.IsApplied, result.Message);
        return [.. h.Snapshot.Model.RecordRightRows.Where(r => r.Record == s_new)];
    }

    [Theory]
    [InlineData("Alice")]
    [InlineData("Carol")]
    public async Task CreateRecord_AuthorHasTheRuleAuthorUnitInEffectiveRoles_WritesTheDefaultRow(string author)
    {
        // Alice is a member of Sales; Carol is in Sales' Manager unit, whose parent is Sales.
        using AdminHarness h = AdminHarness.Create();

        RecordRightRow[] rows = await CreateAsync(h, author);

        RecordRightRow row = Assert.Single(rows);
        Assert.Equal(new RecordRightRow(AdminHarness.Account, s_new, h.Org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default), row);
    }

    [Fact]
    public async Task CreateRecord_AuthorOutsideEveryRuleAuthorUnit_WritesNoRow()
    {
        using AdminHarness h = AdminHarness.Create();

        RecordRightRow[] rows = await CreateAsync(h, "Bob");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task CreateRecord_HeadOfficeRuleApplied_HeadOfficeMemberMayReadButNotEdit()
    {
        using AdminHarness h = AdminHarness.Create(org => org.User("Hank", "Head office"));

        await CreateAsync(h, "Alice");

        AccessPrincipal hank = h.Principal("Hank");
        Assert.True(hank.CheckRecord(AdminHarness.Account, s_new, RecordOperation.Read).IsAllowed);
        Assert.False(hank.CheckRecord(AdminHarness.Account, s_new, RecordOperation.Edit).IsAllowed);
    }

    [Fact]
    public async Task CreateRecord_PortalUserLinkedToTheOrganizationsAccount_GrantsTheAuthorsPortalOrganization()
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Portal("Pia", "Acme").Organization("Globex", "All portal users").Portal("Gus", "Globex");
            int account = org.Builder.Objects.IndexOf(org.Builder.Objects.Single(o => o.Name == AdminHarness.Account));
            org.Builder.Objects[account] = org.Builder.Objects[account] with { IsAvailableForPortal = true };
            org.Builder.Add(new ObjectOperationRow(AdminHarness.Account, BuiltInRoles.AllPortalUsers, 2, ObjectOperations.Read));
        });

        RecordRightRow[] rows = await CreateAsync(h, "Pat");

        RecordRightRow row = Assert.Single(rows);
        Assert.Equal(new RecordRightRow(AdminHarness.Account, s_new, h.Org.Unit("Acme"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default), row);
        Assert.True(h.Principal("Pia").CheckRecord(AdminHarness.Account, s_new, RecordOperation.Read).IsAllowed);
        Assert.False(h.Principal("Gus").CheckRecord(AdminHarness.Account, s_new, RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task CreateRecord_PortalUserWithoutAccountButMemberOfAPortalOrganization_WritesNoRow()
    {
        // Decision (§5): membership in a portal organization does not stand in for a missing account.
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Organization("Globex", "All portal users").Portal("Gus", "Globex");
            int globex = org.Builder.Roles.IndexOf(org.Builder.Roles.Single(r => r.Id == org["Globex"]));
            org.Builder.Roles[globex] = org.Builder.Roles[globex] with { Account = Ids.Account("Globex") };
        });

        RecordRightRow[] rows = await CreateAsync(h, "Gus");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task CreateRecord_PortalUserWhoseAccountNoOrganizationIsLinkedTo_WritesNoRowEvenAsMemberOfAPortalOrganization()
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Portal("Pia", "Acme");
            int pia = org.Builder.Users.IndexOf(org.Builder.Users.Single(u => u.Id == org.UserId("Pia")));
            org.Builder.Users[pia] = org.Builder.Users[pia] with { Account = Ids.Account("Initech") };
        });

        RecordRightRow[] rows = await CreateAsync(h, "Pia");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task CreateRecord_TwoOrganizationsLinkedToTheAuthorsAccount_GrantsEach()
    {
        using AdminHarness h = AdminHarness.Create(org =>
        {
            org.Organization("Acme branch", "All portal users");
            int branch = org.Builder.Roles.IndexOf(org.Builder.Roles.Single(r => r.Id == org["Acme branch"]));
            org.Builder.Roles[branch] = org.Builder.Roles[branch] with { Account = AdminHarness.AcmeAccount };
        });

        RecordRightRow[] rows = await CreateAsync(h, "Pat");

        Assert.Equal(2, rows.Length);
        Assert.Equal(new HashSet<AdminUnitId> { h.Org.Unit("Acme"), h.Org.Unit("Acme branch") }, rows.Select(r => r.Grantee).ToHashSet());
    }

    [Fact]
    public async Task CreateRecord_EmployeeWithAnAccountLinkedToAPortalOrganization_GrantsThatOrganization()
    {
        // The author's portal organization is the one linked to the author's account, whoever the author is.
        using AdminHarness h = AdminHarness.Create(org =>
        {
            int bob = org.Builder.Users.IndexOf(org.Builder.Users.Single(u => u.Id == org.UserId("Bob")));
            org.Builder.Users[bob] = org.Builder.Users[bob] with { Account = AdminHarness.AcmeAccount };
            org.Builder.Add(new DefaultRecordRightRule(AdminHarness.Account, BuiltInRoles.AllEmployees, null, RecordOperation.Edit, RecordRightLevel.Allow));
        });

        RecordRightRow[] rows = await CreateAsync(h, "Bob");

        Assert.Equal(new RecordRightRow(AdminHarness.Account, s_new, h.Org.Unit("Acme"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Default), Assert.Single(rows));
    }

    [Fact]
    public async Task CreateRecord_RulesChangedEarlier_OnlyLaterRecordsFollowTheNewRules()
    {
        using AdminHarness h = AdminHarness.Create();
        var rule = new DefaultRecordRightRule(AdminHarness.Account, BuiltInRoles.AllEmployees, h.Org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.AllowAndGrant);
        Assert.True((await h.Admin.ApplyAsync(AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, Ids.Record("old"), h.Org.UserId("Bob"))))).IsApplied);
        Assert.True((await h.Admin.ApplyAsync(AccessActor.System, new SetDefaultRecordRightRules(AdminHarness.Account, [rule]))).IsApplied);

        RecordRightRow[] rows = await CreateAsync(h, "Bob");

        Assert.Equal(new RecordRightRow(AdminHarness.Account, s_new, h.Org.Unit("Temp"), RecordOperation.Edit, RecordRightLevel.AllowAndGrant, RecordRightSource.Default), Assert.Single(rows));
        Assert.DoesNotContain(h.Snapshot.Model.RecordRightRows, r => r.Record == Ids.Record("old"));
    }

    [Fact]
    public async Task CreateRecord_WithoutAuthor_WritesNoRow()
    {
        using AdminHarness h = AdminHarness.Create();

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, s_new)));

        Assert.True(result.IsApplied);
        Assert.DoesNotContain(h.Snapshot.Model.RecordRightRows, r => r.Record == s_new);
    }
}
