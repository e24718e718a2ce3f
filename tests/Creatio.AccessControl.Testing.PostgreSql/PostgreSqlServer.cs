using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Creatio.AccessControl.Testing.PostgreSql;

/// <summary>A throwaway PostgreSQL server started from the server binaries of Debian's <c>postgresql</c> package, in a
/// temporary folder, on a free localhost port; stopped and deleted on dispose.</summary>
/// <remarks>
/// <para>The binaries are looked up in <c>$CREATIO_POSTGRES_BIN</c> when it is set, else in
/// <c>/usr/lib/postgresql/15/bin</c>, else in the newest <c>/usr/lib/postgresql/*/bin</c>. PostgreSQL refuses to run as
/// root: run as root, <c>initdb</c> and <c>pg_ctl</c> run as the <c>postgres</c> user through <c>runuser</c>, and the
/// folder is given to that user.</para>
/// <para>The server trusts local connections, keeps no data safe across a crash (<c>fsync=off</c>) and logs to
/// <c>server.log</c> in its folder; a server that does not start fails with that log's tail in the message. A folder left
/// by a test run that died is stopped and deleted by the next run.</para>
/// </remarks>
public sealed class PostgreSqlServer : IAsyncDisposable
{
    /// <summary>The environment variable that names the folder of the server binaries.</summary>
    public const string BinariesVariable = "CREATIO_POSTGRES_BIN";

    private const string FolderPrefix = "creatio-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(120);

    private readonly string _binaries;
    private readonly bool _asRoot;
    private readonly bool _kept;
    private int _databases;

    private PostgreSqlServer(string binaries, bool asRoot, string folder, int port, bool kept = false)
    {
        _binaries = binaries;
        _asRoot = asRoot;
        _kept = kept;
        Folder = folder;
        Port = port;
        AdminConnectionString = ConnectionStringFor("postgres");
    }

    /// <summary>Gets the temporary folder holding the data folder, the socket and the log.</summary>
    public string Folder { get; }

    /// <summary>Gets the localhost port the server listens on.</summary>
    public int Port { get; }

    /// <summary>Gets a connection string to the <c>postgres</c> database as the superuser <c>postgres</c>.</summary>
    public string AdminConnectionString { get; }

    private string DataFolder => Path.Combine(Folder, "data");

    private string LogFile => Path.Combine(Folder, "server.log");

    /// <summary>Starts a server.</summary>
    /// <param name="binariesFolder">The folder of <c>initdb</c> and <c>pg_ctl</c>; found as the type's remarks say when
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">The binaries are missing, or the server did not start; the message says why.</exception>
    public static async Task<PostgreSqlServer> StartAsync(string? binariesFolder = null, CancellationToken cancellationToken = default)
    {
        string binaries = FindBinaries(binariesFolder);
        bool asRoot = Environment.UserName == "root";
        await RemoveAbandonedFoldersAsync(binaries, asRoot);

        string folder = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder], cancellationToken);
        }

        PostgreSqlServer? server = null;
        try
        {
            // Another process may take the port between the probe and the start: try a few.
            for (int attempt = 1; ; attempt++)
            {
                server = new PostgreSqlServer(binaries, asRoot, folder, FreePort());
                if (attempt == 1)
                {
                    await server.PostgresAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
                }

                try
                {
                    await server.StartServerAsync(cancellationToken);
                    break;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }

            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            string log = server is null ? string.Empty : server.LogTail();
            await StopAndDeleteAsync(binaries, asRoot, folder);
            throw new InvalidOperationException(
                $"The throwaway PostgreSQL server did not start from {binaries}: {exception.Message}{(log.Length > 0 ? $"{Environment.NewLine}server.log:{Environment.NewLine}{log}" : string.Empty)}",
                exception);
        }
    }

    /// <summary>Starts a server whose data is kept in <paramref name="folder"/>: the data folder is created there on the first
    /// start and used again by later ones (a server left running there by a process that died is stopped first); dispose
    /// stops the server and keeps the folder. For benchmarks whose data takes long to generate. A folder whose server a
    /// running process started is refused.</summary>
    /// <param name="folder">The folder of the data folder, the socket and the log; created when missing.</param>
    /// <param name="binariesFolder">The folder of <c>initdb</c> and <c>pg_ctl</c>; found as the type's remarks say when
    /// <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="InvalidOperationException">The binaries are missing, or the server did not start; the message says why.</exception>
    public static async Task<PostgreSqlServer> StartKeptAsync(string folder, string? binariesFolder = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string binaries = FindBinaries(binariesFolder);
        bool asRoot = Environment.UserName == "root";
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:postgres", folder], cancellationToken);
        }

        var server = new PostgreSqlServer(binaries, asRoot, folder, FreePort(), kept: true);
        try
        {
            if (!File.Exists(Path.Combine(server.DataFolder, "PG_VERSION")))
            {
                await server.PostgresAsync("initdb", ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], cancellationToken);
            }
            else if (File.Exists(Path.Combine(server.DataFolder, "postmaster.pid")))
            {
                string owner = Path.Combine(folder, OwnerFile);
                if (File.Exists(owner) && int.TryParse(await File.ReadAllTextAsync(owner, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && IsRunning(pid))
                {
                    throw new InvalidOperationException($"process {pid} runs a server on this folder.");
                }

                await server.StopAsync("immediate");
            }

            await File.WriteAllTextAsync(Path.Combine(folder, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);

            await server.StartServerAsync(cancellationToken);
            await server.WaitUntilReadyAsync(cancellationToken);
            return server;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL server kept in {folder} did not start from {binaries}: {exception.Message}{Environment.NewLine}server.log:{Environment.NewLine}{server.LogTail()}",
                exception);
        }
    }

    /// <summary>Stops the server (<c>pg_ctl stop -m fast</c>: every session is ended, committed data is kept), keeps it down
    /// for <paramref name="downtime"/>, and starts it again on the same port and data; every connection is lost, and the
    /// pools of this process are cleared so that its later connections are new.</summary>
    /// <param name="downtime">How long the server stays down.</param>
    /// <param name="cancellationToken">Cancels the restart.</param>
    /// <returns>A task that completes when the server accepts connections again.</returns>
    public async Task RestartAsync(TimeSpan downtime, CancellationToken cancellationToken = default)
    {
        await PostgresAsync("pg_ctl", ["-D", DataFolder, "-m", "fast", "-w", "stop"], cancellationToken);
        await Task.Delay(downtime, cancellationToken);
        await StartServerAsync(cancellationToken);
        await WaitUntilReadyAsync(cancellationToken);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Returns a connection string to a database of this server as the superuser <c>postgres</c>.</summary>
    /// <param name="database">The database.</param>
    /// <returns>The connection string.</returns>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        Pooling = true,
        Timeout = 30,
        CommandTimeout = 300,
    }.ConnectionString;

    /// <summary>Creates an empty database with a fresh name.</summary>
    /// <param name="prefix">The start of the database's name: letters, digits and underscores.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    /// <returns>The name of the new database.</returns>
    public async Task<string> CreateDatabaseAsync(string prefix = "test", CancellationToken cancellationToken = default)
    {
        var name = new StringBuilder();
        foreach (char c in prefix.ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        if (name.Length > 40)
        {
            name.Length = 40;
        }

        name.Append('_').Append(Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture));
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return name.ToString();
    }

    /// <summary>Stops the server and deletes its folder.</summary>
    /// <returns>A task that completes when the folder is gone.</returns>
    /// <remarks>A server started by <see cref="StartKeptAsync"/> is stopped (<c>pg_ctl stop -m fast</c>) and its folder kept.</remarks>
    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_kept)
        {
            await StopAsync("fast");
        }
        else
        {
            await StopAndDeleteAsync(_binaries, _asRoot, Folder);
        }
    }

    private async Task StopAsync(string mode)
    {
        try
        {
            await PostgresAsync("pg_ctl", ["-D", DataFolder, "-m", mode, "-w", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // Not running: nothing to stop.
        }
    }

    private static string FindBinaries(string? folder)
    {
        if (folder is not null)
        {
            return File.Exists(Path.Combine(folder, "initdb"))
                ? folder
                : throw new InvalidOperationException($"No PostgreSQL server binaries: `{folder}` holds no `initdb`.");
        }

        string? configured = Environment.GetEnvironmentVariable(BinariesVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb"))
                ? configured
                : throw new InvalidOperationException($"No PostgreSQL server binaries: {BinariesVariable} is `{configured}`, which holds no `initdb`.");
        }

        const string Preferred = "/usr/lib/postgresql/15/bin";
        if (File.Exists(Path.Combine(Preferred, "initdb")))
        {
            return Preferred;
        }

        string? newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out int v) ? v : 0)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries: {Preferred}/initdb does not exist. Install Debian's package (`apt-get install -y postgresql`, as .ci/run does) or set {BinariesVariable} to the folder holding initdb and pg_ctl.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the servers of folders whose test run has died, and deletes the folders.</summary>
    private static async Task RemoveAbandonedFoldersAsync(string binaries, bool asRoot)
    {
        foreach (string folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            string owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) && IsRunning(pid))
            {
                continue;
            }

            await StopAndDeleteAsync(binaries, asRoot, folder);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task StopAndDeleteAsync(string binaries, bool asRoot, string folder)
    {
        string data = Path.Combine(folder, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunAsync(asRoot ? "runuser" : Path.Combine(binaries, "pg_ctl"),
                    asRoot ? ["-u", "postgres", "--", Path.Combine(binaries, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"] : ["-D", data, "-m", "immediate", "-w", "stop"],
                    CancellationToken.None);
            }
            catch (InvalidOperationException)
            {
                // Already stopped: the folder goes all the same.
            }
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start `{file}`.");
        Task<string> output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        Task<string> error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_commandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"`{file} {string.Join(' ', arguments)}` did not finish within {s_commandTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{file} {string.Join(' ', arguments)}` exited with {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
        }

        return await output;
    }

    private Task<string> PostgresAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        string path = Path.Combine(_binaries, tool);
        return _asRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken) : RunAsync(path, arguments, cancellationToken);
    }

    private Task<string> StartServerAsync(CancellationToken cancellationToken)
    {
        string options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories={Folder}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            "-c max_connections=200",
            "-c shared_buffers=256MB",
            "-c max_wal_size=2GB");
        return PostgresAsync("pg_ctl", ["-D", DataFolder, "-l", LogFile, "-o", options, "-w", "-t", "60", "start"], cancellationToken);
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (attempt < 50)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private string LogTail()
    {
        try
        {
            string[] lines = File.ReadAllLines(LogFile);
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - 20)));
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
