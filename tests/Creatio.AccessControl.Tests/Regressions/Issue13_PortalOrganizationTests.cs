using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13: a portal user without an account was given, as "the author's portal organization" of a default
/// record rule, the portal organization they were a member of, which granted their colleagues more than Creatio does.
/// DESIGN.md §5: the author's portal organization is only the one linked to the author's account.</summary>
public sealed class Issue13_PortalOrganizationTests
{
    private static readonly RecordId s_case = Ids.Record("case");

    /// <summary>The harness, with Gus, a portal user without an account, in Acme beside Pat (who has Acme's account).</summary>
    private static AdminHarness Harness() => AdminHarness.Create(org =>
    {
        org.Portal("Gus", "Acme");
        int account = org.Builder.Objects.IndexOf(org.Builder.Objects.Single(o => o.Name == AdminHarness.Account));
        org.Builder.Objects[account] = org.Builder.Objects[account] with { IsAvailableForPortal = true };
        org.Builder.Add(new ObjectOperationRow(AdminHarness.Account, BuiltInRoles.AllPortalUsers, 2, ObjectOperations.Read | ObjectOperations.Create));
    });

    [Fact]
    public async Task CreateRecord_ByAPortalUserWithoutAccount_GrantsNothingToTheOrganizationTheyBelongTo()
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.Admin.ApplyAsync(
            AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, s_case, h.Org.UserId("Gus"), h.Org.UserId("Gus"))));

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(h.Snapshot.Model.RecordRightRows, r => r.Record == s_case);
        Assert.False(h.Principal("Pat").CheckRecord(AdminHarness.Account, s_case, RecordOperation.Read).IsAllowed);
        Assert.True(h.Principal("Gus").CheckRecord(AdminHarness.Account, s_case, RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UpdateRecordPermissions_RecordOfAPortalUserWithoutAccount_WritesNoRowForTheirOrganization()
    {
        using AdminHarness h = Harness();
        Assert.True((await h.Admin.ApplyAsync(
            AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, s_case, h.Org.UserId("Gus"))))).IsApplied);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new UpdateRecordPermissions(AdminHarness.Account));

        Assert.True(result.IsApplied, result.Message);
        Assert.DoesNotContain(h.Snapshot.Model.RecordRightRows, r => r.Record == s_case);
    }

    [Fact]
    public async Task CreateRecord_ByAPortalUserWithTheOrganizationsAccount_StillGrantsTheOrganization()
    {
        using AdminHarness h = Harness();

        AccessChangeResult result = await h.Admin.ApplyAsync(
            AccessActor.System, new CreateRecord(new RecordDefinition(AdminHarness.Account, s_case, h.Org.UserId("Pat"))));

        Assert.True(result.IsApplied, result.Message);
        Assert.Equal(h.Org.Unit("Acme"), Assert.Single(h.Snapshot.Model.RecordRightRows, r => r.Record == s_case).Grantee);
        Assert.True(h.Principal("Gus").CheckRecord(AdminHarness.Account, s_case, RecordOperation.Read).IsAllowed);
    }
}
