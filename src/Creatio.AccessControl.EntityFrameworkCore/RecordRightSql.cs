using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Creatio.AccessControl.EntityFrameworkCore;

/// <summary>The SQL statements that write one object's record edits: on the record rights table and on the author, owner
/// and support-grant columns of the entity that holds the object's records, named as the context's model maps them and
/// quoted by the provider, with parameters typed by the mapped properties.</summary>
internal sealed class RecordRightSql
{
    private readonly DbContext _context;
    private readonly ObjectMapping _target;
    private readonly string _rights;
    private readonly string _entity;
    private readonly (string Column, IProperty Property) _object;
    private readonly (string Column, IProperty Property) _record;
    private readonly (string Column, IProperty Property) _grantee;
    private readonly (string Column, IProperty Property) _operation;
    private readonly (string Column, IProperty Property) _level;
    private readonly (string Column, IProperty Property) _source;
    private readonly (string Column, IProperty Property) _key;
    private readonly (string Column, IProperty Property) _author;
    private readonly (string Column, IProperty Property) _owner;
    private readonly (string Column, IProperty Property)? _grant;

    public RecordRightSql(DbContext context, ObjectMapping target, IEntityType rights)
    {
        _context = context;
        _target = target;
        ISqlGenerationHelper sql = context.GetService<ISqlGenerationHelper>();
        (_rights, StoreObjectIdentifier rightsTable) = Table(sql, rights, "record rights entity");
        (_entity, StoreObjectIdentifier entityTable) = Table(sql, target.Entity, $"entity '{target.EntityName}'");
        _object = Column(sql, rights, nameof(EntityRecordRight.ObjectName), rightsTable);
        _record = Column(sql, rights, nameof(EntityRecordRight.RecordId), rightsTable);
        _grantee = Column(sql, rights, nameof(EntityRecordRight.GranteeId), rightsTable);
        _operation = Column(sql, rights, nameof(EntityRecordRight.Operation), rightsTable);
        _level = Column(sql, rights, nameof(EntityRecordRight.Level), rightsTable);
        _source = Column(sql, rights, nameof(EntityRecordRight.Source), rightsTable);
        _key = Column(sql, target.Entity, target.Key, entityTable);
        _author = Column(sql, target.Entity, target.Author.Name, entityTable);
        _owner = Column(sql, target.Entity, target.Owner.Name, entityTable);
        _grant = target.SupportGrant is { } grant ? Column(sql, target.Entity, grant.Name, entityTable) : null;
    }

    /// <summary>Throws for an edit that is not one of the object's record edits, before anything is written.</summary>
    public static void Check(ObjectName objectName, AccessModelEdit edit)
    {
        ObjectName? named = edit switch
        {
            PutRecordRightEdit put => put.Right.Object,
            AddRecordRightEdit add => add.Right.Object,
            RemoveRecordRightEdit remove => remove.Object,
            PutRecordEdit put => put.Record.Object,
            RemoveRecordEdit remove => remove.Object,
            _ => (ObjectName?)null,
        };
        if (named is null)
        {
            throw new ArgumentException($"The edit {edit?.GetType().Name ?? "null"} is not a record edit; the record rights writer writes PutRecordRightEdit, AddRecordRightEdit, RemoveRecordRightEdit, PutRecordEdit and RemoveRecordEdit.", nameof(edit));
        }

        if (named != objectName)
        {
            throw new ArgumentException($"An edit names object `{named}`; every edit of the write must name `{objectName}`.", nameof(edit));
        }
    }

    /// <summary>Applies one edit.</summary>
    /// <exception cref="InvalidOperationException">A right to remove or a record row to update is not there.</exception>
    public async Task ApplyAsync(AccessModelEdit edit, CancellationToken cancellationToken)
    {
        switch (edit)
        {
            case PutRecordRightEdit put:
                await DeleteRightsAsync(put.Right.Object, put.Right.Record, put.Right.Grantee, put.Right.Operation, null, cancellationToken).ConfigureAwait(false);
                await InsertAsync(put.Right, cancellationToken).ConfigureAwait(false);
                break;
            case AddRecordRightEdit add:
                await InsertAsync(add.Right, cancellationToken).ConfigureAwait(false);
                break;
            case RemoveRecordRightEdit remove:
                if (await DeleteRightsAsync(remove.Object, remove.Record, remove.Grantee, remove.Operation, remove.Source, cancellationToken).ConfigureAwait(false) == 0)
                {
                    throw new InvalidOperationException(
                        $"The right of `{remove.Grantee}` to {remove.Operation} record `{remove.Record}` of `{remove.Object}` is not in the database: another writer changed the record since it was read.");
                }

                break;
            case PutRecordEdit put:
                await UpdateRecordAsync(put.Record, cancellationToken).ConfigureAwait(false);
                break;
            case RemoveRecordEdit remove:
                await ExecuteAsync(
                    $"DELETE FROM {_rights} WHERE {_object.Column} = {{0}} AND {_record.Column} = {{1}}",
                    [(_object.Property, remove.Object.Value), (_record.Property, remove.Record.Value)],
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private Task<int> InsertAsync(RecordRightRow right, CancellationToken cancellationToken) =>
        ExecuteAsync(
            $"INSERT INTO {_rights} ({_object.Column}, {_record.Column}, {_grantee.Column}, {_operation.Column}, {_level.Column}, {_source.Column}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}})",
            [
                (_object.Property, right.Object.Value), (_record.Property, right.Record.Value), (_grantee.Property, right.Grantee.Value),
                (_operation.Property, (short)right.Operation), (_level.Property, (short)right.Level), (_source.Property, (short)right.Source),
            ],
            cancellationToken);

    private Task<int> DeleteRightsAsync(ObjectName objectName, RecordId record, AdminUnitId grantee, RecordOperation operation, RecordRightSource? source, CancellationToken cancellationToken)
    {
        string sql = $"DELETE FROM {_rights} WHERE {_object.Column} = {{0}} AND {_record.Column} = {{1}} AND {_grantee.Column} = {{2}} AND {_operation.Column} = {{3}}";
        List<(IProperty, object?)> values = [(_object.Property, objectName.Value), (_record.Property, record.Value), (_grantee.Property, grantee.Value), (_operation.Property, (short)operation)];
        if (source is { } kept)
        {
            sql += $" AND {_source.Column} = {{4}}";
            values.Add((_source.Property, (short)kept));
        }

        return ExecuteAsync(sql, values, cancellationToken);
    }

    private async Task UpdateRecordAsync(RecordDefinition record, CancellationToken cancellationToken)
    {
        string sql = $"UPDATE {_entity} SET {_author.Column} = {{1}}, {_owner.Column} = {{2}}";
        List<(IProperty, object?)> values = [(_key.Property, record.Id.Value), (_author.Property, record.Author?.Value), (_owner.Property, record.Owner?.Value)];
        if (_grant is { } grant)
        {
            sql += $", {grant.Column} = {{3}}";
            values.Add((grant.Property, record.CreatedInSupportGrant?.Value));
        }
        else if (record.CreatedInSupportGrant is { } created)
        {
            throw new InvalidOperationException(
                $"Record `{record.Id}` of `{record.Object}` was created in support grant `{created}`, and the entity '{_target.EntityName}' keeps no support grant: map its column with the fourth argument of HasAccessObject, so that the session sees the record it created.");
        }

        if (await ExecuteAsync(sql + $" WHERE {_key.Column} = {{0}}", values, cancellationToken).ConfigureAwait(false) == 0)
        {
            throw new InvalidOperationException(
                $"Record `{record.Id}` of `{record.Object}` has no row in the entity '{_target.EntityName}': insert it before creating or re-owning it.");
        }
    }

    private async Task<int> ExecuteAsync(string sql, List<(IProperty Property, object? Value)> values, CancellationToken cancellationToken)
    {
        ISqlGenerationHelper helper = _context.GetService<ISqlGenerationHelper>();
        using DbCommand command = _context.Database.GetDbConnection().CreateCommand();
        var parameters = new object[values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            (IProperty property, object? value) = values[i];
            parameters[i] = property.GetRelationalTypeMapping().CreateParameter(command, helper.GenerateParameterName("p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), value, nullable: true);
        }

        return await _context.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken).ConfigureAwait(false);
    }

    private static (string Name, StoreObjectIdentifier Table) Table(ISqlGenerationHelper sql, IEntityType entity, string what)
    {
        string table = entity.GetTableName()
            ?? throw new InvalidOperationException($"The {what} is not mapped to a table; the record rights writer writes tables.");
        string? schema = entity.GetSchema();
        return (sql.DelimitIdentifier(table, schema), StoreObjectIdentifier.Table(table, schema));
    }

    private static (string Column, IProperty Property) Column(ISqlGenerationHelper sql, IEntityType entity, string property, StoreObjectIdentifier table)
    {
        IProperty found = entity.FindProperty(property)
            ?? throw new InvalidOperationException($"The property '{entity.DisplayName()}.{property}' is not mapped.");
        string column = found.GetColumnName(table)
            ?? throw new InvalidOperationException($"The property '{entity.DisplayName()}.{property}' has no column in its table.");
        return (sql.DelimitIdentifier(column), found);
    }
}
