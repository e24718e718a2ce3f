using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Testing.PostgreSql;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary>The PostgreSQL database of <c>efcore-page</c> and <c>efcore-scale</c>: a server (throwaway, or kept in
/// <c>--data-dir</c>), the PostgreSQL package's schema, N opportunities and 3N record rights generated in SQL (no rows
/// cross the wire), and the indexes <c>docs/entity-framework-core.md</c> documents.</summary>
internal sealed class PageDatabase : IAsyncDisposable
{
    private const string Marker = "public.\"BenchmarkGenerated\"";

    private readonly PostgreSqlServer _server;

    private PageDatabase(PostgreSqlServer server, string connectionString, NpgsqlDataSource dataSource)
    {
        _server = server;
        ConnectionString = connectionString;
        DataSource = dataSource;
    }

    /// <summary>Gets the connection string of the database.</summary>
    public string ConnectionString { get; }

    /// <summary>Gets a data source of the database.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>Starts the server and generates the data, or, with <c>--reuse</c>, uses the data generated earlier with the
    /// same sizes in <c>--data-dir</c>; then creates the documented indexes that are missing.</summary>
    public static async Task<PageDatabase> OpenAsync(PageArguments arguments)
    {
        Console.WriteLine($"records {arguments.Records:N0}, rights {3L * arguments.Records:N0} (2 read, 1 edit per record, grantees among {arguments.Roles:N0} roles), authors and owners among {arguments.Users:N0} users");
        Console.WriteLine($"runtime {Environment.Version}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        if (arguments.KeepServerMemory)
        {
            // Read by glibc when the server's processes start (they inherit this process's environment); fixed thresholds
            // also turn off glibc's dynamic ones. 32 MB is the largest mmap threshold glibc accepts.
            Environment.SetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_", "33554432");
            Environment.SetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_", "1073741824");
            Environment.SetEnvironmentVariable("MALLOC_TOP_PAD_", "67108864");
            Console.WriteLine("server started with MALLOC_MMAP_THRESHOLD_=32MB, MALLOC_TRIM_THRESHOLD_=1GB, MALLOC_TOP_PAD_=64MB");
        }

        PostgreSqlServer server = arguments.DataDirectory is null
            ? await PostgreSqlServer.StartAsync()
            : await PostgreSqlServer.StartKeptAsync(arguments.DataDirectory);
        try
        {
            string name = arguments.DataDirectory is null
                ? await server.CreateDatabaseAsync("efcore")
                : string.Create(CultureInfo.InvariantCulture, $"efcore_{arguments.Records}_{arguments.Roles}_{arguments.Users}");
            string connectionString = server.ConnectionStringFor(name);
            long start = Stopwatch.GetTimestamp();
            bool generate = !(arguments.Reuse && await IsGeneratedAsync(server, name));
            if (generate && arguments.DataDirectory is not null)
            {
                await RecreateAsync(server, name);
            }

            NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
            await PostgreSqlAccessSchema.MigrateAsync(dataSource);
            if (generate)
            {
                await GenerateAsync(dataSource, arguments);
                Console.WriteLine($"generated in {Stopwatch.GetElapsedTime(start).TotalSeconds:N1} s (setup), load average {LoadAverage()}");
            }
            else
            {
                Console.WriteLine($"reused the data generated earlier in {name} ({arguments.DataDirectory})");
            }

            start = Stopwatch.GetTimestamp();
            if (await CreateIndexesAsync(dataSource))
            {
                Console.WriteLine($"indexed in {Stopwatch.GetElapsedTime(start).TotalSeconds:N1} s (setup), load average {LoadAverage()}");
            }

            return new PageDatabase(server, connectionString, dataSource);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server (deleting its folder unless it is kept).</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The current load average of the machine, from <c>/proc/loadavg</c>.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static async Task<bool> IsGeneratedAsync(PostgreSqlServer server, string name)
    {
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @name)", admin);
            exists.Parameters.AddWithValue("name", name);
            if (!(bool)(await exists.ExecuteScalarAsync())!)
            {
                return false;
            }
        }

        await using var connection = new NpgsqlConnection(server.ConnectionStringFor(name));
        await connection.OpenAsync();
        await using var marker = new NpgsqlCommand($"SELECT to_regclass('{Marker}') IS NOT NULL", connection);
        return (bool)(await marker.ExecuteScalarAsync())!;
    }

    private static async Task RecreateAsync(PostgreSqlServer server, string name)
    {
        await using var admin = new NpgsqlConnection(server.AdminConnectionString);
        await admin.OpenAsync();
        foreach (string statement in new[] { $"DROP DATABASE IF EXISTS \"{name}\"", $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'" })
        {
            await using var command = new NpgsqlCommand(statement, admin);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Fills the tables in SQL: the rights table's indexes (as the schema's migrations define them) are dropped
    /// while it fills and built again; the marker table is created last, so that a generation cut short is not reused.</summary>
    private static async Task GenerateAsync(NpgsqlDataSource dataSource, PageArguments arguments)
    {
        int records = arguments.Records, roles = arguments.Roles, users = arguments.Users;
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        var rightsIndexes = new List<(string Name, string Definition)>();
        await using (var read = new NpgsqlCommand(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'access_control' AND tablename = 'SysEntityRecordRight' AND indexname NOT LIKE '%pkey'", connection))
        await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rightsIndexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var statements = new List<string>
        {
            "SET search_path = access_control, public",
            """CREATE TABLE public."Opportunities" ("Id" uuid PRIMARY KEY, "Name" text NOT NULL, "CreatedById" uuid NOT NULL, "OwnerId" uuid NOT NULL)""",
            $"""
            INSERT INTO public."Opportunities"
                SELECT md5('record' || i)::uuid, 'Opportunity ' || md5('name' || i), md5('user' || ((i * 7) % {users}))::uuid, md5('user' || ((i * 13) % {users}))::uuid
                FROM generate_series(1, {records}) AS i
            """,
        };
        statements.AddRange(rightsIndexes.Select(index => $"DROP INDEX access_control.\"{index.Name}\""));
        statements.Add($"""
            INSERT INTO "SysEntityRecordRight" ("SubjectSchemaName", "RecordId", "SysAdminUnitId", "Operation", "RightLevel", "Source")
                SELECT 'Opportunity', md5('record' || i)::uuid, md5('role' || ((i::bigint * 2654435761 + j * 40503) % {roles}))::uuid,
                       CASE WHEN j < 2 THEN 0 ELSE 1 END, 1 + (i + j) % 2, 0
                FROM generate_series(1, {records}) AS i, generate_series(0, 2) AS j
            """);
        statements.AddRange(rightsIndexes.Select(index => index.Definition));
        statements.Add("VACUUM ANALYZE public.\"Opportunities\"");
        statements.Add("VACUUM ANALYZE \"SysEntityRecordRight\"");
        statements.Add($"CREATE TABLE {Marker} (\"Records\" integer NOT NULL, \"Roles\" integer NOT NULL, \"Users\" integer NOT NULL)");
        statements.Add($"INSERT INTO {Marker} VALUES ({records}, {roles}, {users})");
        foreach (string statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Makes the entity table's indexes those that <c>docs/entity-framework-core.md</c> documents (the sort column
    /// with the columns the filter reads included, the author, the owner): drops any other, creates the missing, and then
    /// analyzes the table; returns whether anything changed.</summary>
    private static async Task<bool> CreateIndexesAsync(NpgsqlDataSource dataSource)
    {
        (string Name, string Definition)[] documented =
        [
            ("Opportunities_Name_Access_idx", """CREATE INDEX "Opportunities_Name_Access_idx" ON public."Opportunities" ("Name") INCLUDE ("Id", "CreatedById", "OwnerId")"""),
            ("Opportunities_CreatedById_idx", """CREATE INDEX "Opportunities_CreatedById_idx" ON public."Opportunities" ("CreatedById")"""),
            ("Opportunities_OwnerId_idx", """CREATE INDEX "Opportunities_OwnerId_idx" ON public."Opportunities" ("OwnerId")"""),
        ];
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync();
        var existing = new List<string>();
        await using (var read = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'Opportunities' AND indexname <> 'Opportunities_pkey'", connection))
        await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                existing.Add(reader.GetString(0));
            }
        }

        string[] statements =
        [
            .. existing.Where(name => !documented.Any(index => index.Name == name)).Select(name => $"DROP INDEX public.\"{name}\""),
            .. documented.Where(index => !existing.Contains(index.Name)).Select(index => index.Definition),
        ];
        foreach (string statement in statements)
        {
            Console.WriteLine(statement);
            await using var command = new NpgsqlCommand(statement, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync();
        }

        if (statements.Length == 0)
        {
            return false;
        }

        await using var analyze = new NpgsqlCommand("VACUUM ANALYZE public.\"Opportunities\"", connection) { CommandTimeout = 0 };
        await analyze.ExecuteNonQueryAsync();
        return true;
    }
}
