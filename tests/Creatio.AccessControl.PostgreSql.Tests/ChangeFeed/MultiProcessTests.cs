using System.Diagnostics;
using Creatio.AccessControl.Testing.PostgreSql;
using Creatio.AccessControl.Tests.Serialization;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.ChangeFeed;

/// <summary>Three instances in three processes (the test host project, started with <c>dotnet</c> on its dll) writing to
/// one database at once.</summary>
public sealed class MultiProcessTests(PostgreSqlServerFixture server) : PostgreSqlTest(server)
{
    private const int ChangesPerProcess = 5;

    [Fact]
    public async Task ThreeProcesses_WriteAtOnce_DatabaseHoldsEveryAcknowledgedChangeAndEveryProcessAgrees()
    {
        string connectionString = await Server.CreateDatabaseAsync("processes");
        NpgsqlDataSource dataSource = Server.CreateDataSource(connectionString);
        await PostgreSqlAccessSchema.MigrateAsync(dataSource);
        var store = new PostgreSqlAccessStore(dataSource);
        await store.ImportAsync(PolicyExamples.EveryFeature());
        var processes = new List<HostProcess>();
        try
        {
            foreach (string name in new[] { "east", "west", "north" })
            {
                processes.Add(HostProcess.Start(connectionString, name, ChangesPerProcess));
            }

            Assert.All(await Task.WhenAll(processes.Select(p => p.ReadLineAsync())), line => Assert.Equal("ready 1", line));
            processes.ForEach(p => p.WriteLine("go"));
            Assert.All(await Task.WhenAll(processes.Select(p => p.ReadLineAsync())), line => Assert.Equal("written", line));

            Stores.VersionedAccessModel stored = await store.LoadVersionedModelAsync();
            processes.ForEach(p => p.WriteLine($"expect {stored.Version}"));
            string[] reports = await Task.WhenAll(processes.Select(p => p.ReadLineAsync()));

            Assert.Equal(1 + (3 * ChangesPerProcess), stored.Version);
            string fingerprint = string.Join(",", stored.Model.Users.Select(u => u.Name).Order(StringComparer.Ordinal));
            Assert.All(reports, report => Assert.Equal($"at {stored.Version} {fingerprint}", report));
            Assert.Equal(3 * ChangesPerProcess, stored.Model.Users.Count(u => u.Name.StartsWith("east ", StringComparison.Ordinal) || u.Name.StartsWith("west ", StringComparison.Ordinal) || u.Name.StartsWith("north ", StringComparison.Ordinal)));
        }
        finally
        {
            foreach (HostProcess process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly Process _process;

        private HostProcess(Process process) => _process = process;

        public static HostProcess Start(string connectionString, string name, int changes)
        {
            // bin/<configuration>/<framework>/ of this test project → the same folder of the test host project.
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            string framework = output.Name;
            string configuration = output.Parent!.Name;
            string tests = output.Parent.Parent!.Parent!.Parent!.FullName;
            string dll = Path.Combine(tests, "Creatio.AccessControl.PostgreSql.TestHost", "bin", configuration, framework, "Creatio.AccessControl.PostgreSql.TestHost.dll");
            Assert.True(File.Exists(dll), $"The test host is not built: {dll} does not exist.");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(dll);
            start.ArgumentList.Add(connectionString);
            start.ArgumentList.Add(name);
            start.ArgumentList.Add(changes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new HostProcess(Process.Start(start)!);
        }

        public void WriteLine(string line)
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }

        public async Task<string> ReadLineAsync()
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            return await _process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException($"The test host exited with {(_process.HasExited ? _process.ExitCode : -1)}.");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                try
                {
                    WriteLine("stop");
                    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                    await _process.WaitForExitAsync(deadline.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException)
                {
                    _process.Kill(entireProcessTree: true);
                }
            }

            _process.Dispose();
        }
    }
}
