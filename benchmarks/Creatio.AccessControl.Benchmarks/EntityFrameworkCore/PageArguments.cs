using System.Globalization;

namespace Creatio.AccessControl.Benchmarks.EntityFrameworkCore;

/// <summary>The arguments of <c>efcore-page</c> and <c>efcore-scale</c>: the size of the generated data, the runs, the
/// <c>work_mem</c> settings, and where to keep the database between runs.</summary>
internal sealed class PageArguments
{
    private PageArguments(int records, int runs)
    {
        Records = records;
        Runs = runs;
    }

    /// <summary>Gets the number of opportunities (three rights each).</summary>
    public int Records { get; private set; }

    /// <summary>Gets the number of roles the rights' grantees are spread over.</summary>
    public int Roles { get; private set; } = 2_000;

    /// <summary>Gets the number of users the authors and owners are spread over.</summary>
    public int Users { get; private set; } = 10_000;

    /// <summary>Gets the number of timed runs of each measure.</summary>
    public int Runs { get; private set; }

    /// <summary>Gets the <c>work_mem</c> of every query in MB, or 0 for the server's default.</summary>
    public int WorkMem { get; private set; }

    /// <summary>Gets the <c>work_mem</c> of the count in MB (<c>efcore-scale</c>).</summary>
    public int CountWorkMem { get; private set; } = 256;

    /// <summary>Gets the folder the server's data is kept in between runs, or <see langword="null"/> for a throwaway server.</summary>
    public string? DataDirectory { get; private set; }

    /// <summary>Gets whether a database generated earlier with the same sizes in <see cref="DataDirectory"/> is used again.</summary>
    public bool Reuse { get; private set; }

    /// <summary>Gets whether the server is started with glibc's malloc told to keep freed memory (<c>MALLOC_TRIM_THRESHOLD_</c>,
    /// <c>MALLOC_MMAP_THRESHOLD_</c>, <c>MALLOC_TOP_PAD_</c>), so that a query's hash does not fault its memory in again on
    /// every run.</summary>
    public bool KeepServerMemory { get; private set; }

    /// <summary>Reads the arguments of a command; on a bad one, writes the usage and returns <see langword="null"/>.</summary>
    /// <param name="command">The command's name.</param>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="records">The default number of records.</param>
    /// <param name="runs">The default number of runs.</param>
    /// <param name="scale">Whether the command is <c>efcore-scale</c> (<c>--count-work-mem</c>) rather than <c>efcore-page</c> (<c>--work-mem</c>).</param>
    public static PageArguments? Parse(string command, string[] args, int records, int runs, bool scale)
    {
        var parsed = new PageArguments(records, runs);
        string usage = $"Usage: {command} [--records N] [--roles R] [--users U] [--runs N] {(scale ? "[--count-work-mem MB]" : "[--work-mem MB]")} [--data-dir DIR [--reuse]] [--keep-server-memory]";
        for (int i = 0; i < args.Length; i++)
        {
            string name = args[i];
            if (name == "--reuse")
            {
                parsed.Reuse = true;
                continue;
            }

            if (name == "--keep-server-memory")
            {
                parsed.KeepServerMemory = true;
                continue;
            }

            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"'{name}' needs a value. {usage}");
                return null;
            }

            string text = args[++i];
            if (name == "--data-dir")
            {
                parsed.DataDirectory = text;
                continue;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) || value <= 0)
            {
                Console.Error.WriteLine($"'{name}' takes a positive whole number, not '{text}'. {usage}");
                return null;
            }

            switch (name)
            {
                case "--records": parsed.Records = value; break;
                case "--roles": parsed.Roles = value; break;
                case "--users": parsed.Users = value; break;
                case "--runs": parsed.Runs = value; break;
                case "--work-mem" when !scale: parsed.WorkMem = value; break;
                case "--count-work-mem" when scale: parsed.CountWorkMem = value; break;
                default:
                    Console.Error.WriteLine($"Unknown argument '{name}'. {usage}");
                    return null;
            }
        }

        if (parsed.Reuse && parsed.DataDirectory is null)
        {
            Console.Error.WriteLine($"--reuse needs --data-dir. {usage}");
            return null;
        }

        return parsed;
    }
}
