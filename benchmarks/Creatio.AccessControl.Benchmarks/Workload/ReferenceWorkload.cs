using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Creatio.AccessControl.Benchmarks.Workload;

/// <summary>The reference workload <c>peerbench-rbac-v1</c> (see <c>shared/workloads/WORKLOAD.md</c>), parsed from its CSV
/// files into plain arrays.</summary>
/// <remarks>
/// Roles get one dense workload index each: <c>O&lt;i&gt;</c> is <c>i</c>, <c>M&lt;i&gt;</c> is <c>OrgCount + i</c>,
/// <c>F&lt;i&gt;</c> is <c>OrgCount + ManagerCount + i</c>. Users, objects and records keep their number
/// (<c>U17</c> is 17, <c>E12</c> is 12, <c>R345</c> is 345). Operations are 0 create, 1 read, 2 update, 3 delete, the
/// workload's bit order. Reading and parsing the files is not part of the load time the harness reports.
/// </remarks>
internal sealed class ReferenceWorkload
{
    /// <summary>The names of the sizes the generator knows.</summary>
    public static readonly string[] Sizes = ["hundredth", "tenth", "full"];

    /// <summary>The workload's operation names, by operation number.</summary>
    public static readonly string[] OperationNames = ["create", "read", "update", "delete"];

    private const string GeneratorVariable = "CREATIO_WORKLOAD_GENERATOR";

    private ReferenceWorkload(string size, string directory)
    {
        Size = size;
        Directory = directory;
    }

    public string Size { get; }

    public string Directory { get; }

    public int OrgCount { get; private set; }

    public int ManagerCount { get; private set; }

    public int FunctionalCount { get; private set; }

    public int RoleCount => OrgCount + ManagerCount + FunctionalCount;

    public int UserCount { get; private set; }

    public int ObjectCount { get; private set; }

    public int RecordsPerObject { get; private set; }

    /// <summary>Gets the parent org index of each org role, -1 for the root.</summary>
    public int[] OrgParent { get; private set; } = [];

    /// <summary>Gets the org index each manager role manages.</summary>
    public int[] ManagerOrg { get; private set; } = [];

    public int[] LinkFunctional { get; private set; } = [];

    public int[] LinkOrg { get; private set; } = [];

    public int[] InheritFrom { get; private set; } = [];

    public int[] InheritTo { get; private set; } = [];

    public int[] UserRoleUser { get; private set; } = [];

    public int[] UserRoleRole { get; private set; } = [];

    public int[] GrantRole { get; private set; } = [];

    public int[] GrantObject { get; private set; } = [];

    public byte[] GrantOperation { get; private set; } = [];

    public int[] RecordGrantRole { get; private set; } = [];

    public int[] RecordGrantObject { get; private set; } = [];

    public int[] RecordGrantRecord { get; private set; } = [];

    public int[] OpCheckUser { get; private set; } = [];

    public int[] OpCheckObject { get; private set; } = [];

    public byte[] OpCheckOperation { get; private set; } = [];

    public bool[] OpCheckExpected { get; private set; } = [];

    public int[] RecordCheckUser { get; private set; } = [];

    public int[] RecordCheckObject { get; private set; } = [];

    public int[] RecordCheckRecord { get; private set; } = [];

    public bool[] RecordCheckExpected { get; private set; } = [];

    public int ExpectedOpAllows { get; private set; }

    public uint ExpectedOpHash { get; private set; }

    public int ExpectedRecordAllows { get; private set; }

    public uint ExpectedRecordHash { get; private set; }

    public double ExpectedEffectiveRolesMean { get; private set; }

    public int ExpectedEffectiveRolesMax { get; private set; }

    public bool IsOrg(int role) => role < OrgCount;

    public bool IsManager(int role) => role >= OrgCount && role < OrgCount + ManagerCount;

    /// <summary>Returns the role's name in the workload's files, e.g. <c>O12</c>.</summary>
    public string RoleName(int role) =>
        role < OrgCount ? $"O{role}"
        : role < OrgCount + ManagerCount ? $"M{role - OrgCount}"
        : $"F{role - OrgCount - ManagerCount}";

    /// <summary>Generates the workload into <c>artifacts/workloads/&lt;size&gt;</c> unless it is there, then parses it.</summary>
    public static ReferenceWorkload Load(string size)
    {
        if (!Sizes.Contains(size))
        {
            throw new ArgumentException($"Unknown workload size '{size}'; expected one of {string.Join(", ", Sizes)}.", nameof(size));
        }

        string directory = EnsureGenerated(size);
        var workload = new ReferenceWorkload(size, directory);
        workload.ReadManifest();
        workload.ReadRoles();
        workload.ReadLinks();
        workload.ReadInherits();
        workload.ReadUserRoles();
        workload.ReadObjectGrants();
        workload.ReadRecordGrants();
        workload.ReadOpChecks();
        workload.ReadRecordChecks();
        return workload;
    }

    /// <summary>Finds the repository root: the nearest folder above the running assembly that holds the solution.</summary>
    public static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Creatio.AccessControl.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds Creatio.AccessControl.sln.");
    }

    private static string EnsureGenerated(string size)
    {
        string root = FindRepositoryRoot();
        string directory = Path.Combine(root, "artifacts", "workloads", size);
        if (IsComplete(directory, size))
        {
            return directory;
        }

        string generator = Environment.GetEnvironmentVariable(GeneratorVariable)
            ?? Path.GetFullPath(Path.Combine(root, "..", "shared", "workloads", "gen-workload.mjs"));
        if (!File.Exists(generator))
        {
            throw new FileNotFoundException(
                $"The workload generator is not at '{generator}'; set {GeneratorVariable} to the path of gen-workload.mjs.", generator);
        }

        // Generate beside the target and move it in whole, so a reader never sees a half-written folder.
        string temporary = $"{directory}.tmp-{Environment.ProcessId}";
        if (System.IO.Directory.Exists(temporary))
        {
            System.IO.Directory.Delete(temporary, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { generator, "--size", size, "--out", temporary })
        {
            start.ArgumentList.Add(argument);
        }

        Console.Error.WriteLine($"Generating the {size} workload into {directory} …");
        using (Process node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node."))
        {
            Task<string> output = node.StandardOutput.ReadToEndAsync();
            string error = node.StandardError.ReadToEnd();
            node.WaitForExit();
            if (node.ExitCode != 0)
            {
                throw new InvalidOperationException($"gen-workload.mjs exited with {node.ExitCode}: {error}{output.Result}");
            }
        }

        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.Move(temporary, directory);
        return directory;
    }

    private static bool IsComplete(string directory, string size)
    {
        string manifest = Path.Combine(directory, "manifest.json");
        if (!File.Exists(manifest))
        {
            return false;
        }

        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(manifest));
        return document.RootElement.TryGetProperty("size", out JsonElement value) && value.GetString() == size;
    }

    private void ReadManifest()
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "manifest.json")));
        JsonElement root = document.RootElement;
        JsonElement parameters = root.GetProperty("parameters");
        JsonElement counts = root.GetProperty("counts");
        JsonElement expected = root.GetProperty("expected");
        RecordsPerObject = parameters.GetProperty("recordsPerObject").GetInt32();
        UserCount = counts.GetProperty("users").GetInt32();
        ObjectCount = counts.GetProperty("objects").GetInt32();
        ExpectedEffectiveRolesMean = counts.GetProperty("effectiveRolesPerUserMean").GetDouble();
        ExpectedEffectiveRolesMax = counts.GetProperty("effectiveRolesPerUserMax").GetInt32();
        ExpectedOpAllows = expected.GetProperty("opAllow").GetInt32();
        ExpectedOpHash = uint.Parse(expected.GetProperty("opDecisionFnv1a").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        ExpectedRecordAllows = expected.GetProperty("recordAllow").GetInt32();
        ExpectedRecordHash = uint.Parse(expected.GetProperty("recordDecisionFnv1a").GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private IEnumerable<string> Rows(string file)
    {
        bool header = true;
        foreach (string line in File.ReadLines(Path.Combine(Directory, file)))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    private void ReadRoles()
    {
        var orgParent = new List<int>();
        var managerOrg = new List<int>();
        int functional = 0;
        foreach (string line in Rows("roles.csv"))
        {
            var fields = new Fields(line);
            ReadOnlySpan<char> role = fields.Next();
            ReadOnlySpan<char> kind = fields.Next();
            ReadOnlySpan<char> reference = fields.Next();
            switch (kind)
            {
                case "org":
                    Expect(Number(role, 'O') == orgParent.Count, line);
                    orgParent.Add(reference.IsEmpty ? -1 : Number(reference, 'O'));
                    break;
                case "manager":
                    Expect(Number(role, 'M') == managerOrg.Count, line);
                    managerOrg.Add(Number(reference, 'O'));
                    break;
                case "functional":
                    Expect(Number(role, 'F') == functional, line);
                    functional++;
                    break;
                default:
                    throw new FormatException($"Unknown role kind in '{line}'.");
            }
        }

        OrgParent = [.. orgParent];
        ManagerOrg = [.. managerOrg];
        OrgCount = OrgParent.Length;
        ManagerCount = ManagerOrg.Length;
        FunctionalCount = functional;
    }

    private void ReadLinks()
    {
        var functional = new List<int>();
        var org = new List<int>();
        foreach (string line in Rows("functional_links.csv"))
        {
            var fields = new Fields(line);
            functional.Add(Role(fields.Next()));
            org.Add(Role(fields.Next()));
        }

        LinkFunctional = [.. functional];
        LinkOrg = [.. org];
    }

    private void ReadInherits()
    {
        var from = new List<int>();
        var to = new List<int>();
        foreach (string line in Rows("inherits.csv"))
        {
            var fields = new Fields(line);
            from.Add(Role(fields.Next()));
            to.Add(Role(fields.Next()));
        }

        InheritFrom = [.. from];
        InheritTo = [.. to];
    }

    private void ReadUserRoles()
    {
        var users = new List<int>();
        var roles = new List<int>();
        foreach (string line in Rows("user_roles.csv"))
        {
            var fields = new Fields(line);
            users.Add(Number(fields.Next(), 'U'));
            roles.Add(Role(fields.Next()));
        }

        UserRoleUser = [.. users];
        UserRoleRole = [.. roles];
    }

    private void ReadObjectGrants()
    {
        var roles = new List<int>();
        var objects = new List<int>();
        var operations = new List<byte>();
        foreach (string line in Rows("object_grants.csv"))
        {
            var fields = new Fields(line);
            roles.Add(Role(fields.Next()));
            objects.Add(Number(fields.Next(), 'E'));
            operations.Add(Operation(fields.Next()));
        }

        GrantRole = [.. roles];
        GrantObject = [.. objects];
        GrantOperation = [.. operations];
    }

    private void ReadRecordGrants()
    {
        var roles = new List<int>(1 << 20);
        var objects = new List<int>(1 << 20);
        var records = new List<int>(1 << 20);
        foreach (string line in Rows("record_grants.csv"))
        {
            var fields = new Fields(line);
            roles.Add(Role(fields.Next()));
            objects.Add(Number(fields.Next(), 'E'));
            records.Add(Number(fields.Next(), 'R'));
        }

        RecordGrantRole = [.. roles];
        RecordGrantObject = [.. objects];
        RecordGrantRecord = [.. records];
    }

    private void ReadOpChecks()
    {
        var users = new List<int>(1 << 20);
        var objects = new List<int>(1 << 20);
        var operations = new List<byte>(1 << 20);
        var expected = new List<bool>(1 << 20);
        foreach (string line in Rows("checks_ops.csv"))
        {
            var fields = new Fields(line);
            users.Add(Number(fields.Next(), 'U'));
            objects.Add(Number(fields.Next(), 'E'));
            operations.Add(Operation(fields.Next()));
            expected.Add(Expected(fields.Next()));
        }

        OpCheckUser = [.. users];
        OpCheckObject = [.. objects];
        OpCheckOperation = [.. operations];
        OpCheckExpected = [.. expected];
    }

    private void ReadRecordChecks()
    {
        var users = new List<int>(1 << 20);
        var objects = new List<int>(1 << 20);
        var records = new List<int>(1 << 20);
        var expected = new List<bool>(1 << 20);
        foreach (string line in Rows("checks_records.csv"))
        {
            var fields = new Fields(line);
            users.Add(Number(fields.Next(), 'U'));
            objects.Add(Number(fields.Next(), 'E'));
            records.Add(Number(fields.Next(), 'R'));
            expected.Add(Expected(fields.Next()));
        }

        RecordCheckUser = [.. users];
        RecordCheckObject = [.. objects];
        RecordCheckRecord = [.. records];
        RecordCheckExpected = [.. expected];
    }

    private int Role(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty)
        {
            throw new FormatException("Empty role.");
        }

        int number = int.Parse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture);
        return token[0] switch
        {
            'O' when number < OrgCount => number,
            'M' when number < ManagerCount => OrgCount + number,
            'F' when number < FunctionalCount => OrgCount + ManagerCount + number,
            _ => throw new FormatException($"Unknown role '{token}'."),
        };
    }

    private static int Number(ReadOnlySpan<char> token, char prefix)
    {
        if (token.IsEmpty || token[0] != prefix)
        {
            throw new FormatException($"Expected an id starting with '{prefix}', found '{token}'.");
        }

        return int.Parse(token[1..], NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static byte Operation(ReadOnlySpan<char> token) => token switch
    {
        "create" => 0,
        "read" => 1,
        "update" => 2,
        "delete" => 3,
        _ => throw new FormatException($"Unknown operation '{token}'."),
    };

    private static bool Expected(ReadOnlySpan<char> token) => token switch
    {
        "1" => true,
        "0" => false,
        _ => throw new FormatException($"Unknown expected value '{token}'."),
    };

    private static void Expect(bool condition, string line)
    {
        if (!condition)
        {
            throw new FormatException($"Roles are not numbered in order at '{line}'.");
        }
    }

    /// <summary>Splits one CSV line (no quoting) field by field.</summary>
    private ref struct Fields
    {
        private ReadOnlySpan<char> _rest;

        public Fields(string line) => _rest = line;

        public ReadOnlySpan<char> Next()
        {
            int comma = _rest.IndexOf(',');
            ReadOnlySpan<char> field = comma < 0 ? _rest : _rest[..comma];
            _rest = comma < 0 ? [] : _rest[(comma + 1)..];
            return field;
        }
    }
}
