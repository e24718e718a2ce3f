using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary>The baseline of the file-order benchmark: every answer of the workload precomputed, one bit per (user, key), and
/// the dictionaries a host would resolve its ids through. Built by the harness from the workload's graph alone (the naive
/// transitive closure of <c>inherits.csv</c> and <c>user_roles.csv</c>), not from the library.</summary>
/// <remarks>Object keys are the (object, operation) pairs, <c>object * 4 + operation</c>: 800 per user at full size, 2 MB in
/// all. Record keys are the dense records, <c>object * RecordsPerObject + record</c>: 100,000 per user, 250 MB in all. No
/// table of answers can be looked up with less work than one bit, so these are the limit a check can be set beside.</remarks>
internal sealed class AnswerTable
{
    private AnswerTable(ReferenceWorkloadModel model, ulong[] objectBits, ulong[] recordBits)
    {
        ReferenceWorkload w = model.Workload;
        ObjectKeys = w.ObjectCount * 4;
        RecordKeys = w.ObjectCount * w.RecordsPerObject;
        ObjectBits = objectBits;
        RecordBits = recordBits;
        Users = new Dictionary<Guid, int>(model.UserIds.Length);
        for (int u = 0; u < model.UserIds.Length; u++)
        {
            Users.Add(model.UserIds[u].Value, u);
        }

        OperationObjects = new Dictionary<string, int>(model.OperationObjects.Length, StringComparer.Ordinal);
        for (int pair = 0; pair < model.OperationObjects.Length; pair++)
        {
            OperationObjects.Add(model.OperationObjects[pair].Value, pair);
        }

        RecordObjects = new Dictionary<string, int>(model.RecordObjects.Length, StringComparer.Ordinal);
        for (int obj = 0; obj < model.RecordObjects.Length; obj++)
        {
            RecordObjects.Add(model.RecordObjects[obj].Value, obj);
        }

        Records = new Dictionary<Guid, int>(model.RecordIds.Length);
        for (int record = 0; record < model.RecordIds.Length; record++)
        {
            Records.Add(model.RecordIds[record].Value, record);
        }
    }

    /// <summary>Gets the number of object keys per user.</summary>
    public int ObjectKeys { get; }

    /// <summary>Gets the number of record keys per user.</summary>
    public int RecordKeys { get; }

    /// <summary>Gets the answer bits of object checks, at <c>user * ObjectKeys + pair</c>.</summary>
    public ulong[] ObjectBits { get; }

    /// <summary>Gets the answer bits of record checks, at <c>user * RecordKeys + record</c>.</summary>
    public ulong[] RecordBits { get; }

    /// <summary>Gets the user number of each user Guid.</summary>
    public Dictionary<Guid, int> Users { get; }

    /// <summary>Gets the (object, operation) pair of each operation object name, e.g. <c>E12:read</c>.</summary>
    public Dictionary<string, int> OperationObjects { get; }

    /// <summary>Gets the object number of each record object name, e.g. <c>E12</c>.</summary>
    public Dictionary<string, int> RecordObjects { get; }

    /// <summary>Gets the dense record index of each record Guid.</summary>
    public Dictionary<Guid, int> Records { get; }

    /// <summary>Whether the answer bit at <paramref name="index"/> is set.</summary>
    public static bool Bit(ulong[] bits, long index) => ((bits[index >> 6] >> (int)(index & 63)) & 1) != 0;

    public static AnswerTable Build(ReferenceWorkloadModel model)
    {
        ReferenceWorkload w = model.Workload;
        int[][] effective = EffectiveRoles(w);
        int objectKeys = w.ObjectCount * 4;
        long recordKeys = (long)w.ObjectCount * w.RecordsPerObject;

        // The keys each role is granted; then each user's row of bits, one user at a time (a row stays in the cache).
        List<int>[] objectKeysOfRole = Lists(w.RoleCount);
        for (int i = 0; i < w.GrantRole.Length; i++)
        {
            objectKeysOfRole[w.GrantRole[i]].Add((w.GrantObject[i] * 4) + w.GrantOperation[i]);
        }

        List<int>[] recordKeysOfRole = Lists(w.RoleCount);
        for (int i = 0; i < w.RecordGrantRole.Length; i++)
        {
            recordKeysOfRole[w.RecordGrantRole[i]].Add((w.RecordGrantObject[i] * w.RecordsPerObject) + w.RecordGrantRecord[i]);
        }

        var objectBits = new ulong[(((long)w.UserCount * objectKeys) + 63) >> 6];
        var recordBits = new ulong[(((long)w.UserCount * recordKeys) + 63) >> 6];
        for (int u = 0; u < effective.Length; u++)
        {
            foreach (int role in effective[u])
            {
                foreach (int key in objectKeysOfRole[role])
                {
                    Set(objectBits, ((long)u * objectKeys) + key);
                }

                foreach (int key in recordKeysOfRole[role])
                {
                    Set(recordBits, (u * recordKeys) + key);
                }
            }
        }

        return new AnswerTable(model, objectBits, recordBits);
    }

    /// <summary>The naive closure: every role reachable from a user's held roles along <c>inherits.csv</c>.</summary>
    private static int[][] EffectiveRoles(ReferenceWorkload w)
    {
        List<int>[] edges = Lists(w.RoleCount);
        for (int i = 0; i < w.InheritFrom.Length; i++)
        {
            edges[w.InheritFrom[i]].Add(w.InheritTo[i]);
        }

        List<int>[] held = Lists(w.UserCount);
        for (int i = 0; i < w.UserRoleUser.Length; i++)
        {
            held[w.UserRoleUser[i]].Add(w.UserRoleRole[i]);
        }

        var result = new int[w.UserCount][];
        var seen = new HashSet<int>();
        var stack = new Stack<int>();
        for (int u = 0; u < w.UserCount; u++)
        {
            seen.Clear();
            foreach (int role in held[u])
            {
                if (seen.Add(role))
                {
                    stack.Push(role);
                }
            }

            while (stack.Count > 0)
            {
                foreach (int next in edges[stack.Pop()])
                {
                    if (seen.Add(next))
                    {
                        stack.Push(next);
                    }
                }
            }

            result[u] = [.. seen];
        }

        return result;
    }

    private static List<int>[] Lists(int count)
    {
        var lists = new List<int>[count];
        for (int i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private static void Set(ulong[] bits, long index) => bits[index >> 6] |= 1UL << (int)(index & 63);
}
