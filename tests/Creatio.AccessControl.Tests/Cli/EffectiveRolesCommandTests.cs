using System.Text.Json;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class EffectiveRolesCommandTests
{
    private const string Sam = "20000000-0000-0000-0000-000000000006";

    [Fact]
    public void EffectiveRoles_Manager_ShowsHowEachRoleWasObtained()
    {
        CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Mona");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(
            [
                "Effective roles of Mona (20000000-0000-0000-0000-000000000003) at 2025-03-10T12:00:00.0000000+00:00: 9",
                "  Mona (20000000-0000-0000-0000-000000000003) [User]: the user",
                "  All employees (a29a3ba5-4b0d-de11-9a51-005056c00008) [Organization]: built-in membership (every employee)",
                "  Managers of Sales (10000000-0000-0000-0000-000000000004) [Manager]: direct membership",
                "  Sales (10000000-0000-0000-0000-000000000002) [Division]: ancestor of Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Secretaries (10000000-0000-0000-0000-000000000005) [FunctionalRole]: functional link from Sales (10000000-0000-0000-0000-000000000002)",
                "  Head office (10000000-0000-0000-0000-000000000001) [Organization]: ancestor of Sales (10000000-0000-0000-0000-000000000002)",
                "  Sales Boston (10000000-0000-0000-0000-000000000003) [Division]: through manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Alice (20000000-0000-0000-0000-000000000001) [User]: through manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
                "  Bob (20000000-0000-0000-0000-000000000002) [User]: through manager unit Managers of Sales (10000000-0000-0000-0000-000000000004)",
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
        Assert.Equal("20000000-0000-0000-0000-000000000008", eve.GetProperty("via").GetString());
    }

    [Fact]
    public void EffectiveRoles_TimeLimitedDelegation_EndsAtItsInstant()
    {
        CliResult before = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Olga", "--at", "2025-02-28T23:59:59Z");
        CliResult after = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", "Olga", "--at", "2025-03-01T00:00:00Z");

        Assert.Contains("  Head office (10000000-0000-0000-0000-000000000001) [Organization]: delegated by Head office (10000000-0000-0000-0000-000000000001)", before.StdoutLines);
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
    public void EffectiveRoles_EveryUserOfThePipelinePolicy_ListsTheEnginesEffectiveRoles()
    {
        AccessModel model = AccessControl.Serialization.AccessPolicyJson.Deserialize(File.ReadAllText(CliHost.PipelinePolicy));
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        foreach (UserDefinition user in model.Users)
        {
            var engine = new HashSet<Guid>();
            foreach (AdminUnitId unit in snapshot.GetPrincipal(user.Id, CliHost.ScenarioNow).EffectiveRoles)
            {
                engine.Add(unit.Value);
            }

            CliResult result = CliHost.Run("effective-roles", CliHost.PipelinePolicy, "--user", user.Id.Value.ToString(), "--json");
            using JsonDocument json = JsonDocument.Parse(result.Stdout);
            Guid[] listed = [.. json.RootElement.GetProperty("effectiveRoles").EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];

            Assert.True(engine.SetEquals(listed) && listed.Length == engine.Count, $"{user.Name}: engine [{string.Join(", ", engine.Order())}], listed [{string.Join(", ", listed)}]");
        }
    }
}
