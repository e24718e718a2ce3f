using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Compiles the per-step lookup tables of a snapshot from a model and its effective role sets.</summary>
internal sealed class TableCompiler
{
    // The fewest records for which compiling them runs beside the other tables rather than before them.
    private const int RecordsCompiledBeside = 4096;

    // The objects one task compiles when objects are compiled in parallel.
    private const int ObjectsPerChunk = 64;

    private readonly AccessModel _model;
    private readonly UnitTable _units;
    private readonly RoleGraph _graph;
    private readonly EffectiveRoleTable _roles;
    private readonly SubjectsByUnit _inverse;

    private TableCompiler(AccessModel model, EffectiveRoleTable roles, SubjectsByUnit? inverse)
        : this(model, roles.Units, roles.Graph)
    {
        _roles = roles;
        _inverse = inverse!;
    }

    /// <summary>A compiler of records only: they need the role graph, not the effective roles.</summary>
    private TableCompiler(AccessModel model, UnitTable units, RoleGraph graph)
    {
        _model = model;
        _units = units;
        _graph = graph;
        _roles = null!;
        _inverse = null!;
    }

    /// <summary>Starts compiling the records of every object: on another thread when there are many (they need only the
    /// role graph, so they compile while the caller computes effective roles and the other tables), else at once. The
    /// result is the same either way.</summary>
    public static Task<Dictionary<string, CompiledRecords>> StartRecords(AccessModel model, UnitTable units, RoleGraph graph)
    {
        var compiler = new TableCompiler(model, units, graph);
        return model.Records.Length >= RecordsCompiledBeside && Environment.ProcessorCount > 1
            ? Task.Run(() =>
            {
                using (LoadPhases.Begin("compile: records, on a second thread"))
                {
                    return compiler.CompileRecords(_ => true);
                }
            })
            : Task.FromResult(compiler.CompileRecords(_ => true));
    }

    /// <summary>Recompiles the records of the named objects only, sharing every other table.</summary>
    public static CompiledObject[] WithRecords(
        AccessModel model,
        EffectiveRoleTable roles,
        FrozenDictionary<string, int> objectIndex,
        CompiledObject[] objects,
        IReadOnlySet<string> touched)
    {
        var compiler = new TableCompiler(model, roles, inverse: null);
        Dictionary<string, CompiledRecords> records = compiler.CompileRecords(touched.Contains);
        var result = (CompiledObject[])objects.Clone();
        foreach (string name in touched)
        {
            if (objectIndex.TryGetValue(name, out int index))
            {
                CompiledObject old = objects[index];
                result[index] = new CompiledObject(
                    old.Definition,
                    old.Rows,
                    old.GrantedBySystemOperations,
                    old.ColumnIndex,
                    old.Columns,
                    records.TryGetValue(name, out CompiledRecords? compiled) ? compiled : CompiledRecords.Empty,
                    old.Answers);
            }
        }

        return result;
    }

    /// <summary>Compiles every table; <paramref name="inverse"/> is the inverse of <paramref name="roles"/> when the caller
    /// already has it, <paramref name="records"/> the records when the caller started compiling them
    /// (<see cref="StartRecords"/>).</summary>
    public static (CompiledSystemOperations Operations, FrozenDictionary<string, int> ObjectIndex, CompiledObject[] Objects, SubjectsByUnit Inverse) Compile(
        AccessModel model,
        EffectiveRoleTable roles,
        SubjectsByUnit? inverse = null,
        Task<Dictionary<string, CompiledRecords>>? records = null)
    {
        TableCompiler compiler;
        CompiledSystemOperations operations;
        using (LoadPhases.Begin("compile: subjects by unit, system operations"))
        {
            compiler = new TableCompiler(model, roles, inverse ?? new SubjectsByUnit(roles));
            operations = compiler.CompileSystemOperations();
        }

        (FrozenDictionary<string, int> index, CompiledObject[] objects) =
            compiler.CompileObjects(operations, records ?? Task.FromResult(compiler.CompileRecords(_ => true)));
        return (operations, index, objects, compiler._inverse);
    }

    private int Unit(AdminUnitId id) => _units.IndexOf[id];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private CompiledSystemOperations CompileSystemOperations()
    {
        SystemOperationDefinition[] definitions = [.. _model.SystemOperations.OrderBy(o => o.Code.Value, StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < definitions.Length; i++)
        {
            index.Add(definitions[i].Code.Value, i);
        }

        var rows = new List<(int, int, byte)>[definitions.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = [];
        }

        foreach (SystemOperationRow row in _model.SystemOperationRows)
        {
            rows[index[row.Operation.Value]].Add((Unit(row.Grantee), row.Position, row.CanExecute ? (byte)1 : (byte)0));
        }

        // System administrators hold every built-in operation by default: a row below every explicit row.
        int administrators = Unit(BuiltInRoles.SystemAdministrators);
        foreach (SystemOperationDefinition builtIn in SystemOperations.BuiltIn)
        {
            rows[index[builtIn.Code.Value]].Add((administrators, -1, 1));
        }

        FirstMatchRows[] compiled = [.. rows.Select(r => FirstMatchRows.Create(r, _inverse, _roles.SubjectCount, _units.Ids))];
        int[] super =
        [
            index[SystemOperations.CanSelectEverything.Value],
            index[SystemOperations.CanInsertEverything.Value],
            index[SystemOperations.CanUpdateEverything.Value],
            index[SystemOperations.CanDeleteEverything.Value],
        ];
        return new CompiledSystemOperations(
            index.ToFrozenDictionary(StringComparer.Ordinal),
            definitions,
            compiled,
            super,
            index[SystemOperations.CanChangeEntitySchemaRecordRight.Value]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (FrozenDictionary<string, int>, CompiledObject[]) CompileObjects(CompiledSystemOperations operations, Task<Dictionary<string, CompiledRecords>> compiledRecords)
    {
        ObjectDefinition[] definitions = [.. _model.Objects.OrderBy(o => o.Name.Value, StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < definitions.Length; i++)
        {
            index.Add(definitions[i].Name.Value, i);
        }

        List<(int, int, byte)>?[] objectRows = RowsByObject(index, definitions.Length);
        ILookup<(string, string), ColumnRightRow> columnRows = _model.ColumnRightRows.ToLookup(r => (r.Object.Value, r.Column.Value));
        var objectsWithColumnRows = new HashSet<string>(_model.ColumnRightRows.Select(r => r.Object.Value), StringComparer.Ordinal);
        byte[]?[] granted = GrantedBySystemOperations(operations, index, definitions.Length);

        // Everything of each object but its records, then the records once they are compiled.
        LoadPhases.Phase phase = LoadPhases.Begin("compile: object rows, answers, columns");
        var parts = new (FirstMatchRows? Rows, ObjectAnswers? Answers, FrozenDictionary<string, int> ColumnIndex, CompiledColumn[] Columns)[definitions.Length];

        // An object with only the system columns and no column rows has the columns of every such object: compiled once
        // and shared (nothing changes a compiled column in place).
        (FrozenDictionary<string, int> ColumnIndex, CompiledColumn[] Columns)? systemColumnsOnly = null;
        bool[] plain = new bool[definitions.Length];
        for (int i = 0; i < definitions.Length; i++)
        {
            plain[i] = definitions[i].Columns is { Count: 0 } && !objectsWithColumnRows.Contains(definitions[i].Name.Value);
            if (plain[i])
            {
                systemColumnsOnly ??= Columns(definitions[i], columnRows);
            }
        }

        // Objects are independent of one another: on many of them, chunks run on the cores the records leave free.
        void CompileRange(int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                ObjectDefinition definition = definitions[i];
                FirstMatchRows? rows = definition.UseOperationPermissions
                    ? FirstMatchRows.Create(objectRows[i] ?? [], _inverse, _roles.SubjectCount, _units.Ids)
                    : null;
                (FrozenDictionary<string, int> columnIndex, CompiledColumn[] columns) = plain[i] ? systemColumnsOnly!.Value : Columns(definition, columnRows);
                parts[i] = (rows, rows is null ? null : ObjectAnswers.Create(rows), columnIndex, columns);
            }
        }

        int chunks = (definitions.Length + ObjectsPerChunk - 1) / ObjectsPerChunk;
        if (chunks > 1 && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, chunks, chunk => CompileRange(chunk * ObjectsPerChunk, Math.Min(definitions.Length, (chunk + 1) * ObjectsPerChunk)));
        }
        else
        {
            CompileRange(0, definitions.Length);
        }

        phase.Dispose();
        Dictionary<string, CompiledRecords> records;
        using (LoadPhases.Begin("compile: waiting for the records"))
        {
            records = compiledRecords.GetAwaiter().GetResult();
        }

        var objects = new CompiledObject[definitions.Length];
        for (int i = 0; i < definitions.Length; i++)
        {
            (FirstMatchRows? rows, ObjectAnswers? answers, FrozenDictionary<string, int> columnIndex, CompiledColumn[] columns) = parts[i];
            objects[i] = new CompiledObject(
                definitions[i],
                rows,
                granted[i],
                columnIndex,
                columns,
                records.TryGetValue(definitions[i].Name.Value, out CompiledRecords? compiled) ? compiled : CompiledRecords.Empty,
                answers);
        }

        return (index.ToFrozenDictionary(StringComparer.Ordinal), objects);
    }

    /// <summary>The operation rows of each object (by its place among <paramref name="index"/>'s), in the model's order:
    /// grantee unit index, position, operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<(int Unit, int Position, byte Value)>?[] RowsByObject(Dictionary<string, int> index, int objectCount)
    {
        var rowsOf = new List<(int, int, byte)>?[objectCount];
        string? lastName = null;
        List<(int, int, byte)>? last = null;
        foreach (ObjectOperationRow row in _model.ObjectOperationRows)
        {
            // Rows of one object usually follow one another: its name is looked up once per run.
            if (last is null || !ReferenceEquals(row.Object.Value, lastName))
            {
                int o = index[row.Object.Value];
                last = rowsOf[o] ??= [];
                lastName = row.Object.Value;
            }

            last.Add((_units.UnitOf(_model, row.Grantee), row.Position, (byte)row.Operations));
        }

        return rowsOf;
    }

    /// <summary>The columns of one object, system columns first, each with its compiled rows.</summary>
    private (FrozenDictionary<string, int> Index, CompiledColumn[] Columns) Columns(ObjectDefinition definition, ILookup<(string, string), ColumnRightRow> columnRows)
    {
        string name = definition.Name.Value;
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = new List<CompiledColumn>();
        foreach (ColumnName column in SystemColumns.Names.Select(c => new ColumnName(c)).Concat(definition.Columns))
        {
            if (columnIndex.ContainsKey(column.Value))
            {
                continue;
            }

            columnIndex.Add(column.Value, columns.Count);
            List<(int, int, byte)> rowsOfColumn = [.. columnRows[(name, column.Value)].Select(r => (Unit(r.Grantee), r.Position, (byte)r.Level))];
            columns.Add(new CompiledColumn(
                column,
                SystemColumns.Contains(column.Value),
                rowsOfColumn.Count == 0 ? null : FirstMatchRows.Create(rowsOfColumn, _inverse, _roles.SubjectCount, _units.Ids)));
        }

        return (columnIndex.ToFrozenDictionary(StringComparer.Ordinal), [.. columns]);
    }

    /// <summary>Compiles the operation rows of one object; <see langword="null"/> when it does not use operation permissions.</summary>
    public static FirstMatchRows? ObjectRows(ObjectDefinition definition, IEnumerable<ObjectOperationRow> rows, EffectiveRoleTable roles, SubjectsByUnit inverse)
    {
        if (!definition.UseOperationPermissions)
        {
            return null;
        }

        UnitTable units = roles.Units;
        return FirstMatchRows.Create(
            [.. rows.Select(r => (units.IndexOf[r.Grantee], r.Position, (byte)r.Operations))],
            inverse,
            roles.SubjectCount,
            units.Ids);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte[]?[] GrantedBySystemOperations(CompiledSystemOperations operations, Dictionary<string, int> objectIndex, int objectCount)
    {
        var granted = new byte[]?[objectCount];
        for (int op = 0; op < operations.Definitions.Length; op++)
        {
            IReadOnlyList<ObjectAccessGrant> grants = operations.Definitions[op].ObjectAccess;
            if (grants.Count == 0)
            {
                continue;
            }

            for (int subject = 0; subject < _roles.SubjectCount; subject++)
            {
                if (!operations.IsAllowed(op, subject))
                {
                    continue;
                }

                foreach (ObjectAccessGrant grant in grants)
                {
                    byte[] flags = granted[objectIndex[grant.Object.Value]] ??= new byte[_roles.SubjectCount];
                    flags[subject] |= (byte)grant.Operations;
                }
            }
        }

        return granted;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Dictionary<string, CompiledRecords> CompileRecords(Func<string, bool> include)
    {
        LoadPhases.Phase phase = LoadPhases.Begin("records: number and sort by id");
        int[][] managersOfUser = ManagersOfUsers();
        Func<int, int[]> managerUnitsOf = user => managersOfUser[user];

        // Objects with records, numbered in order of first appearance; -1 for an object left out by include.
        ImmutableArray<RecordDefinition> allRecords = _model.Records;
        var objectOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var objectNames = new List<string>();
        var recordObject = new int[allRecords.Length];
        var recordCount = new List<int>();
        string? lastName = null;
        int lastObject = -1;
        for (int i = 0; i < allRecords.Length; i++)
        {
            string name = allRecords[i].Object.Value;
            if (!ReferenceEquals(name, lastName))
            {
                if (!objectOf.TryGetValue(name, out lastObject))
                {
                    lastObject = include(name) ? objectNames.Count : -1;
                    objectOf.Add(name, lastObject);
                    if (lastObject >= 0)
                    {
                        objectNames.Add(name);
                        recordCount.Add(0);
                    }
                }

                lastName = name;
            }

            recordObject[i] = lastObject;
            if (lastObject >= 0)
            {
                recordCount[lastObject]++;
            }
        }

        // Records of every included object in one run, objects one after the other, each object's records by id. A record's
        // place in that run is its global number; its place within its object is its local index.
        int objectCount = objectNames.Count;
        var objectStart = new int[objectCount + 1];
        for (int o = 0; o < objectCount; o++)
        {
            objectStart[o + 1] = objectStart[o] + recordCount[o];
        }

        int total = objectStart[objectCount];
        var ids = new Guid[total];
        var order = new int[total];
        var fill = (int[])objectStart.Clone();
        for (int i = 0; i < allRecords.Length; i++)
        {
            int o = recordObject[i];
            if (o >= 0)
            {
                int at = fill[o]++;
                ids[at] = allRecords[i].Id.Value;
                order[at] = i;
            }
        }

        for (int o = 0; o < objectCount; o++)
        {
            Array.Sort(ids, order, objectStart[o], objectStart[o + 1] - objectStart[o]);
        }

        phase.Dispose();
        int[] rightStart;
        int[] rightUnit;
        byte[] rightAllow;
        byte[] rightGrant;
        using (LoadPhases.Begin("records: merge the rights"))
        {
            (rightStart, rightUnit, rightAllow, rightGrant) = MergeRights(objectOf, objectStart, ids, order, allRecords.Length);
        }

        phase = LoadPhases.Begin("records: lay out each object's records");

        var result = new Dictionary<string, CompiledRecords>(objectCount, StringComparer.Ordinal);
        var implicitOfRecord = new List<int>();
        for (int o = 0; o < objectCount; o++)
        {
            int start = objectStart[o];
            int count = objectStart[o + 1] - start;
            var author = new int[count];
            var owner = new int[count];
            var implicitStart = new int[count + 1];
            implicitOfRecord.Clear();
            SupportGrantId?[]? createdIn = null;
            for (int r = 0; r < count; r++)
            {
                RecordDefinition record = allRecords[order[start + r]];
                if (record.CreatedInSupportGrant is { } supportGrant)
                {
                    createdIn ??= new SupportGrantId?[count];
                    createdIn[r] = supportGrant;
                }

                int authorUser = record.Author is { } a ? _units.UserOfUnit(Unit(a)) : -1;
                int ownerUser = record.Owner is { } w ? _units.UserOfUnit(Unit(w)) : -1;
                author[r] = authorUser;
                owner[r] = ownerUser;

                // In a fixed order, like the merged rights, so that the grantee a decision names does not depend on the
                // order of the model's rows.
                implicitStart[r] = implicitOfRecord.Count;
                CompiledRecords.AppendImplicitGrantees(authorUser, ownerUser, managerUnitsOf, _units.RoleCount, implicitOfRecord);
            }

            implicitStart[count] = implicitOfRecord.Count;
            int first = rightStart[start];
            int rights = rightStart[start + count] - first;
            result.Add(objectNames[o], new CompiledRecords(
                ids.AsSpan(start, count),
                author,
                owner,
                rightStart.AsSpan(start, count + 1),
                rightUnit.AsSpan(first, rights),
                rightAllow.AsSpan(first, rights),
                rightGrant.AsSpan(first, rights),
                implicitStart,
                CollectionsMarshal.AsSpan(implicitOfRecord),
                createdIn));
        }

        phase.Dispose();
        return result;
    }

    /// <summary>Merges the record rights of the included objects into one entry per (record, grantee), records by global
    /// number, grantees by unit index, dropping entries that allow nothing.</summary>
    /// <param name="objectOf">The number of each object with records, -1 for one left out.</param>
    /// <param name="objectStart">Where each object's records start among the global numbers; one more ends the last.</param>
    /// <param name="ids">Each record's id, by global number.</param>
    /// <param name="order">Each record's place among the model's records, by global number.</param>
    /// <param name="modelRecordCount">The number of the model's records.</param>
    /// <returns>Per global record number, where its entries start (one more than there are records), and the entries.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int[] Start, int[] Unit, byte[] Allow, byte[] Grant) MergeRights(
        Dictionary<string, int> objectOf,
        int[] objectStart,
        Guid[] ids,
        int[] order,
        int modelRecordCount)
    {
        ImmutableArray<RecordRightRow> rows = _model.RecordRightRows;
        int recordTotal = objectStart[^1];
        var rowRecord = new int[rows.Length];
        var rowKey = new long[rows.Length];
        int n = _model.ResolvedRecordRights is { } resolved && resolved.Record.Length == rows.Length
            ? ResolvedRows(resolved, order, modelRecordCount, rowRecord, rowKey)
            : LookedUpRows(rows, objectOf, objectStart, ids, rowRecord, rowKey);

        // One counting pass by record, then each record's few rows sorted by key (unit, then masks): rows end up by
        // (record, unit), and rows of one (record, unit) are merged whatever their order.
        var end = new int[recordTotal + 1];
        for (int k = 0; k < n; k++)
        {
            end[rowRecord[k] + 1]++;
        }

        for (int g = 0; g < recordTotal; g++)
        {
            end[g + 1] += end[g];
        }

        var sorted = new long[n];
        for (int k = 0; k < n; k++)
        {
            sorted[end[rowRecord[k]]++] = rowKey[k];
        }

        // end[g] now ends record g's rows (and starts record g + 1's).
        var start = new int[recordTotal + 1];
        var unit = new int[n];
        var allowMask = new byte[n];
        var grantMask = new byte[n];
        int merged = 0;
        int from = 0;
        for (int g = 0; g < recordTotal; g++)
        {
            start[g] = merged;
            int to = end[g];
            SortKeys(sorted.AsSpan(from, to - from));
            while (from < to)
            {
                int u = KeyUnit(sorted[from]);
                int masks = 0;
                while (from < to && KeyUnit(sorted[from]) == u)
                {
                    masks |= KeyMasks(sorted[from]);
                    from++;
                }

                if (OperationEncoding.AllowOf(masks) != 0)
                {
                    unit[merged] = u;
                    allowMask[merged] = OperationEncoding.AllowOf(masks);
                    grantMask[merged] = OperationEncoding.GrantOf(masks);
                    merged++;
                }
            }
        }

        start[recordTotal] = merged;
        return (start, unit, allowMask, grantMask);
    }

    /// <summary>A right row's grantee and masks as one sortable key: the unit index above the 16 bits of masks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long RightKey(int unit, ushort masks) => ((long)unit << 16) | masks;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeyUnit(long key) => unchecked((int)(key >> 16));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int KeyMasks(long key) => unchecked((int)key & 0xFFFF);

    /// <summary>Sorts one record's keys: by insertion when there are few (a record has about ten), else by the library sort.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SortKeys(Span<long> keys)
    {
        if (keys.Length > 32)
        {
            keys.Sort();
            return;
        }

        for (int i = 1; i < keys.Length; i++)
        {
            long key = keys[i];
            int j = i - 1;
            while (j >= 0 && keys[j] > key)
            {
                keys[j + 1] = keys[j];
                j--;
            }

            keys[j + 1] = key;
        }
    }

    /// <summary>The rights' records and grantees from what validation resolved: two array reads a row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ResolvedRows(ResolvedRecordRights resolved, int[] order, int modelRecordCount, int[] rowRecord, long[] rowKey)
    {
        // The global number of each of the model's records (-1 when its object is left out), and the unit index of each
        // unit number of the validator.
        var globalOf = new int[modelRecordCount];
        Array.Fill(globalOf, -1);
        for (int g = 0; g < order.Length; g++)
        {
            globalOf[order[g]] = g;
        }

        int[] unitOf = _units.ModelUnit;
        int[] records = resolved.Record;
        int[] units = resolved.Unit;
        byte[] operations = resolved.OperationAndLevel;
        int n = 0;
        for (int i = 0; i < records.Length; i++)
        {
            int g = globalOf[records[i]];
            if (g < 0)
            {
                continue;
            }

            rowRecord[n] = g;
            byte operation = operations[i];
            rowKey[n] = RightKey(unitOf[units[i]], OperationEncoding.RightMask(ResolvedRecordRights.Operation(operation), ResolvedRecordRights.Level(operation)));
            n++;
        }

        return n;
    }

    /// <summary>The rights' records and grantees looked up row by row: for a model whose rows validation did not resolve
    /// (one derived by shares).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int LookedUpRows(
        ImmutableArray<RecordRightRow> rows, Dictionary<string, int> objectOf, int[] objectStart, Guid[] ids, int[] rowRecord, long[] rowKey)
    {
        var indexes = new Dictionary<Guid, int>[objectStart.Length - 1];
        for (int o = 0; o < indexes.Length; o++)
        {
            int start = objectStart[o];
            int count = objectStart[o + 1] - start;
            var index = new Dictionary<Guid, int>(count);
            for (int r = 0; r < count; r++)
            {
                index.Add(ids[start + r], r);
            }

            indexes[o] = index;
        }

        int n = 0;
        string? lastName = null;
        int lastObject = -1;
        foreach (RecordRightRow row in rows)
        {
            string name = row.Object.Value;
            if (!ReferenceEquals(name, lastName))
            {
                lastObject = objectOf.TryGetValue(name, out int o) ? o : -1;
                lastName = name;
            }

            if (lastObject < 0 || !indexes[lastObject].TryGetValue(row.Record.Value, out int local))
            {
                continue;
            }

            rowRecord[n] = objectStart[lastObject] + local;
            rowKey[n] = RightKey(Unit(row.Grantee), OperationEncoding.RightMask(row.Operation, row.Level));
            n++;
        }

        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[][] ManagersOfUsers()
    {
        var result = new int[_units.UserCount][];
        for (int u = 0; u < result.Length; u++)
        {
            result[u] = _graph.ManagerUnitsOf(u);
        }

        return result;
    }

    /// <summary>Appends the union of two sorted sets of distinct values, sorted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void UnionSorted(int[] left, int[] right, List<int> target)
    {
        int i = 0;
        int j = 0;
        while (i < left.Length || j < right.Length)
        {
            if (j >= right.Length || (i < left.Length && left[i] < right[j]))
            {
                target.Add(left[i++]);
            }
            else if (i >= left.Length || right[j] < left[i])
            {
                target.Add(right[j++]);
            }
            else
            {
                target.Add(left[i++]);
                j++;
            }
        }
    }
}
