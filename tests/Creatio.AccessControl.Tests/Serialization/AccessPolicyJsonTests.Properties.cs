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
    }
}
