using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Writes audit events to the <c>SysOperationAudit</c> table, in batches, from a background writer; reads them back
/// and archives them (<see cref="IAccessAuditReader"/>).</summary>
/// <remarks>
/// <para><see cref="Write"/> only queues the event: a check or a change never waits for the database. A writer task takes the
/// queued events in batches of up to <see cref="PostgreSqlAccessControlOptions.AuditBatchSize"/> and stores each batch with
/// one binary <c>COPY</c>. When the database fails, the batch is kept and tried again after
/// <see cref="PostgreSqlAccessControlOptions.AuditRetryDelay"/>; each failure is logged and counted in
/// <see cref="FailureCount"/>, with the last one in <see cref="LastError"/>. Events that find the queue full are dropped,
/// logged and counted in <see cref="DroppedCount"/>: none is lost silently, and none ever changes a decision.</para>
/// <para>Several instances may write to one table. Instants are kept to the microsecond. This type is safe for concurrent use.</para>
/// </remarks>
public sealed partial class PostgreSqlAccessAuditSink : IAccessAuditSink, IAccessAuditReader, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly PostgreSqlAccessControlOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<AccessAuditEvent> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private long _queued;
    private long _written;
    private long _dropped;
    private long _failures;
    private Exception? _lastError;
    private int _disposed;

    /// <summary>Creates a sink and starts its writer.</summary>
    /// <param name="dataSource">The database, whose schema holds the tables (<see cref="PostgreSqlAccessSchema.MigrateAsync"/>).
    /// The sink does not dispose it.</param>
    /// <param name="options">The schema, queue and batch options; the defaults when <see langword="null"/>.</param>
    /// <param name="logger">Where write failures and dropped events are reported; none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public PostgreSqlAccessAuditSink(NpgsqlDataSource dataSource, PostgreSqlAccessControlOptions? options = null, ILogger<PostgreSqlAccessAuditSink>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _options = options ?? new PostgreSqlAccessControlOptions();
        var validation = new PostgreSqlAccessControlOptionsValidator().Validate(null, _options);
        if (validation.Failed)
        {
            throw new ArgumentException($"The PostgreSQL access control options are invalid: {validation.FailureMessage}", nameof(options));
        }

        _dataSource = dataSource;
        _schema = SchemaIdentifier.Quote(_options.SchemaName);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _queue = Channel.CreateBounded<AccessAuditEvent>(new BoundedChannelOptions(_options.AuditQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Gets how many events wait to be written.</summary>
    public long PendingCount => Interlocked.Read(ref _queued) - Interlocked.Read(ref _written);

    /// <summary>Gets how many events were dropped because the queue was full (or the sink disposed).</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <summary>Gets how many writes have failed.</summary>
    public long FailureCount => Interlocked.Read(ref _failures);

    /// <summary>Gets the last write failure, or <see langword="null"/> when the last write succeeded.</summary>
    public Exception? LastError => Volatile.Read(ref _lastError);

    /// <inheritdoc/>
    /// <remarks>Queues the event and returns at once; see the remarks of the type.</remarks>
    public void Write(in AccessAuditEvent auditEvent)
    {
        Interlocked.Increment(ref _queued);
        if (!_queue.Writer.TryWrite(auditEvent))
        {
            Interlocked.Decrement(ref _queued);
            long dropped = Interlocked.Increment(ref _dropped);
            if (dropped == 1 || dropped % 1000 == 0)
            {
                LogDropped(_logger, auditEvent.Type, auditEvent.Action, dropped);
            }
        }
    }

    /// <summary>Waits until every event queued before the call is written.</summary>
    /// <param name="cancellationToken">Stops the wait (the events stay queued).</param>
    /// <returns>A task that completes when they are written.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        long target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _written) < target && !_writer.IsCompleted)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <remarks>Waits first until the events queued before the call are written, so that they are read too, unless a write
    /// fails meanwhile: then it reads what the table holds rather than wait for the database to take the batch.</remarks>
    /// <exception cref="NpgsqlException">The database could not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public async ValueTask<IReadOnlyList<AccessAuditEvent>> ReadAsync(DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        await WaitForQueuedAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            SELECT {Columns}
            FROM {_schema}."SysOperationAudit"
            WHERE "Date" >= @from AND "Date" < @before
            ORDER BY "Date", "Id"
            """);
        AddInstant(command, "from", from);
        AddInstant(command, "before", before);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>Waits first until the events queued before the call are written (unless a write fails meanwhile, as for
    /// <see cref="ReadAsync"/>), then deletes the archived rows and returns them in one statement: several instances may
    /// archive at once, and each row is returned to one of them.</remarks>
    /// <exception cref="NpgsqlException">The database could not be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is removed.</exception>
    public async ValueTask<IReadOnlyList<AccessAuditEvent>> ArchiveAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await WaitForQueuedAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlCommand command = _dataSource.CreateCommand($"""
            WITH archived AS (
                DELETE FROM {_schema}."SysOperationAudit" WHERE "Date" < @before
                RETURNING "Id", {Columns})
            SELECT {Columns} FROM archived ORDER BY "Date", "Id"
            """);
        AddInstant(command, "before", before);
        return await ReadEventsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until the events queued before the call are written, the writer has stopped, or a write fails: a
    /// batch the database keeps refusing must not make the log unreadable.</summary>
    private async Task WaitForQueuedAsync(CancellationToken cancellationToken)
    {
        long target = Interlocked.Read(ref _queued);
        long failures = Interlocked.Read(ref _failures);
        while (Interlocked.Read(ref _written) < target && !_writer.IsCompleted && Interlocked.Read(ref _failures) == failures)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops taking events, waits up to <see cref="PostgreSqlAccessControlOptions.AuditShutdownTimeout"/> for the
    /// queued ones to be written, then stops the writer; events still queued then are counted as dropped and logged.</summary>
    /// <returns>A task that completes when the writer has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_writer, Task.Delay(_options.AuditShutdownTimeout)).ConfigureAwait(false) != _writer)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await _writer.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        long left = PendingCount;
        if (left > 0)
        {
            Interlocked.Add(ref _dropped, left);
            LogLostAtShutdown(_logger, left);
        }

        _stopping.Dispose();
    }

    /// <summary>Stops taking events and stops the writer at once, without waiting: events still queued are counted as
    /// dropped and logged. Prefer <see cref="DisposeAsync"/>, which gives them time to be written.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _stopping.Cancel();
        long left = PendingCount;
        if (left > 0)
        {
            Interlocked.Add(ref _dropped, left);
            LogLostAtShutdown(_logger, left);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<AccessAuditEvent>(_options.AuditBatchSize);
        ChannelReader<AccessAuditEvent> reader = _queue.Reader;
        CancellationToken stopping = _stopping.Token;
        while (await reader.WaitToReadAsync(stopping).ConfigureAwait(false))
        {
            while (batch.Count < _options.AuditBatchSize && reader.TryRead(out AccessAuditEvent auditEvent))
            {
                batch.Add(auditEvent);
            }

            while (true)
            {
                try
                {
                    await StoreAsync(batch, stopping).ConfigureAwait(false);
                    Interlocked.Add(ref _written, batch.Count);
                    Volatile.Write(ref _lastError, null);
                    break;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    Interlocked.Increment(ref _failures);
                    Volatile.Write(ref _lastError, exception);
                    LogWriteFailed(_logger, exception, batch.Count, _options.AuditRetryDelay);
                    await Task.Delay(_options.AuditRetryDelay, stopping).ConfigureAwait(false);
                }
            }

            batch.Clear();
        }
    }

    private async Task StoreAsync(List<AccessAuditEvent> batch, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            NpgsqlBinaryImporter importer = await connection.BeginBinaryImportAsync(
                $"COPY {_schema}.\"SysOperationAudit\" (\"Date\", \"Type\", \"ActorId\", \"SupportAccessGrantId\", \"Action\", \"Description\", \"Before\", \"After\", \"SnapshotVersion\") FROM STDIN (FORMAT BINARY)",
                cancellationToken).ConfigureAwait(false);
            await using (importer.ConfigureAwait(false))
            {
                foreach (AccessAuditEvent e in batch)
                {
                    await importer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(e.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync((short)e.Type, NpgsqlDbType.Smallint, cancellationToken).ConfigureAwait(false);
                    await CopyValues.WriteAsync(importer, e.Actor.User?.Value, cancellationToken).ConfigureAwait(false);
                    await CopyValues.WriteAsync(importer, e.Actor.SupportGrant?.Value, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(e.Action, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(e.Description, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                    await CopyValues.WriteAsync(importer, e.Before, cancellationToken).ConfigureAwait(false);
                    await CopyValues.WriteAsync(importer, e.After, cancellationToken).ConfigureAwait(false);
                    await importer.WriteAsync(e.SnapshotVersion, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                }

                await importer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private const string Columns = "\"Type\", \"Date\", \"ActorId\", \"SupportAccessGrantId\", \"Action\", \"Description\", \"Before\", \"After\", \"SnapshotVersion\"";

    /// <summary>Adds an instant parameter in UTC; Npgsql sends the calendar's ends as PostgreSQL's infinities.</summary>
    private static void AddInstant(NpgsqlCommand command, string name, DateTimeOffset instant) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = instant.UtcDateTime });

    /// <summary>Reads the events a command selects with <see cref="Columns"/>.</summary>
    private static async Task<IReadOnlyList<AccessAuditEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<AccessAuditEvent>();
        await using NpgsqlDataReader rows = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await rows.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            AccessActor actor = !rows.IsDBNull(3) ? AccessActor.ForSupportSession(new SupportGrantId(rows.GetGuid(3)))
                : !rows.IsDBNull(2) ? AccessActor.ForUser(new UserId(rows.GetGuid(2)))
                : AccessActor.System;
            events.Add(new AccessAuditEvent(
                (AccessAuditEventType)rows.GetInt16(0),
                new DateTimeOffset(DateTime.SpecifyKind(rows.GetDateTime(1), DateTimeKind.Utc)),
                actor,
                rows.GetString(4),
                rows.GetString(5),
                rows.IsDBNull(6) ? null : rows.GetString(6),
                rows.IsDBNull(7) ? null : rows.GetString(7),
                rows.GetInt64(8)));
        }

        return events;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Writing {Count} audit events to PostgreSQL failed; they stay queued and are tried again in {RetryDelay}.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, TimeSpan retryDelay);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The PostgreSQL audit queue is full: a {Type} event ({Action}) was dropped; {Dropped} dropped so far.")]
    private static partial void LogDropped(ILogger logger, AccessAuditEventType type, string action, long dropped);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "The PostgreSQL audit sink stopped with {Count} events not written; they are lost.")]
    private static partial void LogLostAtShutdown(ILogger logger, long count);
}
