using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The one-bit answers of an object's operation rows, written eight subjects at a time (issue 15): each equals
/// what the subject's deciding row answers, whatever the width of the deciding-row table and the number of subjects.</summary>
public sealed class ObjectAnswersTests
{
    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 60)]
    public void Create_EverySubjectAndOperation_AnswersAsItsDecidingRow(RandomPermissionModel random) =>
        AssertAnswersOfEveryObject(AccessSnapshot.Compile(random.Model));

    [Theory]
    [InlineData(37, 20)]
    [InlineData(45, 300)]
    [InlineData(9, 70000)]
    public void Create_NarrowAndWideTables_AnswersAsTheDecidingRows(int users, int rows)
    {
        var org = new Org();
        for (int u = 0; u < users; u++)
        {
            org.User($"U{u}");
        }

        AccessModelBuilder builder = org.Builder;
        builder.Add(new ObjectDefinition("Deal") { UseOperationPermissions = true });
        for (int r = 0; r < rows; r++)
        {
            // Rows to single users, then to everyone; operations vary so that every answer occurs.
            AdminUnitId grantee = r < rows - 1 ? Ids.User($"U{(r * 7) % (users + 3)}") : BuiltInRoles.AllEmployees;
            if (r < rows - 1 && (r * 7) % (users + 3) >= users)
            {
                grantee = BuiltInRoles.SystemAdministrators;
            }

            builder.Add(new ObjectOperationRow("Deal", grantee, r, (ObjectOperations)(r % 16)));
        }

        AccessSnapshot snapshot = AccessSnapshot.Compile(builder.Build());
        Assert.NotNull(snapshot.Objects[snapshot.ObjectIndex["Deal"]].Answers);
        AssertAnswersOfEveryObject(snapshot);
    }

    private static void AssertAnswersOfEveryObject(AccessSnapshot snapshot)
    {
        foreach (CompiledObject compiled in snapshot.Objects)
        {
            if (compiled.Answers is not { } answers)
            {
                continue;
            }

            FirstMatchRows rows = answers.Rows;
            for (int subject = 0; subject < rows.SubjectCount; subject++)
            {
                int row = rows.DecidingRow(subject);
                foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
                {
                    int expected = row >= 0 && (rows.Value[row] & OperationEncoding.Bit(operation)) != 0 ? 1 : 0;
                    Assert.Equal(expected, answers.Of(subject, operation));
                }
            }
        }
    }
}
