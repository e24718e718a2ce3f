using Creatio.AccessControl.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>Runs the CLI in-process, with a fixed clock, and keeps what it wrote.</summary>
internal static class CliHost
{
    /// <summary>The instant of the pipeline scenario.</summary>
    public static readonly DateTimeOffset ScenarioNow = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static string ScenarioDirectory => Path.Combine(AppContext.BaseDirectory, "Cli", "Scenarios");

    public static string PipelinePolicy => Path.Combine(ScenarioDirectory, "pipeline.policy.json");

    public static string PipelineTest => Path.Combine(ScenarioDirectory, "pipeline.test.json");

    /// <summary>Finds a file of the repository (<c>schemas/…</c>, <c>tools/…</c>) in a folder above the test output.</summary>
    public static string RepositoryFile(params string[] parts)
    {
        string relative = Path.Combine(parts);
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string path = Path.Combine(directory.FullName, relative);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{relative} not found above the test output.");
    }

    public static CliResult Run(params string[] args) => RunAt(ScenarioNow, args);

    public static CliResult RunAt(DateTimeOffset now, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        int exit = CliApp.Run(args, stdout, stderr, new FakeTimeProvider(now));
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Writes a file in a fresh temporary folder and returns its path.</summary>
    public static string TempFile(string name, string content)
    {
        string directory = Path.Combine(Path.GetTempPath(), "creatio-access-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
