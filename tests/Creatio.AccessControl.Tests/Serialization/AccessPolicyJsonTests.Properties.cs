using Creatio.AccessControl.Serialization;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Serialization;

public sealed partial class AccessPolicyJsonTests
{
    [Property(Arbitrary = [typeof(RandomPolicyModels)], MaxTest = 100)]
    public void Deserialize_SerializedRandomModel_GivesEqualModelAndSameText(AccessModel model)
    {
        string json = AccessPolicyJson.Serialize(model);

        AccessModel read = AccessPolicyJson.Deserialize(json);

        PolicyModelAssert.Equal(model, read);
        Assert.Equal(json, AccessPolicyJson.Serialize(read));
    }

    [Fact]
    public void RandomPolicyModels_LargeSizes_CoverEveryList()
    {
        AccessModel[] models = [.. Enumerable.Range(0, 20).Select(seed => RandomPolicyModels.Build(seed, 30))];

        Assert.Contains(models, m => m.Users.Length > 0 && m.Memberships.Length > 0 && m.FunctionalLinks.Length > 0 && m.Delegations.Length > 0);
        Assert.Contains(models, m => m.ObjectOperationRows.Length > 0 && m.ColumnRightRows.Length > 0 && m.RecordRightRows.Length > 0 && m.DefaultRecordRightRules.Length > 0);
        Assert.Contains(models, m => m.SystemOperations.Any(o => o.ObjectAccess.Count > 0) && m.SystemOperationRows.Length > 0);
        Assert.Contains(models, m => m.Workplaces.Any(w => w.Objects.Count > 0) && m.SupportGrants.Any(g => g.Workplaces.Count > 0) && m.Records.Any(r => r.CreatedInSupportGrant is not null));
        Assert.Contains(models, m => m.Settings.EnabledAuditEvents.Count > 1 && m.Settings.SupportAccess != SupportAccessSettings.Default);
        Assert.Contains(models, m => m.SupportGrants.Any(g => g.StartDate == DateOnly.MinValue));
        Assert.Contains(models, m => m.SupportGrants.Any(g => g.CloseDate == DateOnly.MaxValue));
    }
}
