using System.Buffers.Binary;
using System.Diagnostics;

namespace Creatio.AccessControl.Benchmarks.Workload;

/// <summary>Maps a <see cref="ReferenceWorkload"/> onto the library's public model, as <c>shared/workloads/README.md</c> says.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>O&lt;i&gt;</c>: an <see cref="AdminUnitKind.Organization"/> role under its parent; <c>O0</c> is a root of its own
/// (every employee is also in <see cref="BuiltInRoles.AllEmployees"/>, which holds no grant here).</item>
/// <item><c>F&lt;i&gt;</c>: a <see cref="AdminUnitKind.FunctionalRole"/> with a <see cref="FunctionalRoleLink"/> per link row.</item>
/// <item><c>M&lt;i&gt;</c>: an ordinary <see cref="AdminUnitKind.Team"/> role under <c>O&lt;i&gt;</c>; a user holding it gets
/// direct memberships in <c>M&lt;i&gt;</c>, in every org role below <c>O&lt;i&gt;</c> and in every <c>M&lt;c&gt;</c> below it.</item>
/// <item>Each (object, operation) pair is an object of its own, e.g. <c>E12:read</c>, with operation permissions on and one
/// row granting <see cref="ObjectOperations.All"/> per granted role, so a first match can only allow.</item>
/// <item><c>E&lt;n&gt;</c> is an object with record permissions on and records <c>R0</c>…: each record grant is a
/// <see cref="RecordRightRow"/> (Read, Allow).</item>
/// </list>
/// Ids are Guids derived deterministically from the kind and number of each workload id.
/// </remarks>
internal sealed class ReferenceWorkloadModel
{
    private const uint OrgTag = 1;
    private const uint ManagerTag = 2;
    private const uint FunctionalTag = 3;
    private const uint UserTag = 4;
    private const uint RecordTag = 5;

    public ReferenceWorkloadModel(ReferenceWorkload workload)
    {
        Workload = workload;
        RoleIds = new RoleId[workload.RoleCount];
        for (int r = 0; r < RoleIds.Length; r++)
        {
            RoleIds[r] = new RoleId(RoleGuid(workload, r));
        }

        UserIds = new UserId[workload.UserCount];
        for (int u = 0; u < UserIds.Length; u++)
        {
            UserIds[u] = new UserId(MakeGuid(UserTag, u));
        }

        RecordObjects = new ObjectName[workload.ObjectCount];
        OperationObjects = new ObjectName[workload.ObjectCount * 4];
        for (int e = 0; e < workload.ObjectCount; e++)
        {
            RecordObjects[e] = new ObjectName($"E{e}");
            for (int op = 0; op < 4; op++)
            {
                OperationObjects[(e * 4) + op] = new ObjectName($"E{e}:{ReferenceWorkload.OperationNames[op]}");
            }
        }

        RecordIds = new RecordId[workload.ObjectCount * workload.RecordsPerObject];
        for (int i = 0; i < RecordIds.Length; i++)
        {
            RecordIds[i] = new RecordId(MakeGuid(RecordTag, i));
        }

        RoleOfUnit = new Dictionary<AdminUnitId, int>(RoleIds.Length);
        for (int r = 0; r < RoleIds.Length; r++)
        {
            RoleOfUnit.Add(RoleIds[r], r);
        }

        DirectRoles = ComputeDirectRoles(workload);
    }

    public ReferenceWorkload Workload { get; }

    /// <summary>Gets the id of each role, by workload role index.</summary>
    public RoleId[] RoleIds { get; }

    /// <summary>Gets the id of each user, by user number.</summary>
    public UserId[] UserIds { get; }

    /// <summary>Gets the object of each (object, operation) pair, at <c>object * 4 + operation</c>.</summary>
    public ObjectName[] OperationObjects { get; }

    /// <summary>Gets the record-permission object <c>E&lt;n&gt;</c> of each object number.</summary>
    public ObjectName[] RecordObjects { get; }

    /// <summary>Gets the id of each record, at <c>object * RecordsPerObject + record</c>.</summary>
    public RecordId[] RecordIds { get; }

    /// <summary>Gets the workload role index of each role id.</summary>
    public Dictionary<AdminUnitId, int> RoleOfUnit { get; }

    /// <summary>Gets, per user, the distinct roles given as direct memberships (manager roles expanded).</summary>
    public int[][] DirectRoles { get; }

    /// <summary>Maps a workload operation (0 create, 1 read, 2 update, 3 delete) to the library's operation.</summary>
    public static ObjectOperation ToObjectOperation(int operation) => operation switch
    {
        0 => ObjectOperation.Create,
        1 => ObjectOperation.Read,
        2 => ObjectOperation.Edit,
        3 => ObjectOperation.Delete,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    public RecordId RecordId(int obj, int record) => RecordIds[(obj * Workload.RecordsPerObject) + record];

    /// <summary>Creates a builder that holds the whole workload; building and compiling it is the measured load.</summary>
    public AccessModelBuilder CreateBuilder()
    {
        ReferenceWorkload w = Workload;
        var builder = new AccessModelBuilder();
        for (int u = 0; u < w.UserCount; u++)
        {
            builder.Add(new UserDefinition(UserIds[u], $"U{u}"));
        }

        for (int o = 0; o < w.OrgCount; o++)
        {
            RoleId? parent = w.OrgParent[o] >= 0 ? RoleIds[w.OrgParent[o]] : null;
            builder.Add(new RoleDefinition(RoleIds[o], w.RoleName(o), AdminUnitKind.Organization, parent));
        }

        for (int m = 0; m < w.ManagerCount; m++)
        {
            int role = w.OrgCount + m;
            builder.Add(new RoleDefinition(RoleIds[role], w.RoleName(role), AdminUnitKind.Team, RoleIds[w.ManagerOrg[m]]));
        }

        for (int f = 0; f < w.FunctionalCount; f++)
        {
            int role = w.OrgCount + w.ManagerCount + f;
            builder.Add(new RoleDefinition(RoleIds[role], w.RoleName(role), AdminUnitKind.FunctionalRole));
        }

        for (int i = 0; i < w.LinkFunctional.Length; i++)
        {
            builder.Add(new FunctionalRoleLink(RoleIds[w.LinkFunctional[i]], RoleIds[w.LinkOrg[i]]));
        }

        for (int u = 0; u < DirectRoles.Length; u++)
        {
            foreach (int role in DirectRoles[u])
            {
                builder.Add(new RoleMembership(UserIds[u], RoleIds[role]));
            }
        }

        AddObjects(builder);
        AddRecords(builder);
        return builder;
    }

    /// <summary>Builds the model and compiles it, timing each step.</summary>
    public LoadResult Load()
    {
        AccessModelBuilder builder = CreateBuilder();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        TimeSpan processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        AccessModel model = builder.Build();
        long built = Stopwatch.GetTimestamp();
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        long compiled = Stopwatch.GetTimestamp();
        TimeSpan processor = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new LoadResult(
            snapshot,
            Stopwatch.GetElapsedTime(start, built),
            Stopwatch.GetElapsedTime(built, compiled),
            allocated,
            processor);
    }

    private void AddObjects(AccessModelBuilder builder)
    {
        ReferenceWorkload w = Workload;
        for (int e = 0; e < w.ObjectCount; e++)
        {
            builder.Add(new ObjectDefinition(RecordObjects[e]) { UseRecordPermissions = true });
            for (int op = 0; op < 4; op++)
            {
                builder.Add(new ObjectDefinition(OperationObjects[(e * 4) + op]) { UseOperationPermissions = true });
            }
        }

        var positions = new int[w.ObjectCount * 4];
        for (int i = 0; i < w.GrantRole.Length; i++)
        {
            int pair = (w.GrantObject[i] * 4) + w.GrantOperation[i];
            builder.Add(new ObjectOperationRow(OperationObjects[pair], RoleIds[w.GrantRole[i]], positions[pair]++, ObjectOperations.All));
        }
    }

    private void AddRecords(AccessModelBuilder builder)
    {
        ReferenceWorkload w = Workload;
        for (int e = 0; e < w.ObjectCount; e++)
        {
            for (int r = 0; r < w.RecordsPerObject; r++)
            {
                builder.Add(new RecordDefinition(RecordObjects[e], RecordId(e, r)));
            }
        }

        for (int i = 0; i < w.RecordGrantRole.Length; i++)
        {
            builder.Add(new RecordRightRow(
                RecordObjects[w.RecordGrantObject[i]],
                RecordId(w.RecordGrantObject[i], w.RecordGrantRecord[i]),
                RoleIds[w.RecordGrantRole[i]],
                RecordOperation.Read,
                RecordRightLevel.Allow));
        }
    }

    private static int[][] ComputeDirectRoles(ReferenceWorkload w)
    {
        var children = new List<int>[w.OrgCount];
        for (int o = 0; o < w.OrgCount; o++)
        {
            children[o] = [];
        }

        for (int o = 0; o < w.OrgCount; o++)
        {
            if (w.OrgParent[o] >= 0)
            {
                children[w.OrgParent[o]].Add(o);
            }
        }

        var managerOfOrg = new int[w.OrgCount];
        Array.Fill(managerOfOrg, -1);
        for (int m = 0; m < w.ManagerCount; m++)
        {
            managerOfOrg[w.ManagerOrg[m]] = w.OrgCount + m;
        }

        var direct = new SortedSet<int>[w.UserCount];
        for (int u = 0; u < direct.Length; u++)
        {
            direct[u] = [];
        }

        var stack = new Stack<int>();
        for (int i = 0; i < w.UserRoleUser.Length; i++)
        {
            SortedSet<int> roles = direct[w.UserRoleUser[i]];
            int role = w.UserRoleRole[i];
            roles.Add(role);
            if (!w.IsManager(role))
            {
                continue;
            }

            // M<i> reaches every org role below O<i> and every manager role below M<i>.
            stack.Push(w.ManagerOrg[role - w.OrgCount]);
            while (stack.Count > 0)
            {
                foreach (int child in children[stack.Pop()])
                {
                    roles.Add(child);
                    if (managerOfOrg[child] >= 0)
                    {
                        roles.Add(managerOfOrg[child]);
                    }

                    stack.Push(child);
                }
            }
        }

        return [.. direct.Select(d => d.ToArray())];
    }

    private static Guid RoleGuid(ReferenceWorkload w, int role) =>
        role < w.OrgCount ? MakeGuid(OrgTag, role)
        : role < w.OrgCount + w.ManagerCount ? MakeGuid(ManagerTag, role - w.OrgCount)
        : MakeGuid(FunctionalTag, role - w.OrgCount - w.ManagerCount);

    /// <summary>A random-looking but fixed Guid per (kind, number): two SplitMix64 outputs of the pair.</summary>
    internal static Guid MakeGuid(uint tag, int number)
    {
        ulong seed = ((ulong)tag << 32) | (uint)number;
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, SplitMix64(seed));
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], SplitMix64(seed ^ 0x5851F42D4C957F2DUL));
        return new Guid(bytes);
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
