using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Reference;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>The Default rows a created record gets (DESIGN.md §5) agree with the plain reference, on random models whose
/// organizations and users carry random accounts.</summary>
public sealed class DefaultRecordRightProperties
{
    private static readonly ObjectName s_object = "Doc";

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 60)]
    public async Task CreateRecord_ByEveryUser_WritesTheDefaultRowsOfTheReference(RandomModel random, int seed)
    {
        var rng = new Random(seed);
        AccessModel model = WithAccountsAndRules(random, rng);
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(model, 1), new FakeTimeProvider(random.Now));
        var admin = new AccessAdministration(evaluator);

        int n = 0;
        foreach (UserId user in random.Users)
        {
            var record = new RecordDefinition(s_object, Ids.Record($"{seed}:{n++}"), user);
            List<RecordRightRow> expected = ReferenceDefaultRecordRights.For(
                evaluator.Snapshot.Model, record, u => ReferenceEffectiveRoles.Compute(evaluator.Snapshot.Model, u, random.Now));

            AccessChangeResult result = await admin.ApplyAsync(AccessActor.System, new CreateRecord(record));

            Assert.True(result.IsApplied, result.Message);
            List<RecordRightRow> actual = [.. evaluator.Snapshot.Model.RecordRightRows.Where(r => r.Record == record.Id)];
            Assert.True(
                expected.Count == actual.Count && expected.ToHashSet().SetEquals(actual),
                $"record by {user}: expected [{string.Join("; ", expected)}], got [{string.Join("; ", actual)}]");
        }
    }

    /// <summary>The model with the object, accounts on a random half of the organizations (two may share one) and of the
    /// users, and random default rules, a third of them for the author's portal organization.</summary>
    private static AccessModel WithAccountsAndRules(RandomModel random, Random rng)
    {
        AccountId[] accounts = [Ids.Account("a"), Ids.Account("b"), Ids.Account("c")];
        AccessModelBuilder builder = random.Builder.Build().ToBuilder();
        for (int i = 0; i < builder.Roles.Count; i++)
        {
            if (builder.Roles[i].Kind == AdminUnitKind.Organization && rng.Next(2) == 0)
            {
                builder.Roles[i] = builder.Roles[i] with { Account = accounts[rng.Next(accounts.Length)] };
            }
        }

        for (int i = 0; i < builder.Users.Count; i++)
        {
            if (rng.Next(3) > 0)
            {
                builder.Users[i] = builder.Users[i] with { Account = accounts[rng.Next(accounts.Length)] };
            }
        }

        builder.Add(new ObjectDefinition(s_object) { UseRecordPermissions = true });
        List<AdminUnitId> units = [.. random.Roles.Select(r => (AdminUnitId)r), .. random.Users.Select(u => (AdminUnitId)u)];
        for (int i = rng.Next(1, 6); i > 0; i--)
        {
            builder.Add(new DefaultRecordRightRule(
                s_object,
                units[rng.Next(units.Count)],
                rng.Next(3) == 0 ? null : units[rng.Next(units.Count)],
                (RecordOperation)rng.Next(3),
                (RecordRightLevel)rng.Next(3)));
        }

        return builder.Build();
    }
}
