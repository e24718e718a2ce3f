using System.Diagnostics;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Creatio.AccessControl;

/// <summary>Loads the first model from the configured source, and reloads a policy file on request or when it changes.</summary>
/// <remarks>Owned by the container: disposing the container stops the watcher. This type is safe for concurrent use.</remarks>
internal sealed partial class AccessPolicyReloader : IAccessPolicyReloadStatus, IDisposable
{
    private readonly AccessControlSource _source;
    private readonly AccessControlOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly object _stampGate = new();
    private AccessEvaluator? _evaluator;
    private ITimer? _timer;
    private FileStamp _stamp;
    private ReloadState _state = new(null, null);
    private long _loadedVersion;
    private volatile bool _disposed;

    public AccessPolicyReloader(AccessControlSource source, AccessControlOptions options, TimeProvider timeProvider, ILogger? logger)
    {
        _source = source;
        _source.ResolvePolicyFile(options.PolicyFileBasePath);
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets or sets how a reload reads a document; tests replace it to fail in ways a file cannot.</summary>
    internal Func<Stream, AccessPolicyJsonOptions, CancellationToken, ValueTask<AccessModel>> ReadDocument { get; set; } = AccessPolicyJson.DeserializeAsync;

    /// <inheritdoc/>
    public string? PolicyFilePath => _source.Kind == AccessControlSourceKind.PolicyFile ? _source.PolicyFilePath : null;

    /// <inheritdoc/>
    public DateTimeOffset? LastReloadAt => Volatile.Read(ref _state).At;

    /// <inheritdoc/>
    public Exception? LastReloadError => Volatile.Read(ref _state).Error;

    /// <summary>Reads the first model from the source, with the settings overrides applied.</summary>
    /// <exception cref="AccessModelValidationException">The source holds an invalid model.</exception>
    public AccessModel LoadInitial(IServiceProvider services)
    {
        AccessModel model;
        switch (_source.Kind)
        {
            case AccessControlSourceKind.PolicyFile:
                string path = _source.PolicyFilePath!;
                _stamp = FileStamp.Of(path);
                using (FileStream stream = File.OpenRead(path))
                {
                    model = Invalid(path, () => AccessPolicyJson.Deserialize(stream, JsonOptions()));
                }

                break;
            case AccessControlSourceKind.Model:
                model = _source.Model!;
                break;
            default:
                ValueTask<AccessModel> load = AccessStoreLoader.LoadAsync(
                    services.GetRequiredService<IAdminUnitStore>(),
                    services.GetRequiredService<IPermissionStore>(),
                    services.GetRequiredService<IRecordRightStore>(),
                    services.GetRequiredService<ISystemOperationStore>(),
                    services.GetRequiredService<ISettingsStore>(),
                    CancellationToken.None);

                // A container factory cannot await; the in-memory store completes synchronously.
                model = load.IsCompletedSuccessfully ? load.Result : load.AsTask().GetAwaiter().GetResult();
                break;
        }

        return WithOverrides(model);
    }

    /// <summary>Starts publishing reloads to the evaluator, and watching the file when reloading on change is on.</summary>
    public void Attach(AccessEvaluator evaluator)
    {
        _evaluator = evaluator;
        _loadedVersion = evaluator.Snapshot.Version;
        if (_source.Kind == AccessControlSourceKind.PolicyFile && _source.ReloadOnChange && !_disposed)
        {
            _timer = _timeProvider.CreateTimer(static state => ((AccessPolicyReloader)state!).OnTick(), this, _options.PolicyFilePollInterval, _options.PolicyFilePollInterval);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReloadAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_source.Kind != AccessControlSourceKind.PolicyFile || _evaluator is not { } evaluator)
        {
            return false;
        }

        string path = _source.PolicyFilePath!;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        using Activity? activity = AccessControlDiagnostics.StartReload(path);
        try
        {
            DateTimeOffset at = _timeProvider.GetUtcNow();
            long replacedFrom = 0;
            long replacedTo = 0;
            AccessSnapshot published;
            try
            {
                // Read and compile outside the evaluator's publish path, so that administration changes do not wait for it.
                AccessSnapshot snapshot = AccessSnapshot.Compile(await ReadAsync(path, cancellationToken).ConfigureAwait(false));
                cancellationToken.ThrowIfCancellationRequested();
                published = (await evaluator.PublishAsync(
                    (current, _) =>
                    {
                        // The file is the source of truth: what was published since the last load (administration changes)
                        // is replaced whole.
                        (replacedFrom, replacedTo) = (_loadedVersion + 1, current.Version);
                        return ValueTask.FromResult<AccessSnapshot?>(snapshot);
                    },
                    cancellationToken).ConfigureAwait(false))!;
            }
#pragma warning disable CA1031 // Whatever a reload fails with is reported in the status, and the snapshot in use stays.
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                Volatile.Write(ref _state, new ReloadState(at, exception));
                LogReloadFailed(_logger, exception, path, evaluator.Snapshot.Version);
                AccessControlDiagnostics.Reloaded(activity, evaluator.Snapshot.Version, exception);
                return false;
            }

            _loadedVersion = published.Version;
            Volatile.Write(ref _state, new ReloadState(at, null));
            AccessControlDiagnostics.Reloaded(activity, published.Version, null);
            LogReloaded(_logger, path, published.Version);
            if (replacedTo >= replacedFrom)
            {
                LogReplaced(_logger, path, published.Version, replacedFrom, replacedTo);
            }

            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _disposed = true;
        _timer?.Dispose();
    }

    /// <summary>Reads and validates the file, with the settings overrides applied.</summary>
    private async ValueTask<AccessModel> ReadAsync(string path, CancellationToken cancellationToken)
    {
        FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            AccessModel read = await InvalidAsync(path, () => ReadDocument(stream, JsonOptions(), cancellationToken)).ConfigureAwait(false);
            return WithOverrides(read);
        }
    }

    private static AccessModel Invalid(string path, Func<AccessModel> read)
    {
        try
        {
            return read();
        }
        catch (AccessModelValidationException invalid)
        {
            throw new AccessModelValidationException($"The policy file `{path}` is invalid", invalid.Errors);
        }
    }

    private static async ValueTask<AccessModel> InvalidAsync(string path, Func<ValueTask<AccessModel>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AccessModelValidationException invalid)
        {
            throw new AccessModelValidationException($"The policy file `{path}` is invalid", invalid.Errors);
        }
    }

    private AccessPolicyJsonOptions JsonOptions() => new() { MaxDocumentBytes = _options.MaxPolicyDocumentBytes };

    private AccessModel WithOverrides(AccessModel model)
    {
        if (!_options.HasSettingsOverrides)
        {
            return model;
        }

        AccessModelBuilder builder = model.ToBuilder();
        builder.Settings = _options.Apply(model.Settings);
        return builder.Build();
    }

    private void OnTick()
    {
        string path = _source.PolicyFilePath!;
        lock (_stampGate)
        {
            FileStamp stamp = FileStamp.Of(path);
            if (stamp == _stamp)
            {
                return;
            }

            _stamp = stamp;
        }

        LogChanged(_logger, path);
        _ = ReloadInBackgroundAsync();
    }

    private async Task ReloadInBackgroundAsync()
    {
        try
        {
            await ReloadAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failure on the timer thread must never end the process; it is logged instead.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogWatcherFailed(_logger, exception, _source.PolicyFilePath!);
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Policy file {Path} changed; reloading it.")]
    private static partial void LogChanged(ILogger logger, string path);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Policy file {Path} reloaded as snapshot version {Version}.")]
    private static partial void LogReloaded(ILogger logger, string path, long version);

    [LoggerMessage(EventId = 12, Level = LogLevel.Error, Message = "Policy file {Path} was not reloaded; snapshot version {Version} stays in use.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception, string path, long version);

    [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Watching policy file {Path} failed.")]
    private static partial void LogWatcherFailed(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 14, Level = LogLevel.Warning,
        Message = "Policy file {Path} reloaded as snapshot version {Version} replaces the administration changes of versions {First} to {Last}; the file is the source of truth.")]
    private static partial void LogReplaced(ILogger logger, string path, long version, long first, long last);

    private sealed record ReloadState(DateTimeOffset? At, Exception? Error);

    /// <summary>What the watcher compares to notice a change: existence, last write time and length.</summary>
    private readonly record struct FileStamp(bool Exists, DateTime LastWriteTimeUtc, long Length)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(true, file.LastWriteTimeUtc, file.Length) : default;
        }
    }
}
