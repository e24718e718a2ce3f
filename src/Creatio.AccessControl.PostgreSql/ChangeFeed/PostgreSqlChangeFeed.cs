using System.Text.Json;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Keeps an evaluator current with a PostgreSQL database that several instances write: listens for their
/// commits, polls as a backstop, and applies the change log after the evaluator's version, in order, through the
/// evaluator's one publish path.</summary>
/// <remarks>
/// <para><see cref="RunAsync"/> holds one connection of its own, <c>LISTEN</c>s on the store's
/// <see cref="PostgreSqlAccessStore.NotificationChannel"/>, and reads the change log (<c>AccessChangeLog</c>) after the
/// evaluator's version whenever a commit notifies it, and at least every <see cref="PostgreSqlAccessControlOptions.ChangeFeedPollInterval"/>
/// (a notification can be lost). Each change is applied with
/// <see cref="AccessEvaluatorStoreExtensions.ApplyStoreChangeAsync"/>, the incremental path local changes take; changes
/// this instance made itself are already published and skipped.</para>
/// <para>When the log does not lead on from the evaluator's version (it no longer reaches back, or the version jumped),
/// the whole model is read again and published. A change that does not parse or does not apply is not applied: the
/// evaluator keeps its last good snapshot, the error is logged and shown in <see cref="Status"/>, and the next attempt
/// reads the whole model again, which clears the error when the tables hold a valid model. A lost connection is logged,
/// and the feed connects again after a wait that doubles from 50 milliseconds up to
/// <see cref="PostgreSqlAccessControlOptions.ChangeFeedMaxReconnectDelay"/>; checks keep being answered from the
/// current snapshot meanwhile.</para>
/// </remarks>
public sealed partial class PostgreSqlChangeFeed
{
    private const int PageSize = 500;
    private static readonly TimeSpan FirstReconnectDelay = TimeSpan.FromMilliseconds(50);

    private readonly PostgreSqlAccessStore _store;
    private readonly AccessEvaluator _evaluator;
    private readonly TimeSpan _pollInterval;
    private readonly TimeSpan _maxReconnectDelay;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private bool _reloadNext;
    private int _woken;

    /// <summary>Creates a change feed.</summary>
    /// <param name="store">The store the evaluator's model was loaded from.</param>
    /// <param name="evaluator">The evaluator to keep current.</param>
    /// <param name="options">The poll interval and the longest reconnect delay; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where failures and reloads are logged; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="evaluator"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are not valid; the message lists every problem.</exception>
    public PostgreSqlChangeFeed(PostgreSqlAccessStore store, AccessEvaluator evaluator, PostgreSqlAccessControlOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(evaluator);
        options ??= new PostgreSqlAccessControlOptions();
        Microsoft.Extensions.Options.ValidateOptionsResult validation = new PostgreSqlAccessControlOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException($"The change feed's options are not valid: {validation.FailureMessage}", nameof(options));
        }

        _store = store;
        _evaluator = evaluator;
        _pollInterval = options.ChangeFeedPollInterval;
        _maxReconnectDelay = options.ChangeFeedMaxReconnectDelay;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = evaluator.TimeProvider;
    }

    /// <summary>Gets how the feed is doing; the health check reports it.</summary>
    public PostgreSqlChangeFeedStatus Status { get; } = new();

    /// <summary>Runs the feed until <paramref name="cancellationToken"/> is canceled: listens, catches up, waits for a
    /// notification or the poll interval, and connects again after a lost connection.</summary>
    /// <param name="cancellationToken">Stops the feed.</param>
    /// <returns>A task that completes when the feed has stopped; it never fails.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        TimeSpan delay = FirstReconnectDelay;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                NpgsqlConnection connection = await _store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    connection.Notification += (_, _) => Volatile.Write(ref _woken, 1);
                    await using (var listen = new NpgsqlCommand($"LISTEN \"{_store.NotificationChannel}\"", connection))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    Status.Connected(true);
                    delay = FirstReconnectDelay;
                    while (true)
                    {
                        Volatile.Write(ref _woken, 0);
                        await CatchUpAsync(connection, cancellationToken).ConfigureAwait(false);
                        if (Volatile.Read(ref _woken) == 0)
                        {
                            await connection.WaitAsync(_pollInterval, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                Status.Connected(false);
                Status.Failed($"The connection to the database was lost: {exception.Message}", null, keepsSnapshot: false);
                LogConnectionLost(_logger, exception, delay.TotalMilliseconds);
                try
                {
                    await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _maxReconnectDelay.Ticks));
            }
        }

        Status.Connected(false);
    }

    /// <summary>Reads and applies what the database holds after the evaluator's version, once, on a connection of its own.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the evaluator holds the database's version, or when a change could not be
    /// applied (see <see cref="Status"/>).</returns>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        NpgsqlConnection connection = await _store.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await CatchUpAsync(connection, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CatchUpAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_reloadNext)
        {
            await ReloadAsync("a change could not be applied before", cancellationToken).ConfigureAwait(false);
            return;
        }

        while (true)
        {
            long current = _evaluator.Snapshot.Version;
            List<(long Version, long BaseVersion, string Payload)> changes = await ReadChangesAsync(connection, current, cancellationToken).ConfigureAwait(false);
            if (changes.Count == 0)
            {
                long held = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
                if (held > current)
                {
                    await ReloadAsync($"the database holds version {held} and its change log nothing after version {current}", cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    Status.CaughtUp(held, _timeProvider.GetUtcNow());
                }

                return;
            }

            foreach ((long version, long baseVersion, string payload) in changes)
            {
                AccessModelDelta delta;
                AccessStoreChangeOutcome outcome;
                try
                {
                    delta = AccessModelDelta.FromJson(payload);
                    outcome = await _evaluator.ApplyStoreChangeAsync(baseVersion, version, delta, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is JsonException or AccessModelValidationException or ArgumentException)
                {
                    string message = $"The change of version {version} in the change log was not applied: {exception.Message}";
                    Status.Failed(message, version, keepsSnapshot: true);
                    LogChangeNotApplied(_logger, exception, version, _evaluator.Snapshot.Version);
                    _reloadNext = true;
                    return;
                }

                Status.Read(version);
                if (outcome == AccessStoreChangeOutcome.NotAtBaseVersion)
                {
                    await ReloadAsync($"the change of version {version} was made on version {baseVersion}, not on version {_evaluator.Snapshot.Version}", cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }
    }

    private async Task ReloadAsync(string why, CancellationToken cancellationToken)
    {
        VersionedAccessModel model;
        try
        {
            model = await _store.LoadVersionedModelAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AccessModelValidationException invalid)
        {
            string message = $"The model read again from the database is not valid ({invalid.Message}); the snapshot of version {_evaluator.Snapshot.Version} stays in use.";
            Status.Failed(message, null, keepsSnapshot: true);
            LogReloadInvalid(_logger, invalid, _evaluator.Snapshot.Version);
            _reloadNext = true;
            return;
        }

        await _evaluator.ReplaceFromStoreAsync(model, cancellationToken).ConfigureAwait(false);
        _reloadNext = false;
        LogReloaded(_logger, model.Version, why);
        Status.CaughtUp(model.Version, _timeProvider.GetUtcNow());
    }

    private async Task<List<(long Version, long BaseVersion, string Payload)>> ReadChangesAsync(NpgsqlConnection connection, long after, CancellationToken cancellationToken)
    {
        var changes = new List<(long, long, string)>();
        await using var command = new NpgsqlCommand(
            $"SELECT \"Version\", \"BaseVersion\", \"Payload\"::text FROM {_store.QuotedSchema}.\"AccessChangeLog\" WHERE \"Version\" > $1 ORDER BY \"Version\" LIMIT {PageSize}",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                changes.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
            }
        }

        return changes;
    }

    private async Task<long> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT \"Version\" FROM {_store.QuotedSchema}.\"AccessModelVersion\"", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "The access change feed lost its connection to PostgreSQL; connecting again in {DelayMilliseconds} ms. Checks are answered from the current snapshot meanwhile.")]
    private static partial void LogConnectionLost(ILogger logger, Exception exception, double delayMilliseconds);

    [LoggerMessage(EventId = 121, Level = LogLevel.Error, Message = "The access change of version {Version} read from PostgreSQL was not applied; snapshot version {SnapshotVersion} stays in use, and the model will be read again.")]
    private static partial void LogChangeNotApplied(ILogger logger, Exception exception, long version, long snapshotVersion);

    [LoggerMessage(EventId = 122, Level = LogLevel.Error, Message = "The access model read again from PostgreSQL is not valid; snapshot version {SnapshotVersion} stays in use.")]
    private static partial void LogReloadInvalid(ILogger logger, Exception exception, long snapshotVersion);

    [LoggerMessage(EventId = 123, Level = LogLevel.Information, Message = "The access model was read again from PostgreSQL at version {Version}: {Why}.")]
    private static partial void LogReloaded(ILogger logger, long version, string why);
}
