using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Reads the model's tables with binary <c>COPY … TO STDOUT</c> into an <see cref="AccessModelBuilder"/>.</summary>
/// <remarks>Rows the model's types cannot hold (an empty name, an offset out of range) are collected as errors, with the table
/// they are in; the caller reports them all at once. Object names are interned: a name read a million times is one string.</remarks>
internal sealed class ModelReader
{
    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly Dictionary<string, ObjectName> _objects = new(StringComparer.Ordinal);

    public ModelReader(NpgsqlConnection connection, string quotedSchema)
    {
        _connection = connection;
        _schema = quotedSchema;
    }

    /// <summary>Gets the rows that could not be read.</summary>
    public List<AccessModelError> Errors { get; } = [];

    /// <summary>Reads the model version the tables hold.</summary>
    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT \"Version\" FROM {_schema}.\"AccessModelVersion\"", _connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task ReadAdminUnitsAsync(AccessModelBuilder builder, CancellationToken cancellationToken)
    {
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Id", "Name", "SysAdminUnitTypeValue", "ParentRoleId", "ContactId", "AccountId", "Active" FROM {0}."SysAdminUnit" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid id = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                string name = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                var kind = (AdminUnitKind)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                Guid? parent = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                Guid? contact = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                Guid? account = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                bool active = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                if (kind is AdminUnitKind.User or AdminUnitKind.ExternalUser)
                {
                    builder.Users.Add(new UserDefinition(new UserId(id), name, kind)
                    {
                        IsActive = active,
                        Contact = contact is { } c ? new ContactId(c) : null,
                        Account = account is { } a ? new AccountId(a) : null,
                    });
                }
                else
                {
                    builder.Roles.Add(new RoleDefinition(new RoleId(id), name, kind, parent is { } p ? new RoleId(p) : null)
                    {
                        Account = account is { } a ? new AccountId(a) : null,
                    });
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SysUserId", "SysRoleId" FROM {0}."SysUserInRole" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid user = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid role = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                builder.Memberships.Add(new RoleMembership(new UserId(user), new RoleId(role)));
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "FuncRoleId", "OrgRoleId" FROM {0}."SysFuncRoleInOrgRole" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid functional = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid organizational = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                builder.FunctionalLinks.Add(new FunctionalRoleLink(new RoleId(functional), new RoleId(organizational)));
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "GrantorSysAdminUnitId", "GranteeSysAdminUnitId", "ValidTo", "ValidToOffset" FROM {0}."SysAdminUnitGrantedRight" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid grantor = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid grantee = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                DateTime? validTo = null;
                if (e.IsNull)
                {
                    await e.SkipAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    validTo = await e.ReadAsync<DateTime>(NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                }

                short? offset = null;
                if (e.IsNull)
                {
                    await e.SkipAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    offset = await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                }

                DateTimeOffset? endsAt = null;
                if (validTo is { } utc)
                {
                    var utcEnd = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
                    if (offset is > 14 * 60 or < -14 * 60)
                    {
                        Errors.Add(new AccessModelError(AccessModelErrorCode.InvalidValue,
                            $"Table `SysAdminUnitGrantedRight`: the delegation from {grantor} to {grantee} has ValidToOffset {offset}; offsets are from -840 to 840 minutes.",
                            [grantor.ToString(), grantee.ToString()]));
                        continue;
                    }

                    endsAt = utcEnd.ToOffset(TimeSpan.FromMinutes(offset ?? 0));
                }

                builder.Delegations.Add(new Delegation(new AdminUnitId(grantor), new AdminUnitId(grantee), endsAt));
            }
        }

        builder.RolesNotInheritedByManagers.Clear();
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SysRoleId" FROM {0}."SysRoleNotInheritedByManager" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                builder.RolesNotInheritedByManagers.Add(new RoleId(await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false)));
            }
        }
    }

    public async Task ReadPermissionsAsync(AccessModelBuilder builder, CancellationToken cancellationToken)
    {
        var columns = new Dictionary<ObjectName, List<ColumnName>>();
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "EntitySchemaName", "Name" FROM {0}."SysEntitySchemaColumn" ORDER BY "EntitySchemaName", "Position" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                string column = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntitySchemaColumn") is { } name && Column(column, "SysEntitySchemaColumn") is { } columnName)
                {
                    Append(columns, name, columnName);
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Name", "Category", "AdministratedByOperations", "AdministratedByRecords", "IsAvailableForPortal", "KeepsRecordsInDatabase" FROM {0}."SysEntitySchema" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                var category = (ObjectCategory)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                bool operations = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                bool records = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                bool portal = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                bool inDatabase = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntitySchema") is { } name)
                {
                    builder.Objects.Add(new ObjectDefinition(name, category)
                    {
                        UseOperationPermissions = operations,
                        UseRecordPermissions = records,
                        IsAvailableForPortal = portal,
                        KeepsRecordsInDatabase = inDatabase,
                        Columns = columns.Remove(name, out List<ColumnName>? list) ? [.. list] : [],
                    });
                }
            }
        }

        ReportOrphans(columns, "SysEntitySchemaColumn", "columns of object", "SysEntitySchema");

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SubjectSchemaName", "SysAdminUnitId", "Position", "CanRead", "CanAppend", "CanEdit", "CanDelete" FROM {0}."SysEntitySchemaOperationRight" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid grantee = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                int position = await e.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                ObjectOperations operations = await OperationsAsync(e, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntitySchemaOperationRight") is { } name)
                {
                    builder.ObjectOperationRows.Add(new ObjectOperationRow(name, new AdminUnitId(grantee), position, operations));
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SubjectSchemaName", "SubjectColumnName", "SysAdminUnitId", "Position", "RightLevel" FROM {0}."SysEntitySchemaColumnRight" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                string column = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid grantee = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                int position = await e.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                var level = (ColumnRightLevel)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntitySchemaColumnRight") is { } name && Column(column, "SysEntitySchemaColumnRight") is { } columnName)
                {
                    builder.ColumnRightRows.Add(new ColumnRightRow(name, columnName, new AdminUnitId(grantee), position, level));
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SubjectSchemaName", "AuthorSysAdminUnitId", "GranteeSysAdminUnitId", "Operation", "RightLevel" FROM {0}."SysEntitySchemaRecordDefRight" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid author = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid? grantee = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                var operation = (RecordOperation)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                var level = (RecordRightLevel)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntitySchemaRecordDefRight") is { } name)
                {
                    builder.DefaultRecordRightRules.Add(new DefaultRecordRightRule(name, new AdminUnitId(author), grantee is { } g ? new AdminUnitId(g) : null, operation, level));
                }
            }
        }
    }

    public async Task ReadRecordsAsync(AccessModelBuilder builder, CancellationToken cancellationToken)
    {
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "EntitySchemaName", "RecordId", "CreatedById", "OwnerId", "SupportAccessGrantId" FROM {0}."SysEntityRecord" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid id = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid? author = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                Guid? owner = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                Guid? grant = await NullableUuidAsync(e, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntityRecord") is { } name)
                {
                    builder.Records.Add(new RecordDefinition(name, new RecordId(id), author is { } a ? new UserId(a) : null, owner is { } o ? new UserId(o) : null)
                    {
                        CreatedInSupportGrant = grant is { } g ? new SupportGrantId(g) : null,
                    });
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SubjectSchemaName", "RecordId", "SysAdminUnitId", "Operation", "RightLevel", "Source" FROM {0}."SysEntityRecordRight" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid record = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid grantee = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                var operation = (RecordOperation)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                var level = (RecordRightLevel)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                var source = (RecordRightSource)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysEntityRecordRight") is { } name)
                {
                    builder.RecordRightRows.Add(new RecordRightRow(name, new RecordId(record), new AdminUnitId(grantee), operation, level, source));
                }
            }
        }
    }

    public async Task ReadSystemOperationsAsync(AccessModelBuilder builder, CancellationToken cancellationToken)
    {
        var access = new Dictionary<string, List<ObjectAccessGrant>>(StringComparer.Ordinal);
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SysAdminOperationCode", "SubjectSchemaName", "CanRead", "CanAppend", "CanEdit", "CanDelete" FROM {0}."SysAdminOperationEntitySchemaRight" ORDER BY "SysAdminOperationCode", "Position" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string code = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                ObjectOperations operations = await OperationsAsync(e, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysAdminOperationEntitySchemaRight") is { } name)
                {
                    Append(access, code, new ObjectAccessGrant(name, operations));
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Code", "IsConfiguration" FROM {0}."SysAdminOperation" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string code = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                bool configuration = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                if (Operation(code, "SysAdminOperation") is { } operation)
                {
                    builder.SystemOperations.Add(new SystemOperationDefinition(operation, configuration)
                    {
                        ObjectAccess = access.Remove(code, out List<ObjectAccessGrant>? list) ? [.. list] : [],
                    });
                }
            }
        }

        ReportOrphans(access, "SysAdminOperationEntitySchemaRight", "object access of operation", "SysAdminOperation");

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SysAdminOperationCode", "SysAdminUnitId", "Position", "CanExecute" FROM {0}."SysAdminOperationGrantee" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string code = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Guid grantee = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                int position = await e.ReadAsync<int>(NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                bool canExecute = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                if (Operation(code, "SysAdminOperationGrantee") is { } operation)
                {
                    builder.SystemOperationRows.Add(new SystemOperationRow(operation, new AdminUnitId(grantee), position, canExecute));
                }
            }
        }
    }

    public async Task<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken)
    {
        var rows = new List<(string, string)>();
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Code", "Value" FROM {0}."SysSettings" ORDER BY "Code" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string code = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                string value = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                rows.Add((code, value));
            }
        }

        return SettingsRows.FromRows(rows, Errors);
    }

    public async Task ReadSupportAsync(AccessModelBuilder builder, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, List<ObjectName>>(StringComparer.Ordinal);
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "WorkplaceName", "EntitySchemaName" FROM {0}."SysWorkplaceEntitySchema" ORDER BY "WorkplaceName", "Position" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string workplace = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                string objectName = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                if (Object(objectName, "SysWorkplaceEntitySchema") is { } name)
                {
                    Append(objects, workplace, name);
                }
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Name" FROM {0}."SysWorkplace" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                string workplace = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                builder.Workplaces.Add(new WorkplaceDefinition(workplace, objects.Remove(workplace, out List<ObjectName>? list) ? [.. list] : []));
            }
        }

        ReportOrphans(objects, "SysWorkplaceEntitySchema", "objects of workplace", "SysWorkplace");

        var grantWorkplaces = new Dictionary<Guid, List<string>>();
        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "SupportAccessGrantId", "WorkplaceName" FROM {0}."SysSupportAccessGrantWorkplace" ORDER BY "SupportAccessGrantId", "Position" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid grant = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                string workplace = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                Append(grantWorkplaces, grant, workplace);
            }
        }

        await using (NpgsqlBinaryExporter e = await ExportAsync("""SELECT "Id", "Reason", "StartDate", "CloseDate", "GrantorId", "GrantedById", "DenyDataAccess", "DenyConfiguration", "Active", "AccessLevel", "Environment" FROM {0}."SysSupportAccessGrant" """, cancellationToken).ConfigureAwait(false))
        {
            while (await e.StartRowAsync(cancellationToken).ConfigureAwait(false) != -1)
            {
                Guid id = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                string reason = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                DateOnly start = await e.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                DateOnly close = await e.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                Guid grantor = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                Guid grantedBy = await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                bool denyData = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                bool denyConfiguration = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                bool active = await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                var level = (SupportAccessLevel)await e.ReadAsync<short>(NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                string environment = await e.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                builder.SupportGrants.Add(new SupportAccessGrant(new SupportGrantId(id), reason, start, close, new UserId(grantor), new UserId(grantedBy))
                {
                    DenyDataAccess = denyData,
                    DenyConfiguration = denyConfiguration,
                    IsActive = active,
                    Level = level,
                    Environment = environment,
                    Workplaces = grantWorkplaces.Remove(id, out List<string>? list) ? [.. list] : [],
                });
            }
        }

        ReportOrphans(grantWorkplaces, "SysSupportAccessGrantWorkplace", "workplaces of support grant", "SysSupportAccessGrant");
    }

    private static void Append<TKey, TValue>(Dictionary<TKey, List<TValue>> lists, TKey key, TValue value)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out List<TValue>? list))
        {
            list = [];
            lists.Add(key, list);
        }

        list.Add(value);
    }

    /// <summary>Reports the keys left in a map of lists whose owners were not found.</summary>
    private void ReportOrphans<TKey, TValue>(Dictionary<TKey, TValue> left, string table, string listed, string ownerTable)
        where TKey : notnull
    {
        foreach (TKey orphan in left.Keys)
        {
            Errors.Add(new AccessModelError(AccessModelErrorCode.DanglingReference,
                $"Table `{table}` lists {listed} `{orphan}`, which is not in `{ownerTable}`.", [orphan.ToString() ?? string.Empty]));
        }
    }

    private static async ValueTask<Guid?> NullableUuidAsync(NpgsqlBinaryExporter e, CancellationToken cancellationToken)
    {
        if (e.IsNull)
        {
            await e.SkipAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        return await e.ReadAsync<Guid>(NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
    }

    private static async ValueTask<ObjectOperations> OperationsAsync(NpgsqlBinaryExporter e, CancellationToken cancellationToken)
    {
        ObjectOperations operations = ObjectOperations.None;
        if (await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false))
        {
            operations |= ObjectOperations.Read;
        }

        if (await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false))
        {
            operations |= ObjectOperations.Create;
        }

        if (await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false))
        {
            operations |= ObjectOperations.Edit;
        }

        if (await e.ReadAsync<bool>(NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false))
        {
            operations |= ObjectOperations.Delete;
        }

        return operations;
    }

    private Task<NpgsqlBinaryExporter> ExportAsync(string query, CancellationToken cancellationToken) =>
        _connection.BeginBinaryExportAsync($"COPY ({query.Replace("{0}", _schema, StringComparison.Ordinal)}) TO STDOUT (FORMAT BINARY)", cancellationToken);

    private ObjectName? Object(string value, string table)
    {
        if (_objects.TryGetValue(value, out ObjectName name))
        {
            return name;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new AccessModelError(AccessModelErrorCode.InvalidValue, $"Table `{table}` has a row whose object name is empty.", []));
            return null;
        }

        name = new ObjectName(value);
        _objects.Add(value, name);
        return name;
    }

    private ColumnName? Column(string value, string table)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new AccessModelError(AccessModelErrorCode.InvalidValue, $"Table `{table}` has a row whose column name is empty.", []));
            return null;
        }

        return new ColumnName(value);
    }

    private SystemOperationCode? Operation(string value, string table)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Errors.Add(new AccessModelError(AccessModelErrorCode.InvalidValue, $"Table `{table}` has a row whose operation code is empty.", []));
            return null;
        }

        return new SystemOperationCode(value);
    }
}
