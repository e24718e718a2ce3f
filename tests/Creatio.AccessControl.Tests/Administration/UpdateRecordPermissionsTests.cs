using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Update record permissions rewrites the Default rows of one object and keeps its Manual rows (DESIGN.md §5).</summary>
public sealed class UpdateRecordPermissionsTests
{
    private static readonly ObjectName s_invoice = "Invoice";
    private static readonly RecordId s_invoice1 = Ids.Record("invoice 1");

    private static AdminHarness Create() => AdminHarness.Create(org =>
    {
        org.User("Tess", "Temp").User("Hank", "Head office");
        org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default));
        org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R1, org.Unit("Bob"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Manual));
        org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Delete, RecordRightLevel.Allow, RecordRightSource.Manual));
        org.Builder.Add(new ObjectDefinition(s_invoice) { UseRecordPermissions = true });
        org.Builder.Add(new RecordDefinition(s_invoice, s_invoice1, org.UserId("Alice")));
        org.Builder.Add(new RecordRightRow(s_invoice, s_invoice1, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default));
    });

    [Fact]
    public async Task UpdateRecordPermissions_StaleDefaultRows_AreReplacedByTheCurrentRulesAndManualRowsStay()
    {
        using AdminHarness h = Create();
        Org org = h.Org;

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new UpdateRecordPermissions(AdminHarness.Account));

        Assert.True(result.IsApplied, result.Message);
        RecordRightRow[] expected =
        [
            new(AdminHarness.Account, AdminHarness.R1, org.Unit("Bob"), RecordOperation.Edit, RecordRightLevel.Allow, RecordRightSource.Manual),
            new(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Delete, RecordRightLevel.Allow, RecordRightSource.Manual),
            new(AdminHarness.Account, AdminHarness.R1, org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default),
        ];
        Assert.Equal(
            expected.Select(r => r.ToString()).Order(StringComparer.Ordinal),
            h.Snapshot.Model.RecordRightRows.Where(r => r.Object == AdminHarness.Account).Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task UpdateRecordPermissions_OneObject_LeavesTheDefaultRowsOfOtherObjects()
    {
        using AdminHarness h = Create();

        await h.Admin.ApplyAsync(AccessActor.System, new UpdateRecordPermissions(AdminHarness.Account));

        Assert.Contains(h.Snapshot.Model.RecordRightRows, r => r.Object == s_invoice && r.Source == RecordRightSource.Default);
        Assert.True(h.Principal("Tess").CheckRecord(s_invoice, s_invoice1, RecordOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UpdateRecordPermissions_Applied_DecisionsFollowTheRewrittenRows()
    {
        using AdminHarness h = Create();
        Assert.True(h.Principal("Tess").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);
        Assert.False(h.Principal("Hank").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);

        await h.Admin.ApplyAsync(AccessActor.System, new UpdateRecordPermissions(AdminHarness.Account));

        Assert.False(h.Principal("Tess").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);
        Assert.True(h.Principal("Hank").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read).IsAllowed);
        Assert.True(h.Principal("Bob").CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Edit).IsAllowed);
        Assert.True(h.Principal("Tess").CheckRecord(AdminHarness.Account, AdminHarness.R2, RecordOperation.Delete).IsAllowed);
    }
}
