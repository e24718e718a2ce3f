using Creatio.AccessControl.Stores;
using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <content>Commits batches of changes with their change log and notification.</content>
public sealed partial class PostgreSqlAccessStore
{
    /// <summary>Stores one batch in one transaction, if the database holds the version it was made on: moves the model
    /// version from <see cref="AccessStoreCommit.BaseVersion"/> to <see cref="AccessStoreCommit.Version"/>, writes the
    /// delta's row edits to the model's tables, appends the delta (its JSON form) to <c>AccessChangeLog</c> with its
    /// versions, actor and instant, and notifies <see cref="NotificationChannel"/> with the version.</summary>
    /// <param name="commit">The batch.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns><see cref="AccessStoreCommitResult.Committed"/>, or <see cref="AccessStoreCommitResult.Conflict"/> having
    /// stored nothing when the database holds another version (another instance committed first: the version row is
    /// updated only where it holds the base version, so of writers on the same base version exactly one wins).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The commit's version is not greater than its base version.</exception>
    /// <exception cref="NpgsqlException">The database could not be written; nothing is stored.</exception>
    public async ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        if (commit.Version <= commit.BaseVersion)
        {
            throw new ArgumentException($"The commit's version {commit.Version} is not greater than its base version {commit.BaseVersion}.", nameof(commit));
        }

        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                // The optimistic check: of transactions on the same base version, the first to update the row wins; the
                // others wait for it, find another version and update nothing.
                await using (var update = new NpgsqlCommand(
                    $"UPDATE {_schema}.\"AccessModelVersion\" SET \"Version\" = $1, \"ModifiedOn\" = now() WHERE \"Version\" = $2", connection))
                {
                    update.Parameters.Add(new NpgsqlParameter { Value = commit.Version });
                    update.Parameters.Add(new NpgsqlParameter { Value = commit.BaseVersion });
                    if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                        long held = await GetModelVersionAsync(cancellationToken).ConfigureAwait(false);
                        return AccessStoreCommitResult.Conflict(
                            held,
                            $"The database holds model version {held}, not version {commit.BaseVersion} the batch was made on.");
                    }
                }

                await DeltaWriter.WriteAsync(connection, _schema, commit.Delta, commit.Model, cancellationToken).ConfigureAwait(false);
                await using (var log = new NpgsqlBatch(connection))
                {
                    var insert = new NpgsqlBatchCommand(
                        $"INSERT INTO {_schema}.\"AccessChangeLog\" (\"Version\", \"BaseVersion\", \"CommittedOn\", \"Actor\", \"Payload\") VALUES ($1, $2, $3, $4, $5)");
                    insert.Parameters.Add(new NpgsqlParameter { Value = commit.Version });
                    insert.Parameters.Add(new NpgsqlParameter { Value = commit.BaseVersion });
                    insert.Parameters.Add(new NpgsqlParameter { Value = commit.Timestamp.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
                    insert.Parameters.Add(new NpgsqlParameter { Value = commit.Actor });
                    insert.Parameters.Add(new NpgsqlParameter { Value = commit.Delta.ToJson(), NpgsqlDbType = NpgsqlDbType.Json });
                    log.BatchCommands.Add(insert);
                    var notify = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
                    notify.Parameters.Add(new NpgsqlParameter { Value = NotificationChannel });
                    notify.Parameters.Add(new NpgsqlParameter { Value = commit.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                    log.BatchCommands.Add(notify);
                    await log.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return AccessStoreCommitResult.Committed(commit.Version);
            }
        }
    }
}
