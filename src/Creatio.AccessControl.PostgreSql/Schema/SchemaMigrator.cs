using Npgsql;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Applies schema scripts in order, in one transaction under an advisory lock, recording each in <c>SchemaVersion</c>.</summary>
internal static class SchemaMigrator
{
    /// <summary>The first key of the advisory lock; the second is a hash of the schema's name.</summary>
    private const int LockKey = 0x43414331; // "CAC1"

    public static async Task<PostgreSqlSchemaUpgrade> MigrateAsync(
        NpgsqlDataSource dataSource, string schemaName, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        string schema = SchemaIdentifier.Quote(schemaName);
        NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // Instances starting together wait here for the first one; each then sees the version it left.
                await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@key, hashtext(@schema))", cancellationToken,
                    new NpgsqlParameter<int>("key", LockKey), new NpgsqlParameter<string>("schema", schemaName)).ConfigureAwait(false);
                await ExecuteAsync(connection, $"""
                    CREATE SCHEMA IF NOT EXISTS {schema};
                    CREATE TABLE IF NOT EXISTS {schema}."SchemaVersion" (
                        "Version" integer PRIMARY KEY,
                        "Description" text NOT NULL,
                        "AppliedOn" timestamptz NOT NULL DEFAULT now());
                    """, cancellationToken).ConfigureAwait(false);

                int from;
                await using (var command = new NpgsqlCommand($"SELECT coalesce(max(\"Version\"), 0) FROM {schema}.\"SchemaVersion\"", connection))
                {
                    from = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                int latest = scripts.Count == 0 ? 0 : scripts[^1].Version;
                if (from > latest)
                {
                    throw new InvalidOperationException(
                        $"The schema `{schemaName}` is at version {from}, but this version of Creatio.AccessControl.PostgreSql knows versions up to {latest}: upgrade the package.");
                }

                foreach (SchemaScript script in scripts)
                {
                    if (script.Version <= from)
                    {
                        continue;
                    }

                    await ExecuteAsync(connection, $"SET LOCAL search_path TO {schema}", cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, script.Sql, cancellationToken).ConfigureAwait(false);
                    await ExecuteAsync(connection, $"INSERT INTO {schema}.\"SchemaVersion\" (\"Version\", \"Description\") VALUES (@version, @description)", cancellationToken,
                        new NpgsqlParameter<int>("version", script.Version), new NpgsqlParameter<string>("description", script.Description)).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new PostgreSqlSchemaUpgrade(from, Math.Max(from, latest));
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
