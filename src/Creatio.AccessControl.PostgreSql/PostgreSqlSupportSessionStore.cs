using Creatio.AccessControl.Stores;
using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Keeps the support-session log in the <c>SysSupportSession</c> and <c>SysSupportSessionChange</c> tables.</summary>
/// <remarks>Saving a session stores it as it is now in one transaction: the session row and its changes, by position.
/// Sessions are never deleted. Instants are kept to the microsecond and read back in UTC. This type is safe for concurrent use.</remarks>
public sealed class PostgreSqlSupportSessionStore : ISupportSessionStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database. The store does not dispose it.</param>
    /// <param name="schemaName">The schema the tables are in.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="schemaName"/> is not a plain identifier.</exception>
    public PostgreSqlSupportSessionStore(NpgsqlDataSource dataSource, string schemaName = PostgreSqlAccessSchema.DefaultSchemaName)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _schema = SchemaIdentifier.Quote(schemaName);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="NpgsqlException">The database could not be written; nothing of the session is stored.</exception>
    public async ValueTask SaveSessionAsync(SupportSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await using var batch = new NpgsqlBatch(connection, transaction);
                var upsert = new NpgsqlBatchCommand($"""
                    INSERT INTO {_schema}."SysSupportSession" ("Id", "SupportAccessGrantId", "StartedOn", "EndedOn") VALUES (@id, @grant, @started, @ended)
                    ON CONFLICT ("Id") DO UPDATE SET "SupportAccessGrantId" = excluded."SupportAccessGrantId", "StartedOn" = excluded."StartedOn", "EndedOn" = excluded."EndedOn"
                    """);
                upsert.Parameters.Add(new NpgsqlParameter<Guid>("id", session.Id.Value));
                upsert.Parameters.Add(new NpgsqlParameter<Guid>("grant", session.Grant.Value));
                upsert.Parameters.Add(new NpgsqlParameter<DateTime>("started", session.StartedAt.UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
                upsert.Parameters.Add(new NpgsqlParameter("ended", NpgsqlDbType.TimestampTz) { Value = (object?)session.EndedAt?.UtcDateTime ?? DBNull.Value });
                batch.BatchCommands.Add(upsert);

                var trim = new NpgsqlBatchCommand($"""DELETE FROM {_schema}."SysSupportSessionChange" WHERE "SupportSessionId" = @id AND "Position" >= @count""");
                trim.Parameters.Add(new NpgsqlParameter<Guid>("id", session.Id.Value));
                trim.Parameters.Add(new NpgsqlParameter<int>("count", session.Changes.Count));
                batch.BatchCommands.Add(trim);

                for (int i = 0; i < session.Changes.Count; i++)
                {
                    SupportSessionChange change = session.Changes[i];
                    var write = new NpgsqlBatchCommand($"""
                        INSERT INTO {_schema}."SysSupportSessionChange" ("SupportSessionId", "Position", "ChangedOn", "EntitySchemaName", "RecordId", "Operation", "ChangedColumns")
                        VALUES (@id, @position, @at, @object, @record, @operation, @columns)
                        ON CONFLICT ("SupportSessionId", "Position") DO UPDATE SET "ChangedOn" = excluded."ChangedOn", "EntitySchemaName" = excluded."EntitySchemaName",
                            "RecordId" = excluded."RecordId", "Operation" = excluded."Operation", "ChangedColumns" = excluded."ChangedColumns"
                        WHERE ("SysSupportSessionChange"."ChangedOn", "SysSupportSessionChange"."EntitySchemaName", "SysSupportSessionChange"."RecordId",
                               "SysSupportSessionChange"."Operation", "SysSupportSessionChange"."ChangedColumns")
                            IS DISTINCT FROM (excluded."ChangedOn", excluded."EntitySchemaName", excluded."RecordId", excluded."Operation", excluded."ChangedColumns")
                        """);
                    write.Parameters.Add(new NpgsqlParameter<Guid>("id", session.Id.Value));
                    write.Parameters.Add(new NpgsqlParameter<int>("position", i));
                    write.Parameters.Add(new NpgsqlParameter<DateTime>("at", change.At.UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    write.Parameters.Add(new NpgsqlParameter<string>("object", change.Object.Value));
                    write.Parameters.Add(new NpgsqlParameter("record", NpgsqlDbType.Uuid) { Value = (object?)change.Record?.Value ?? DBNull.Value });
                    write.Parameters.Add(new NpgsqlParameter<string>("operation", change.Operation));
                    write.Parameters.Add(new NpgsqlParameter<string[]>("columns", [.. change.ChangedColumns.Select(c => c.Value)]));
                    batch.BatchCommands.Add(write);
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public async ValueTask<SupportSession?> GetSessionAsync(SupportSessionId session, CancellationToken cancellationToken)
    {
        IReadOnlyList<SupportSession> sessions = await ReadAsync("\"Id\" = @key", session.Value, cancellationToken).ConfigureAwait(false);
        return sessions.Count == 0 ? null : sessions[0];
    }

    /// <inheritdoc/>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public ValueTask<IReadOnlyList<SupportSession>> GetSessionsAsync(SupportGrantId grant, CancellationToken cancellationToken) =>
        ReadAsync("\"SupportAccessGrantId\" = @key", grant.Value, cancellationToken);

    private async ValueTask<IReadOnlyList<SupportSession>> ReadAsync(string condition, Guid key, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            SELECT s."Id", s."SupportAccessGrantId", s."StartedOn", s."EndedOn",
                   c."ChangedOn", c."EntitySchemaName", c."RecordId", c."Operation", c."ChangedColumns"
            FROM {_schema}."SysSupportSession" s
            LEFT JOIN {_schema}."SysSupportSessionChange" c ON c."SupportSessionId" = s."Id"
            WHERE s.{condition}
            ORDER BY s."StartedOn", s."Id", c."Position"
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid>("key", key));
        var sessions = new List<SupportSession>();
        var changes = new List<SupportSessionChange>();
        SupportSession? current = null;
        await using NpgsqlDataReader rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = new SupportSessionId(rows.GetGuid(0));
            if (current is null || current.Id != id)
            {
                Close(sessions, current, changes);
                current = new SupportSession(
                    id,
                    new SupportGrantId(rows.GetGuid(1)),
                    Utc(rows.GetDateTime(2)),
                    rows.IsDBNull(3) ? null : Utc(rows.GetDateTime(3)),
                    []);
            }

            if (!rows.IsDBNull(4))
            {
                changes.Add(new SupportSessionChange(
                    Utc(rows.GetDateTime(4)),
                    new ObjectName(rows.GetString(5)),
                    rows.IsDBNull(6) ? null : new RecordId(rows.GetGuid(6)),
                    rows.GetString(7),
                    [.. rows.GetFieldValue<string[]>(8).Select(c => new ColumnName(c))]));
            }
        }

        Close(sessions, current, changes);
        return sessions;
    }

    private static void Close(List<SupportSession> sessions, SupportSession? session, List<SupportSessionChange> changes)
    {
        if (session is not null)
        {
            sessions.Add(session with { Changes = [.. changes] });
            changes.Clear();
        }
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
