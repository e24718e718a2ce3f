using System.Text.Json;
using Creatio.AccessControl.Cli;
using Creatio.AccessControl.Tests.Serialization;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class EffectiveRolesCommandTests
{
    private const string Sam = "20000000-0000-0000-0000-000000000006";

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 60)];

    [Fact]
    public void EffectiveRoles_Manager_ShowsHowEachRoleWasObtained()
    {
        CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Mona");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [
                "Effective roles of Mona (20000000-0000-0000-0000-000000000003) at 2025-03-10T12:00:00.0000000+00:00: 9",
                "  Mona (20000000-0000-0000-0000-000000000003) [User]: own (the user)",
                "  All employees (a29a3ba5-4b0d-de11-9a51-005056c00008) [Organization]: direct membership",
                "  Managers of Sales (10000000-0000-0000-0000-000000000004) [Manager]: direct membership",
                "  Sales (10000000-0000-0000-0000-000000000002) [Division]: ancestor of Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Head office (10000000-0000-0000-0000-000000000001) [Organization]: ancestor of Sales (10000000-0000-0000-0000-000000000002)",
                "  Secretaries (10000000-0000-0000-0000-000000000005) [FunctionalRole]: functional link from Sales (10000000-0000-0000-0000-000000000002)",
                "  Sales Boston (10000000-0000-0000-0000-000000000003) [Division]: managed subtree of manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Alice (20000000-0000-0000-0000-000000000001) [User]: employee in the managed subtree of manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Bob (20000000-0000-0000-0000-000000000002) [User]: employee in the managed subtree of manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
            ],
            result.StdoutLines);
    }

    [Fact]
    public void EffectiveRoles_Json_ShowsDelegation()
    {
        CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", Sam, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        JsonElement eve = json.RootElement.GetProperty("effectiveRoles").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Eve");
        Assert.Equal("delegation", eve.GetProperty("obtained").GetString());
        Assert.Equal("20000000-0000-0000-0000-000000000008", eve.GetProperty("from").GetString());
    }

    [Fact]
    public void EffectiveRoles_TimeLimitedDelegation_EndsAtItsInstant()
    {
        CliResult before = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Olga", "--at", "2025-02-28T23:59:59Z");
        CliResult after = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Olga", "--at", "2025-03-01T00:00:00Z");

        Assert.Contains("  Head office (10000000-0000-0000-0000-000000000001) [Organization]: delegation from Head office (10000000-0000-0000-0000-000000000001)", before.StdoutLines);
        Assert.DoesNotContain(after.StdoutLines, l => l.Contains("Head office", StringComparison.Ordinal));
    }

    [Fact]
    public void EffectiveRoles_UnknownUser_UsageError()
    {
        CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "99999999-9999-9999-9999-999999999999");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `effective-roles`: option `--user`: the policy has no user with id `99999999-9999-9999-9999-999999999999`.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectiveRoles_MissingUser_UsageError()
    {
        CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: Option '--user' is required.\nRun `creatio-access effective-roles --help` for usage.\n", result.Stderr);
    }

    [Fact]
    public void Provenance_PipelinePolicy_EqualsTheEnginesEffectiveRoles()
    {
        AccessModel model = AccessControl.Serialization.AccessPolicyJson.Deserialize(File.ReadAllText(CliHost.PipelinePolicy));

        AssertSameAsEngine(model, [CliHost.ScenarioNow, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Provenance_RandomModels_EqualsTheEnginesEffectiveRoles(int seed)
    {
        // Support grants do not change E(u); their dates are moved into an ordinary year because the random models
        // hold grants on DateOnly.MinValue/MaxValue, which AccessSnapshot.Compile cannot turn into a window.
        AccessModelBuilder builder = RandomPolicyModels.Build(seed, 12).ToBuilder();
        SupportAccessGrant[] grants = [.. builder.SupportGrants];
        builder.SupportGrants.Clear();
        foreach (SupportAccessGrant grant in grants)
        {
            builder.SupportGrants.Add(grant with { StartDate = new DateOnly(2025, 1, 1), CloseDate = new DateOnly(2025, 1, 2) });
        }

        AccessModel model = builder.Build();
        DateTimeOffset[] instants =
        [
            DateTimeOffset.MinValue,
            .. model.Delegations
                .Where(d => d.EndsAt is { UtcTicks: > 0 })
                .SelectMany(d => new[] { new DateTimeOffset(d.EndsAt!.Value.UtcTicks - 1, TimeSpan.Zero), new DateTimeOffset(d.EndsAt!.Value.UtcTicks, TimeSpan.Zero) }),
            DateTimeOffset.MaxValue,
        ];

        AssertSameAsEngine(model, instants);
    }

    private static void AssertSameAsEngine(AccessModel model, IEnumerable<DateTimeOffset> instants)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        var provenance = new RoleProvenance(model);
        foreach (DateTimeOffset now in instants)
        {
            foreach (UserDefinition user in model.Users)
            {
                var engine = new HashSet<Guid>();
                foreach (AdminUnitId unit in snapshot.GetPrincipal(user.Id, now).EffectiveRoles)
                {
                    engine.Add(unit.Value);
                }

                HashSet<Guid> walked = [.. provenance.EffectiveRoles(user.Id, now).Select(o => o.Unit)];
                Assert.True(engine.SetEquals(walked), $"{user.Name} at {now:O}: engine [{string.Join(", ", engine.Order())}], walk [{string.Join(", ", walked.Order())}]");
            }
        }
    }
}
