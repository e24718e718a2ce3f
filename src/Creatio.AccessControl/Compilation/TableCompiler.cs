using System.Collections.Frozen;

namespace Creatio.AccessControl.Compilation;

/// <summary>Compiles the per-step lookup tables of a snapshot from a model and its effective role sets.</summary>
internal sealed class TableCompiler
{
    private static readonly string[] s_systemColumns = ["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"];

    private readonly AccessModel _model;
    private readonly UnitTable _units;
    private readonly EffectiveRoleTable _roles;
    private readonly SubjectsByUnit _inverse;

    private TableCompiler(AccessModel model, EffectiveRoleTable roles, bool needsInverse = true)
    {
        _model = model;
        _units = roles.Units;
        _roles = roles;
        _inverse = needsInverse ? new SubjectsByUnit(roles) : null!;
    }

    /// <summary>Recompiles the records of the named objects only, sharing every other table.</summary>
    public static CompiledObject[] WithRecords(
        AccessModel model,
        EffectiveRoleTable roles,
        FrozenDictionary<string, int> objectIndex,
        CompiledObject[] objects,
        IReadOnlySet<string> touched)
    {
        var compiler = new TableCompiler(model, roles, needsInverse: false);
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
                    records.TryGetValue(name, out CompiledRecords? compiled) ? compiled : CompiledRecords.Empty);
            }
        }

        return result;
    }

    public static (CompiledSystemOperations Operations, FrozenDictionary<string, int> ObjectIndex, CompiledObject[] Objects) Compile(
        AccessModel model,
        EffectiveRoleTable roles)
    {
        var compiler = new TableCompiler(model, roles);
        CompiledSystemOperations operations = compiler.CompileSystemOperations();
        (FrozenDictionary<string, int> index, CompiledObject[] objects) = compiler.CompileObjects(operations);
        return (operations, index, objects);
    }

    private int Unit(AdminUnitId id) => _units.IndexOf[id];

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

        FirstMatchRows[] compiled = [.. rows.Select(r => FirstMatchRows.Create(r, _inverse, _roles.SubjectCount))];
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

    private (FrozenDictionary<string, int>, CompiledObject[]) CompileObjects(CompiledSystemOperations operations)
    {
        ObjectDefinition[] definitions = [.. _model.Objects.OrderBy(o => o.Name.Value, StringComparer.Ordinal)];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < definitions.Length; i++)
        {
            index.Add(definitions[i].Name.Value, i);
        }

        ILookup<string, ObjectOperationRow> objectRows = _model.ObjectOperationRows.ToLookup(r => r.Object.Value, StringComparer.Ordinal);
        ILookup<(string, string), ColumnRightRow> columnRows = _model.ColumnRightRows.ToLookup(r => (r.Object.Value, r.Column.Value));
        byte[]?[] granted = GrantedBySystemOperations(operations, index, definitions.Length);
        Dictionary<string, CompiledRecords> records = CompileRecords(_ => true);

        var objects = new CompiledObject[definitions.Length];
        for (int i = 0; i < definitions.Length; i++)
        {
            ObjectDefinition definition = definitions[i];
            string name = definition.Name.Value;
            FirstMatchRows? rows = definition.UseOperationPermissions
                ? FirstMatchRows.Create(
                    [.. objectRows[name].Select(r => (Unit(r.Grantee), r.Position, (byte)r.Operations))],
                    _inverse,
                    _roles.SubjectCount)
                : null;

            var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            var columns = new List<CompiledColumn>();
            foreach (ColumnName column in s_systemColumns.Select(c => new ColumnName(c)).Concat(definition.Columns))
            {
                if (columnIndex.ContainsKey(column.Value))
                {
                    continue;
                }

                columnIndex.Add(column.Value, columns.Count);
                List<(int, int, byte)> rowsOfColumn = [.. columnRows[(name, column.Value)].Select(r => (Unit(r.Grantee), r.Position, (byte)r.Level))];
                columns.Add(new CompiledColumn(
                    column,
                    Array.IndexOf(s_systemColumns, column.Value) >= 0,
                    rowsOfColumn.Count == 0 ? null : FirstMatchRows.Create(rowsOfColumn, _inverse, _roles.SubjectCount)));
            }

            objects[i] = new CompiledObject(
                definition,
                rows,
                granted[i],
                columnIndex.ToFrozenDictionary(StringComparer.Ordinal),
                [.. columns],
                records.TryGetValue(name, out CompiledRecords? compiled) ? compiled : CompiledRecords.Empty);
        }

        return (index.ToFrozenDictionary(StringComparer.Ordinal), objects);
    }

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

    private Dictionary<string, CompiledRecords> CompileRecords(Func<string, bool> include)
    {
        // Manager unit of each organizational role, and each user's direct organizational roles (for implicit rights).
        var managerOf = new Dictionary<int, int>();
        for (int r = 0; r < _units.RoleCount; r++)
        {
            if (_units.Roles[r].Kind == AdminUnitKind.Manager && _units.Parent[r] >= 0)
            {
                managerOf[_units.Parent[r]] = r;
            }
        }

        var managersOfUser = new List<int>?[_units.UserCount];
        void AddManagerOf(int user, int role)
        {
            if (_units.Roles[role].IsOrganizational && managerOf.TryGetValue(role, out int manager))
            {
                List<int> list = managersOfUser[user] ??= [];
                if (!list.Contains(manager))
                {
                    list.Add(manager);
                }
            }
        }

        int allEmployees = Unit(BuiltInRoles.AllEmployees);
        for (int u = 0; u < _units.UserCount; u++)
        {
            if (!_units.Users[u].IsExternal)
            {
                AddManagerOf(u, allEmployees);
            }
        }

        foreach (RoleMembership membership in _model.Memberships)
        {
            AddManagerOf(_units.UserOfUnit(Unit(membership.User)), Unit(membership.Role));
        }

        ILookup<(string, Guid), RecordRightRow> rights = _model.RecordRightRows
            .Where(r => include(r.Object.Value))
            .ToLookup(r => (r.Object.Value, r.Record.Value));
        var result = new Dictionary<string, CompiledRecords>(StringComparer.Ordinal);
        foreach (IGrouping<string, RecordDefinition> group in _model.Records.Where(r => include(r.Object.Value)).GroupBy(r => r.Object.Value, StringComparer.Ordinal))
        {
            RecordDefinition[] records = [.. group.OrderBy(r => r.Id.Value)];
            var index = new Dictionary<Guid, int>(records.Length);
            var author = new int[records.Length];
            var owner = new int[records.Length];
            var rightStart = new int[records.Length + 1];
            var rightUnit = new List<int>();
            var rightAllow = new List<byte>();
            var rightGrant = new List<byte>();
            var implicitStart = new int[records.Length + 1];
            var implicitUnit = new List<int>();
            Guid[]? createdIn = null;
            for (int i = 0; i < records.Length; i++)
            {
                RecordDefinition record = records[i];
                if (record.CreatedInSupportGrant is { } supportGrant)
                {
                    createdIn ??= new Guid[records.Length];
                    createdIn[i] = supportGrant.Value;
                }

                index.Add(record.Id.Value, i);
                author[i] = record.Author is { } a ? _units.UserOfUnit(Unit(a)) : -1;
                owner[i] = record.Owner is { } o ? _units.UserOfUnit(Unit(o)) : -1;

                rightStart[i] = rightUnit.Count;
                var merged = new SortedDictionary<int, (byte Allow, byte Grant)>();
                foreach (RecordRightRow row in rights[(group.Key, record.Id.Value)])
                {
                    int unit = Unit(row.Grantee);
                    merged.TryGetValue(unit, out (byte Allow, byte Grant) masks);
                    byte bit = (byte)(1 << (int)row.Operation);
                    if (row.Level >= RecordRightLevel.Allow)
                    {
                        masks.Allow |= bit;
                    }

                    if (row.Level == RecordRightLevel.AllowAndGrant)
                    {
                        masks.Grant |= bit;
                    }

                    merged[unit] = masks;
                }

                foreach ((int unit, (byte allow, byte grant)) in merged)
                {
                    if (allow != 0)
                    {
                        rightUnit.Add(unit);
                        rightAllow.Add(allow);
                        rightGrant.Add(grant);
                    }
                }

                implicitStart[i] = implicitUnit.Count;
                foreach (int user in new[] { author[i], owner[i] })
                {
                    if (user >= 0 && managersOfUser[user] is { } managers)
                    {
                        foreach (int manager in managers)
                        {
                            if (!implicitUnit.Skip(implicitStart[i]).Contains(manager))
                            {
                                implicitUnit.Add(manager);
                            }
                        }
                    }
                }
            }

            rightStart[records.Length] = rightUnit.Count;
            implicitStart[records.Length] = implicitUnit.Count;
            result.Add(group.Key, new CompiledRecords(
                index, author, owner, rightStart, [.. rightUnit], [.. rightAllow], [.. rightGrant], implicitStart, [.. implicitUnit], createdIn));
        }

        return result;
    }
}
