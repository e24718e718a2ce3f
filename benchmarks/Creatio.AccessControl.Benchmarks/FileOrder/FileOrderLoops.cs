using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary>The measured loops: each runs a slice of one stream, checks <c>from</c> to <c>to</c> (pages for the filters),
/// in file order, one call per check, and returns the number of answers that differ from the expected ones. The library's
/// loops and the baseline's do the same bookkeeping.</summary>
internal static class FileOrderLoops
{
    // ---- the library ----

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectResolved(AccessPrincipal[] principals, AccessObject[] objects, FileOrderInputs x, int from, int to)
    {
        int[] users = x.OpUser;
        int[] pairs = x.OpPair;
        ObjectOperation[] operations = x.OpOperation;
        byte[] expected = x.OpExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = principals[users[i]].CheckObject(in objects[pairs[i]], operations[i]).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectByName(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        ObjectName[] names = x.OpName;
        ObjectOperation[] operations = x.OpOperation;
        byte[] expected = x.OpExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = evaluator.CheckObject(users[i], names[i], operations[i]).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordResolved(AccessPrincipal[] principals, AccessObject[] objects, FileOrderInputs x, int from, int to)
    {
        int[] users = x.RecordUser;
        int[] objectOf = x.RecordObject;
        RecordId[] records = x.RecordIds;
        byte[] expected = x.RecordExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = principals[users[i]].CheckRecord(in objects[objectOf[i]], records[i], RecordOperation.Read).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordRequest(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.RecordUserId;
        ObjectName[] names = x.RecordName;
        RecordId[] records = x.RecordIds;
        byte[] expected = x.RecordExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = evaluator.CheckRecord(users[i], names[i], records[i], RecordOperation.Read).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    /// <summary><see cref="ObjectByName"/> as the evaluator did it before issue 15: the clock read on every call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectByNameReadingClock(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        ObjectName[] names = x.OpName;
        ObjectOperation[] operations = x.OpOperation;
        byte[] expected = x.OpExpected;
        TimeProvider clock = evaluator.TimeProvider;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = evaluator.Snapshot.GetPrincipal(users[i], clock.GetUtcNow()).CheckObject(names[i], operations[i]).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    /// <summary><see cref="RecordRequest"/> as the evaluator did it before issue 15: the clock read on every call.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordRequestReadingClock(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.RecordUserId;
        ObjectName[] names = x.RecordName;
        RecordId[] records = x.RecordIds;
        byte[] expected = x.RecordExpected;
        TimeProvider clock = evaluator.TimeProvider;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = evaluator.Snapshot.GetPrincipal(users[i], clock.GetUtcNow()).CheckRecord(names[i], records[i], RecordOperation.Read).IsAllowed;
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long FilterPages(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        Span<RecordId> destination = stackalloc RecordId[FileOrderInputs.PageSize];
        long mismatches = 0;
        for (int p = from; p < to; p++)
        {
            int first = p * FileOrderInputs.PageSize;
            ReadOnlySpan<RecordId> page = x.PageRecords.AsSpan(first, FileOrderInputs.PageSize);
            AccessPrincipal principal = evaluator.GetPrincipal(x.PageUserId[p]);
            int kept = principal.FilterRecords(x.PageName[p], RecordOperation.Read, page, destination);
            mismatches += Compare(page, destination[..kept], x.PageExpected.AsSpan(first, FileOrderInputs.PageSize));
        }

        return mismatches;
    }

    // ---- the parts of a request's check, for reading where its time goes (mismatches: ids not found) ----

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long PrincipalAlone(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += evaluator.GetPrincipal(users[i]).IsKnown ? 0 : 1;
        }

        return unknown;
    }

    /// <summary>The record's slot and header alone: <see cref="Compilation.CompiledRecords.Find(Guid)"/> on the resolved
    /// object (internal), without the principal or the rights.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordFindAlone(AccessObject[] objects, FileOrderInputs x, int from, int to)
    {
        int[] objectOf = x.RecordObject;
        RecordId[] records = x.RecordIds;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += objects[objectOf[i]].Records!.Find(records[i].Value) < 0 ? 1 : 0;
        }

        return unknown;
    }

    /// <summary>The baseline's record dictionary alone.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordDictionaryAlone(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        RecordId[] records = x.RecordIds;
        Dictionary<Guid, int> recordIndex = answers.Records;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += recordIndex.TryGetValue(records[i].Value, out _) ? 0 : 1;
        }

        return unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long PrincipalArrayAlone(AccessPrincipal[] principals, FileOrderInputs x, int from, int to)
    {
        int[] users = x.OpUser;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += principals[users[i]].IsKnown ? 0 : 1;
        }

        return unknown;
    }

    /// <summary>The object check's one load of answers, without the check around it: the principal's subject, the object's
    /// answer bit (internal). What the library's data costs in file order; the rest of the row is the check's code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long AnswerBitThroughPrincipal(AccessPrincipal[] principals, AccessObject[] objects, FileOrderInputs x, int from, int to)
    {
        int[] users = x.OpUser;
        int[] pairs = x.OpPair;
        ObjectOperation[] operations = x.OpOperation;
        byte[] expected = x.OpExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            ref readonly AccessObject target = ref objects[pairs[i]];
            int allowed = Compilation.ObjectAnswers.Of(target.Answers!, target.AnswerWords, principals[users[i]].Subject, operations[i]);
            mismatches += allowed ^ expected[i];
        }

        return mismatches;
    }

    /// <summary>The baseline's answer bit with its user read from the resolved principal, as the library reads it: what
    /// holding a principal (64 bytes a user, 1.3 MB for the workload's users) instead of a dense id costs the baseline.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long DenseThroughPrincipal(AccessPrincipal[] principals, int[] userOfSubject, AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        int[] users = x.OpUser;
        int[] pairs = x.OpPair;
        byte[] expected = x.OpExpected;
        ulong[] bits = answers.ObjectBits;
        long keys = answers.ObjectKeys;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = AnswerTable.Bit(bits, (userOfSubject[principals[users[i]].Subject] * keys) + pairs[i]);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long SlotAlone(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        AccessPrincipalIndex index = evaluator.Snapshot.Principals;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += index.Find(users[i].Value).UserPlusOne == 0 ? 1 : 0;
        }

        return unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long SnapshotPrincipalAlone(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        AccessSnapshot snapshot = evaluator.Snapshot;
        DateTimeOffset now = DateTimeOffset.UtcNow;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += snapshot.GetPrincipal(users[i], now).IsKnown ? 0 : 1;
        }

        return unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectAlone(AccessEvaluator evaluator, FileOrderInputs x, int from, int to)
    {
        ObjectName[] names = x.OpName;
        AccessSnapshot snapshot = evaluator.Snapshot;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += snapshot.GetObject(names[i]).IsKnown ? 0 : 1;
        }

        return unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long UserDictionaryAlone(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        Dictionary<Guid, int> index = answers.Users;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += index.ContainsKey(users[i].Value) ? 0 : 1;
        }

        return unknown;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long NameDictionaryAlone(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        ObjectName[] names = x.OpName;
        Dictionary<string, int> index = answers.OperationObjects;
        long unknown = 0;
        for (int i = from; i < to; i++)
        {
            unknown += index.ContainsKey(names[i].Value) ? 0 : 1;
        }

        return unknown;
    }

    // ---- the baseline: answer bits, ids resolved through dictionaries where the row's library call resolves them ----

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectDense(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        int[] users = x.OpUser;
        int[] pairs = x.OpPair;
        byte[] expected = x.OpExpected;
        ulong[] bits = answers.ObjectBits;
        long keys = answers.ObjectKeys;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = AnswerTable.Bit(bits, (users[i] * keys) + pairs[i]);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long ObjectDictionaries(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.OpUserId;
        ObjectName[] names = x.OpName;
        byte[] expected = x.OpExpected;
        ulong[] bits = answers.ObjectBits;
        long keys = answers.ObjectKeys;
        Dictionary<Guid, int> userIndex = answers.Users;
        Dictionary<string, int> objectIndex = answers.OperationObjects;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = userIndex.TryGetValue(users[i].Value, out int user) &&
                           objectIndex.TryGetValue(names[i].Value, out int pair) &&
                           AnswerTable.Bit(bits, (user * keys) + pair);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordDense(AnswerTable answers, FileOrderInputs x, int from, int to)
    {
        int[] users = x.RecordUser;
        int[] dense = x.RecordDense;
        byte[] expected = x.RecordExpected;
        ulong[] bits = answers.RecordBits;
        long keys = answers.RecordKeys;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = AnswerTable.Bit(bits, (users[i] * keys) + dense[i]);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordDictionary(AnswerTable answers, int recordsPerObject, FileOrderInputs x, int from, int to)
    {
        int[] users = x.RecordUser;
        int[] objectOf = x.RecordObject;
        RecordId[] records = x.RecordIds;
        byte[] expected = x.RecordExpected;
        ulong[] bits = answers.RecordBits;
        long keys = answers.RecordKeys;
        Dictionary<Guid, int> recordIndex = answers.Records;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = recordIndex.TryGetValue(records[i].Value, out int record) &&
                           (uint)(record - (objectOf[i] * recordsPerObject)) < (uint)recordsPerObject &&
                           AnswerTable.Bit(bits, (users[i] * keys) + record);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long RecordDictionaries(AnswerTable answers, int recordsPerObject, FileOrderInputs x, int from, int to)
    {
        UserId[] users = x.RecordUserId;
        ObjectName[] names = x.RecordName;
        RecordId[] records = x.RecordIds;
        byte[] expected = x.RecordExpected;
        long mismatches = 0;
        for (int i = from; i < to; i++)
        {
            bool allowed = AllowedRecord(answers, recordsPerObject, users[i], names[i], records[i]);
            mismatches += (allowed ? 1 : 0) ^ expected[i];
        }

        return mismatches;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long FilterPagesDictionaries(AnswerTable answers, int recordsPerObject, FileOrderInputs x, int from, int to)
    {
        Span<RecordId> destination = stackalloc RecordId[FileOrderInputs.PageSize];
        ulong[] bits = answers.RecordBits;
        long keys = answers.RecordKeys;
        Dictionary<Guid, int> recordIndex = answers.Records;
        long mismatches = 0;
        for (int p = from; p < to; p++)
        {
            int first = p * FileOrderInputs.PageSize;
            ReadOnlySpan<RecordId> page = x.PageRecords.AsSpan(first, FileOrderInputs.PageSize);
            int kept = 0;
            if (answers.Users.TryGetValue(x.PageUserId[p].Value, out int user) &&
                answers.RecordObjects.TryGetValue(x.PageName[p].Value, out int obj))
            {
                long row = user * keys;
                int low = obj * recordsPerObject;
                foreach (RecordId id in page)
                {
                    if (recordIndex.TryGetValue(id.Value, out int record) && (uint)(record - low) < (uint)recordsPerObject &&
                        AnswerTable.Bit(bits, row + record))
                    {
                        destination[kept++] = id;
                    }
                }
            }

            mismatches += Compare(page, destination[..kept], x.PageExpected.AsSpan(first, FileOrderInputs.PageSize));
        }

        return mismatches;
    }

    private static bool AllowedRecord(AnswerTable answers, int recordsPerObject, UserId user, ObjectName name, RecordId id) =>
        answers.Users.TryGetValue(user.Value, out int u) &&
        answers.RecordObjects.TryGetValue(name.Value, out int obj) &&
        answers.Records.TryGetValue(id.Value, out int record) &&
        (uint)(record - (obj * recordsPerObject)) < (uint)recordsPerObject &&
        AnswerTable.Bit(answers.RecordBits, ((long)u * answers.RecordKeys) + record);

    /// <summary>Counts the ids of a page whose presence in the kept ids (a subsequence of the page, in its order) differs
    /// from the expected answer; kept ids that are not in the page in order count too.</summary>
    private static long Compare(ReadOnlySpan<RecordId> page, ReadOnlySpan<RecordId> kept, ReadOnlySpan<byte> expected)
    {
        long mismatches = 0;
        int k = 0;
        for (int j = 0; j < page.Length; j++)
        {
            bool allowed = k < kept.Length && kept[k] == page[j];
            k += allowed ? 1 : 0;
            mismatches += (allowed ? 1 : 0) ^ expected[j];
        }

        return mismatches + (kept.Length - k);
    }
}
