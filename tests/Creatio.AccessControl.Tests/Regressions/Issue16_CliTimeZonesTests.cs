using System.Diagnostics;
using Creatio.AccessControl.Cli;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Cli;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 16: the tool was built with invariant globalization, so <c>TimeZoneInfo</c> could not convert Windows
/// time-zone ids and the tool refused zones the library accepts. The tool runs here as its own process, with its own
/// runtime configuration (in-process it would share the test host's globalization and prove nothing).</summary>
public sealed class Issue16_CliTimeZonesTests
{
    private static string PolicyWithZone(string zone) => CliHost.TempFile("zone.policy.json", $$"""
        {
          "formatVersion": 1,
          "settings": { "supportAccess": { "timeZoneId": "{{zone}}", "environment": "production" } },
          "users": [ { "id": "20000000-0000-0000-0000-000000000001", "name": "Alice" } ]
        }
        """);

    private static (int ExitCode, string Stdout, string Stderr) RunTool(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Creatio.AccessControl.Cli.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        using Process process = Process.Start(start)!;
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), "the tool did not exit within a minute");
        return (process.ExitCode, stdout, stderr.Result);
    }

    [Theory]
    [InlineData("Pacific SA Standard Time")]
    [InlineData("America/Asuncion")]
    [InlineData("UTC")]
    public void Validate_ZoneTheLibraryAccepts_IsAccepted(string zone)
    {
        string path = PolicyWithZone(zone);
        using (FileStream stream = File.OpenRead(path))
        {
            AccessPolicyJson.Deserialize(stream);
        }

        (int exitCode, string stdout, string stderr) = RunTool("validate", path);

        Assert.True(exitCode == ExitCodes.Success, stdout + stderr);
        Assert.StartsWith($"{path}: valid:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZoneNobodyKnows_IsRefusedByBoth()
    {
        string path = PolicyWithZone("Mars/Olympus_Mons");
        using (FileStream stream = File.OpenRead(path))
        {
            Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(stream));
        }

        (int exitCode, string stdout, _) = RunTool("validate", path);

        Assert.Equal(ExitCodes.Negative, exitCode);
        Assert.Contains("`Mars/Olympus_Mons` is not known", stdout, StringComparison.Ordinal);
    }
}
