using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Writes the row edits of a committed delta to the model's tables, inside the commit's transaction: users, roles,
/// memberships, records and record rights edit their rows one by one; every other edit rewrites the few tables it
/// touches from the model after the commit (they are small: links, delegations, objects, rows of permissions, settings).</summary>
internal static class DeltaWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, string schema, AccessModelDelta delta, AccessModel after, CancellationToken cancellationToken)
    {
        var rewrite = new HashSet<string>(StringComparer.Ordinal);
        await using var batch = new NpgsqlBatch(connection);
        foreach (AccessModelEdit edit in delta.Edits)
        {
            switch (edit)
            {
                case AddMembershipEdit add:
                    Add(batch, $"INSERT INTO {schema}.\"SysUserInRole\" (\"SysUserId\", \"SysRoleId\") VALUES ($1, $2)", add.Membership.User.Value, add.Membership.Role.Value);
                    break;
                case RemoveMembershipEdit remove:
                    Add(batch, $"DELETE FROM {schema}.\"SysUserInRole\" WHERE \"SysUserId\" = $1 AND \"SysRoleId\" = $2", remove.Membership.User.Value, remove.Membership.Role.Value);
                    break;
                case PutUserEdit put:
                    Add(batch, $"DELETE FROM {schema}.\"SysAdminUnit\" WHERE \"Id\" = $1", put.User.Id.Value);
                    Add(
                        batch,
                        $"INSERT INTO {schema}.\"SysAdminUnit\" (\"Id\", \"Name\", \"SysAdminUnitTypeValue\", \"ParentRoleId\", \"ContactId\", \"AccountId\", \"Active\") VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        put.User.Id.Value, put.User.Name, (short)put.User.Kind, DBNull.Value, Nullable(put.User.Contact?.Value), Nullable(put.User.Account?.Value), put.User.IsActive);
                    break;
                case PutRoleEdit put:
                    Add(batch, $"DELETE FROM {schema}.\"SysAdminUnit\" WHERE \"Id\" = $1", put.Role.Id.Value);
                    Add(
                        batch,
                        $"INSERT INTO {schema}.\"SysAdminUnit\" (\"Id\", \"Name\", \"SysAdminUnitTypeValue\", \"ParentRoleId\", \"ContactId\", \"AccountId\", \"Active\") VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        put.Role.Id.Value, put.Role.Name, (short)put.Role.Kind, Nullable(put.Role.Parent?.Value), DBNull.Value, Nullable(put.Role.Account?.Value), true);
                    break;
                case RemoveUserEdit remove:
                    Add(batch, $"DELETE FROM {schema}.\"SysAdminUnit\" WHERE \"Id\" = $1", remove.User.Value);
                    break;
                case RemoveRoleEdit remove:
                    Add(batch, $"DELETE FROM {schema}.\"SysAdminUnit\" WHERE \"Id\" = $1", remove.Role.Value);
                    break;
                case PutRecordEdit put:
                    Add(batch, $"DELETE FROM {schema}.\"SysEntityRecord\" WHERE \"EntitySchemaName\" = $1 AND \"RecordId\" = $2", put.Record.Object.Value, put.Record.Id.Value);
                    Add(
                        batch,
                        $"INSERT INTO {schema}.\"SysEntityRecord\" (\"EntitySchemaName\", \"RecordId\", \"CreatedById\", \"OwnerId\", \"SupportAccessGrantId\") VALUES ($1, $2, $3, $4, $5)",
                        put.Record.Object.Value, put.Record.Id.Value, Nullable(put.Record.Author?.Value), Nullable(put.Record.Owner?.Value), Nullable(put.Record.CreatedInSupportGrant?.Value));
                    break;
                case RemoveRecordEdit remove:
                    Add(batch, $"DELETE FROM {schema}.\"SysEntityRecord\" WHERE \"EntitySchemaName\" = $1 AND \"RecordId\" = $2", remove.Object.Value, remove.Record.Value);
                    break;
                case PutRecordRightEdit put:
                    Add(
                        batch,
                        $"DELETE FROM {schema}.\"SysEntityRecordRight\" WHERE \"SubjectSchemaName\" = $1 AND \"RecordId\" = $2 AND \"SysAdminUnitId\" = $3 AND \"Operation\" = $4",
                        put.Right.Object.Value, put.Right.Record.Value, put.Right.Grantee.Value, (short)put.Right.Operation);
                    AddRight(batch, schema, put.Right);
                    break;
                case AddRecordRightEdit add:
                    AddRight(batch, schema, add.Right);
                    break;
                case RemoveRecordRightEdit { Source: null } remove:
                    Add(
                        batch,
                        $"DELETE FROM {schema}.\"SysEntityRecordRight\" WHERE \"SubjectSchemaName\" = $1 AND \"RecordId\" = $2 AND \"SysAdminUnitId\" = $3 AND \"Operation\" = $4",
                        remove.Object.Value, remove.Record.Value, remove.Grantee.Value, (short)remove.Operation);
                    break;
                case RemoveRecordRightEdit remove:
                    Add(
                        batch,
                        $"DELETE FROM {schema}.\"SysEntityRecordRight\" WHERE \"SubjectSchemaName\" = $1 AND \"RecordId\" = $2 AND \"SysAdminUnitId\" = $3 AND \"Operation\" = $4 AND \"Source\" = $5",
                        remove.Object.Value, remove.Record.Value, remove.Grantee.Value, (short)remove.Operation, (short)remove.Source!.Value);
                    break;
                default:
                    rewrite.UnionWith(TablesOf(edit));
                    break;
            }
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (rewrite.Count > 0)
        {
            await using (var delete = new NpgsqlCommand(string.Join("; ", rewrite.Select(t => $"DELETE FROM {schema}.\"{t}\"")), connection))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await new ModelWriter(connection, schema, rewrite).WriteAsync(after, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The tables an edit other than a membership, record or record right changes, rewritten whole.</summary>
    private static string[] TablesOf(AccessModelEdit edit) => edit switch
    {
        AddFunctionalLinkEdit or RemoveFunctionalLinkEdit => ["SysFuncRoleInOrgRole"],
        AddDelegationEdit or RemoveDelegationEdit => ["SysAdminUnitGrantedRight"],
        ReplaceRolesNotInheritedByManagersEdit => ["SysRoleNotInheritedByManager"],
        PutObjectEdit => ["SysEntitySchema", "SysEntitySchemaColumn"],
        ReplaceObjectOperationRowsEdit => ["SysEntitySchemaOperationRight"],
        ReplaceColumnRightRowsEdit => ["SysEntitySchemaColumnRight"],
        ReplaceDefaultRecordRightRulesEdit => ["SysEntitySchemaRecordDefRight"],
        PutSystemOperationEdit => ["SysAdminOperation", "SysAdminOperationEntitySchemaRight"],
        ReplaceSystemOperationRowsEdit => ["SysAdminOperationGrantee"],
        PutWorkplaceEdit or RemoveWorkplaceEdit => ["SysWorkplace", "SysWorkplaceEntitySchema"],
        PutSupportGrantEdit => ["SysSupportAccessGrant", "SysSupportAccessGrantWorkplace"],
        ReplaceSettingsEdit => ["SysSettings"],

        // An edit this writer does not know: every table is written again from the model after the commit.
        _ => ModelWriter.ModelTables,
    };

    private static void AddRight(NpgsqlBatch batch, string schema, RecordRightRow right) =>
        Add(
            batch,
            $"INSERT INTO {schema}.\"SysEntityRecordRight\" (\"SubjectSchemaName\", \"RecordId\", \"SysAdminUnitId\", \"Operation\", \"RightLevel\", \"Source\") VALUES ($1, $2, $3, $4, $5, $6)",
            right.Object.Value, right.Record.Value, right.Grantee.Value, (short)right.Operation, (short)right.Level, (short)right.Source);

    private static object Nullable(Guid? value) => value is { } id ? id : DBNull.Value;

    private static void Add(NpgsqlBatch batch, string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(value is DBNull ? new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid } : new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(command);
    }
}
