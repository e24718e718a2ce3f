using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Writes a whole model into the model's tables with binary <c>COPY … FROM STDIN</c>.</summary>
internal sealed class ModelWriter
{
    /// <summary>The tables of the model, emptied before an import.</summary>
    public static readonly string[] ModelTables =
    [
        "SysAdminUnit", "SysUserInRole", "SysFuncRoleInOrgRole", "SysAdminUnitGrantedRight", "SysRoleNotInheritedByManager",
        "SysEntitySchema", "SysEntitySchemaColumn", "SysEntitySchemaOperationRight", "SysEntitySchemaColumnRight",
        "SysEntitySchemaRecordDefRight", "SysAdminOperation", "SysAdminOperationEntitySchemaRight", "SysAdminOperationGrantee",
        "SysEntityRecord", "SysEntityRecordRight", "SysWorkplace", "SysWorkplaceEntitySchema", "SysSupportAccessGrant",
        "SysSupportAccessGrantWorkplace", "SysSettings",
    ];

    private readonly NpgsqlConnection _connection;
    private readonly string _schema;
    private readonly IReadOnlySet<string>? _tables;

    /// <summary>Creates a writer of every table, or only of <paramref name="tables"/> when given.</summary>
    public ModelWriter(NpgsqlConnection connection, string quotedSchema, IReadOnlySet<string>? tables = null)
    {
        _connection = connection;
        _schema = quotedSchema;
        _tables = tables;
    }

    public async Task WriteAsync(AccessModel model, CancellationToken cancellationToken)
    {
        if (Writes("SysAdminUnit"))
        {
            await using (NpgsqlBinaryImporter w = await ImportAsync("SysAdminUnit", "\"Id\", \"Name\", \"SysAdminUnitTypeValue\", \"ParentRoleId\", \"ContactId\", \"AccountId\", \"Active\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (RoleDefinition role in model.Roles)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(role.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(role.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)role.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, role.Parent?.Value, cancellationToken).ConfigureAwait(false);
                    await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, role.Account?.Value, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                foreach (UserDefinition user in model.Users)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(user.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(user.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)user.Kind, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, user.Contact?.Value, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, user.Account?.Value, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(user.IsActive, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysUserInRole"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysUserInRole", "\"SysUserId\", \"SysRoleId\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (RoleMembership membership in model.Memberships)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(membership.User.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(membership.Role.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysFuncRoleInOrgRole"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysFuncRoleInOrgRole", "\"FuncRoleId\", \"OrgRoleId\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (FunctionalRoleLink link in model.FunctionalLinks)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(link.FunctionalRole.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(link.OrganizationalRole.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysAdminUnitGrantedRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysAdminUnitGrantedRight", "\"GrantorSysAdminUnitId\", \"GranteeSysAdminUnitId\", \"ValidTo\", \"ValidToOffset\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (Delegation delegation in model.Delegations)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(delegation.Grantor.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(delegation.Recipient.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    if (delegation.EndsAt is { } endsAt)
                    {
                        await w.WriteAsync(endsAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync((short)endsAt.Offset.TotalMinutes, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        await w.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysRoleNotInheritedByManager"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysRoleNotInheritedByManager", "\"SysRoleId\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (RoleId role in model.RolesNotInheritedByManagers)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(role.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await WritePermissionsAsync(model, cancellationToken).ConfigureAwait(false);
        await WriteRecordsAsync(model, cancellationToken).ConfigureAwait(false);
        await WriteSystemOperationsAsync(model, cancellationToken).ConfigureAwait(false);
        await WriteSupportAsync(model, cancellationToken).ConfigureAwait(false);

        if (Writes("SysSettings"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysSettings", "\"Code\", \"Value\"", cancellationToken).ConfigureAwait(false))
            {
                foreach ((string code, string value) in SettingsRows.ToRows(model.Settings))
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WritePermissionsAsync(AccessModel model, CancellationToken cancellationToken)
    {
        if (Writes("SysEntitySchema"))
        {
            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntitySchema", "\"Name\", \"Category\", \"AdministratedByOperations\", \"AdministratedByRecords\", \"IsAvailableForPortal\", \"KeepsRecordsInDatabase\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (ObjectDefinition definition in model.Objects)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(definition.Name.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)definition.Category, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(definition.UseOperationPermissions, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(definition.UseRecordPermissions, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(definition.IsAvailableForPortal, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(definition.KeepsRecordsInDatabase, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysEntitySchemaColumn"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntitySchemaColumn", "\"EntitySchemaName\", \"Position\", \"Name\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (ObjectDefinition definition in model.Objects)
                {
                    for (int i = 0; i < definition.Columns.Count; i++)
                    {
                        await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(definition.Name.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(definition.Columns[i].Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysEntitySchemaOperationRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntitySchemaOperationRight", "\"SubjectSchemaName\", \"SysAdminUnitId\", \"Position\", \"CanRead\", \"CanAppend\", \"CanEdit\", \"CanDelete\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (ObjectOperationRow row in model.ObjectOperationRows)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Grantee.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Position, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await OperationsAsync(w, row.Operations, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysEntitySchemaColumnRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntitySchemaColumnRight", "\"SubjectSchemaName\", \"SubjectColumnName\", \"SysAdminUnitId\", \"Position\", \"RightLevel\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (ColumnRightRow row in model.ColumnRightRows)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Column.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Grantee.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Position, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)row.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysEntitySchemaRecordDefRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntitySchemaRecordDefRight", "\"SubjectSchemaName\", \"AuthorSysAdminUnitId\", \"GranteeSysAdminUnitId\", \"Operation\", \"RightLevel\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (DefaultRecordRightRule rule in model.DefaultRecordRightRules)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(rule.Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(rule.Author.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, rule.Grantee?.Value, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)rule.Operation, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)rule.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteRecordsAsync(AccessModel model, CancellationToken cancellationToken)
    {
        if (Writes("SysEntityRecord"))
        {
            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntityRecord", "\"EntitySchemaName\", \"RecordId\", \"CreatedById\", \"OwnerId\", \"SupportAccessGrantId\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (RecordDefinition record in model.Records)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(record.Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(record.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, record.Author?.Value, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, record.Owner?.Value, cancellationToken).ConfigureAwait(false);
                    await NullableAsync(w, record.CreatedInSupportGrant?.Value, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysEntityRecordRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysEntityRecordRight", "\"SubjectSchemaName\", \"RecordId\", \"SysAdminUnitId\", \"Operation\", \"RightLevel\", \"Source\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (RecordRightRow row in model.RecordRightRows)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Record.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Grantee.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)row.Operation, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)row.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)row.Source, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteSystemOperationsAsync(AccessModel model, CancellationToken cancellationToken)
    {
        if (Writes("SysAdminOperation"))
        {
            await using (NpgsqlBinaryImporter w = await ImportAsync("SysAdminOperation", "\"Code\", \"IsConfiguration\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (SystemOperationDefinition operation in model.SystemOperations)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(operation.Code.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(operation.IsConfiguration, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysAdminOperationEntitySchemaRight"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysAdminOperationEntitySchemaRight", "\"SysAdminOperationCode\", \"Position\", \"SubjectSchemaName\", \"CanRead\", \"CanAppend\", \"CanEdit\", \"CanDelete\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (SystemOperationDefinition operation in model.SystemOperations)
                {
                    for (int i = 0; i < operation.ObjectAccess.Count; i++)
                    {
                        await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(operation.Code.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(operation.ObjectAccess[i].Object.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await OperationsAsync(w, operation.ObjectAccess[i].Operations, cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysAdminOperationGrantee"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysAdminOperationGrantee", "\"SysAdminOperationCode\", \"SysAdminUnitId\", \"Position\", \"CanExecute\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (SystemOperationRow row in model.SystemOperationRows)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Operation.Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Grantee.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.Position, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(row.CanExecute, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteSupportAsync(AccessModel model, CancellationToken cancellationToken)
    {
        if (Writes("SysWorkplace"))
        {
            await using (NpgsqlBinaryImporter w = await ImportAsync("SysWorkplace", "\"Name\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (WorkplaceDefinition workplace in model.Workplaces)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(workplace.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysWorkplaceEntitySchema"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysWorkplaceEntitySchema", "\"WorkplaceName\", \"Position\", \"EntitySchemaName\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (WorkplaceDefinition workplace in model.Workplaces)
                {
                    for (int i = 0; i < workplace.Objects.Count; i++)
                    {
                        await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(workplace.Name, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(workplace.Objects[i].Value, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysSupportAccessGrant"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysSupportAccessGrant", "\"Id\", \"Reason\", \"StartDate\", \"CloseDate\", \"GrantorId\", \"GrantedById\", \"DenyDataAccess\", \"DenyConfiguration\", \"Active\", \"AccessLevel\", \"Environment\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (SupportAccessGrant grant in model.SupportGrants)
                {
                    await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.Reason, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.StartDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.CloseDate, NpgsqlDbType.Date, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.Grantor.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.GrantedBy.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.DenyDataAccess, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.DenyConfiguration, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.IsActive, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync((short)grant.Level, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await w.WriteAsync(grant.Environment, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (Writes("SysSupportAccessGrantWorkplace"))

            {

            await using (NpgsqlBinaryImporter w = await ImportAsync("SysSupportAccessGrantWorkplace", "\"SupportAccessGrantId\", \"Position\", \"WorkplaceName\"", cancellationToken).ConfigureAwait(false))
            {
                foreach (SupportAccessGrant grant in model.SupportGrants)
                {
                    for (int i = 0; i < grant.Workplaces.Count; i++)
                    {
                        await w.StartRowAsync(cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(grant.Id.Value, NpgsqlDbType.Uuid, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                        await w.WriteAsync(grant.Workplaces[i], NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    }
                }

                await w.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private bool Writes(string table) => _tables is null || _tables.Contains(table);

    private static Task NullableAsync(NpgsqlBinaryImporter w, Guid? value, CancellationToken cancellationToken) =>
        CopyValues.WriteAsync(w, value, cancellationToken);

    private static async Task OperationsAsync(NpgsqlBinaryImporter w, ObjectOperations operations, CancellationToken cancellationToken)
    {
        await w.WriteAsync((operations & ObjectOperations.Read) != 0, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await w.WriteAsync((operations & ObjectOperations.Create) != 0, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await w.WriteAsync((operations & ObjectOperations.Edit) != 0, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
        await w.WriteAsync((operations & ObjectOperations.Delete) != 0, NpgsqlDbType.Boolean, cancellationToken).ConfigureAwait(false);
    }

    private Task<NpgsqlBinaryImporter> ImportAsync(string table, string columns, CancellationToken cancellationToken) =>
        _connection.BeginBinaryImportAsync($"COPY {_schema}.\"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
}
