using System.Data;
using Creatio.AccessControl.Stores;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Reads the access model from PostgreSQL, commits changes to it with their change log, and imports a model into
/// a database that holds none.</summary>
/// <remarks>
/// <para>Every table is read with one binary <c>COPY … TO STDOUT</c>. <see cref="LoadModelAsync"/> reads them all in one
/// read-only repeatable-read transaction, so the model is one consistent state of the database, and validates it whole;
/// each store method reads its own tables in a transaction of its own. The tables are created by
/// <see cref="PostgreSqlAccessSchema.MigrateAsync"/>.</para>
/// <para><see cref="CommitAsync"/> stores a batch in one transaction with an optimistic check of the model version,
/// appends it to the change log (<c>AccessChangeLog</c>) and notifies <see cref="NotificationChannel"/> in the same
/// transaction.</para>
/// <para>Instants are kept to the microsecond, PostgreSQL's precision. This type is safe for concurrent use; it holds no
/// connection between calls.</para>
/// </remarks>
public sealed partial class PostgreSqlAccessStore : IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore, IAccessStoreWriter
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;

    /// <summary>Creates a store over a database.</summary>
    /// <param name="dataSource">The database. The store does not dispose it.</param>
    /// <param name="schemaName">The schema the tables are in.</param>
    /// <param name="notificationChannel">The channel commits notify; <see langword="null"/> for the schema name followed by
    /// <c>_changes</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="schemaName"/> or <paramref name="notificationChannel"/> is not a
    /// plain identifier.</exception>
    public PostgreSqlAccessStore(NpgsqlDataSource dataSource, string schemaName = PostgreSqlAccessSchema.DefaultSchemaName, string? notificationChannel = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
        _schema = SchemaIdentifier.Quote(schemaName);
        SchemaName = schemaName;
        NotificationChannel = notificationChannel ?? DefaultChannel(schemaName);
        if (!SchemaIdentifier.IsValid(NotificationChannel))
        {
            throw new ArgumentException(
                $"The notification channel `{NotificationChannel}` is not a plain identifier (a letter or underscore, then letters, digits or underscores, 63 characters at most).",
                nameof(notificationChannel));
        }
    }

    /// <summary>Gets the schema the tables are in.</summary>
    public string SchemaName { get; }

    /// <summary>Gets the channel every commit notifies (<c>pg_notify</c>) with its version, and a change feed listens on.</summary>
    public string NotificationChannel { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    internal string QuotedSchema => _schema;

    /// <summary>The channel of a schema when none is given: the schema name followed by <c>_changes</c>, cut to 63 characters.</summary>
    internal static string DefaultChannel(string schemaName)
    {
        string channel = schemaName + "_changes";
        return channel.Length <= 63 ? channel : channel[..63];
    }

    /// <summary>Reads the whole model (support grants and workplaces included) as one consistent state, and validates it.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="AccessModelValidationException">The tables do not hold a valid model; every problem is listed.</exception>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public async ValueTask<AccessModel> LoadModelAsync(CancellationToken cancellationToken = default) =>
        (await ReadBuilderAsync(cancellationToken).ConfigureAwait(false)).Builder.Build();

    /// <summary>Reads the whole model and the version the tables hold, as one consistent state, and validates the model.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated model with its version. A database that holds no model yet (version 0) is given version 1
    /// first (the model it holds, the empty one, is then version 1 for every instance), so an import is no longer
    /// possible.</returns>
    /// <exception cref="AccessModelValidationException">The tables do not hold a valid model; every problem is listed.</exception>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public async ValueTask<VersionedAccessModel> LoadVersionedModelAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand($"UPDATE {_schema}.\"AccessModelVersion\" SET \"Version\" = 1, \"ModifiedOn\" = now() WHERE \"Version\" = 0", connection);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        (AccessModelBuilder builder, long version) = await ReadBuilderAsync(cancellationToken).ConfigureAwait(false);
        return new VersionedAccessModel(builder.Build(), version);
    }

    /// <summary>Reads every table into a builder, not yet validated (the first half of <see cref="LoadModelAsync"/>), with
    /// the model version of the same state.</summary>
    /// <exception cref="AccessModelValidationException">A row cannot be held by the model's types.</exception>
    internal async Task<(AccessModelBuilder Builder, long Version)> ReadBuilderAsync(CancellationToken cancellationToken)
    {
        var builder = new AccessModelBuilder();
        long version = 0;
        List<AccessModelError> errors = await ReadAsync(async reader =>
        {
            version = await reader.ReadVersionAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAdminUnitsAsync(builder, cancellationToken).ConfigureAwait(false);
            await reader.ReadPermissionsAsync(builder, cancellationToken).ConfigureAwait(false);
            await reader.ReadRecordsAsync(builder, cancellationToken).ConfigureAwait(false);
            await reader.ReadSystemOperationsAsync(builder, cancellationToken).ConfigureAwait(false);
            await reader.ReadSupportAsync(builder, cancellationToken).ConfigureAwait(false);
            builder.Settings = await reader.ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        return errors.Count > 0 ? throw new AccessModelValidationException(errors) : (builder, version);
    }

    /// <summary>Reads the version of the model the tables hold: 0 until a model is imported.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The version.</returns>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public async ValueTask<long> GetModelVersionAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand($"SELECT \"Version\" FROM {_schema}.\"AccessModelVersion\"", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
    }

    /// <summary>Writes a whole model into a database that holds none (model version 0), with binary <c>COPY … FROM STDIN</c>,
    /// in one transaction; the database then holds model version 1.</summary>
    /// <param name="model">The model.</param>
    /// <param name="cancellationToken">Cancels the import; a cancelled import writes nothing.</param>
    /// <returns>A task that completes when the model is stored.</returns>
    /// <remarks>For tests, samples, benchmarks and first deployments. The model tables' rows (at version 0, the default
    /// "roles not inherited by managers" row) are replaced.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The database already holds a model; nothing is written.</exception>
    /// <exception cref="NpgsqlException">The database could not be written.</exception>
    public async Task ImportAsync(AccessModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                long version;
                await using (var command = new NpgsqlCommand($"SELECT \"Version\" FROM {_schema}.\"AccessModelVersion\" FOR UPDATE", connection))
                {
                    version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                }

                if (version != 0)
                {
                    throw new InvalidOperationException(
                        $"The schema `{SchemaName}` already holds model version {version}; a model is imported only into a database that holds none (version 0).");
                }

                await using (var command = new NpgsqlCommand(
                    $"TRUNCATE {string.Join(", ", ModelWriter.ModelTables.Select(t => $"{_schema}.\"{t}\""))}", connection))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await new ModelWriter(connection, _schema).WriteAsync(model, cancellationToken).ConfigureAwait(false);
                await using (var command = new NpgsqlCommand($"UPDATE {_schema}.\"AccessModelVersion\" SET \"Version\" = 1, \"ModifiedOn\" = now()", connection))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc/>
    public async ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken)
    {
        var builder = new AccessModelBuilder();
        await ReadPartAsync(reader => reader.ReadAdminUnitsAsync(builder, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new AdminUnitRows([.. builder.Users], [.. builder.Roles], [.. builder.Memberships], [.. builder.FunctionalLinks], [.. builder.Delegations], [.. builder.RolesNotInheritedByManagers]);
    }

    /// <inheritdoc/>
    public async ValueTask<PermissionRows> ReadPermissionsAsync(CancellationToken cancellationToken)
    {
        var builder = new AccessModelBuilder();
        await ReadPartAsync(reader => reader.ReadPermissionsAsync(builder, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new PermissionRows([.. builder.Objects], [.. builder.ObjectOperationRows], [.. builder.ColumnRightRows], [.. builder.DefaultRecordRightRules]);
    }

    /// <inheritdoc/>
    public async ValueTask<RecordRightRows> ReadRecordRightsAsync(CancellationToken cancellationToken)
    {
        var builder = new AccessModelBuilder();
        await ReadPartAsync(reader => reader.ReadRecordsAsync(builder, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new RecordRightRows([.. builder.Records], [.. builder.RecordRightRows]);
    }

    /// <inheritdoc/>
    public async ValueTask<SystemOperationRows> ReadSystemOperationsAsync(CancellationToken cancellationToken)
    {
        var builder = new AccessModelBuilder();
        await ReadPartAsync(reader => reader.ReadSystemOperationsAsync(builder, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new SystemOperationRows([.. builder.SystemOperations], [.. builder.SystemOperationRows]);
    }

    /// <inheritdoc/>
    public async ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken)
    {
        AccessSettings settings = AccessSettings.Default;
        await ReadPartAsync(async reader => settings = await reader.ReadSettingsAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return settings;
    }

    private async Task ReadPartAsync(Func<ModelReader, Task> read, CancellationToken cancellationToken)
    {
        List<AccessModelError> errors = await ReadAsync(read, cancellationToken).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            throw new AccessModelValidationException(errors);
        }
    }

    private async Task<List<AccessModelError>> ReadAsync(Func<ModelReader, Task> read, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var reader = new ModelReader(connection, _schema);
                await read(reader).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return reader.Errors;
            }
        }
    }
}
