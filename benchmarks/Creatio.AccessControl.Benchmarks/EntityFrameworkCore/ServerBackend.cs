using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary>The processor time and minor page faults of the PostgreSQL backend process that serves a context's open
/// connection, read from <c>/proc</c> (the benchmark's server runs on this machine): on a shared machine the elapsed time
/// of a query includes the time its backend waited for a core, its processor time does not.</summary>
internal readonly record struct ServerBackend(int Pid)
{
    private static readonly double s_msPerTick = 1000.0 / 100;   // USER_HZ is 100 on Linux

    /// <summary>Opens the context's connection (kept open until the context is disposed) and finds its backend.</summary>
    public static async Task<ServerBackend> OpenAsync(DbContext db)
    {
        await db.Database.OpenConnectionAsync();
        return new ServerBackend(await db.Database.SqlQueryRaw<int>("SELECT pg_backend_pid() AS \"Value\"").SingleAsync());
    }

    /// <summary>Reads the backend's processor time (user and system, ms) and minor faults so far; zeros when <c>/proc</c>
    /// cannot be read.</summary>
    public (double ProcessorMs, long MinorFaults) Read()
    {
        string path = $"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (!File.Exists(path))
        {
            return (0, 0);
        }

        // The fields after the command name (which is in parentheses and may hold spaces): state is field 3.
        string stat = File.ReadAllText(path);
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long minor = long.Parse(fields[10 - 3], CultureInfo.InvariantCulture);
        long ticks = long.Parse(fields[14 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[15 - 3], CultureInfo.InvariantCulture);
        return (ticks * s_msPerTick, minor);
    }
}
