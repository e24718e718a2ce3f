namespace Creatio.AccessControl.PostgreSql;

/// <summary>How a <see cref="PostgreSqlChangeFeed"/> is doing: connected or not, the last version it read, and the change
/// it could not apply.</summary>
/// <remarks>This type is safe for concurrent use: each property reads one value set by the feed.</remarks>
public sealed class PostgreSqlChangeFeedStatus
{
    private readonly object _gate = new();
    private string? _error;
    private long? _failedVersion;
    private string? _lastFailure;
    private long _failureCount;
    private bool _connected;
    private long _storeVersion;
    private DateTimeOffset? _lastCaughtUpOn;

    internal PostgreSqlChangeFeedStatus()
    {
    }

    /// <summary>Gets a value indicating whether the feed is listening on its connection.</summary>
    public bool IsConnected
    {
        get { lock (_gate) { return _connected; } }
    }

    /// <summary>Gets the model version the database held when the feed last read it (its version row, or the latest change
    /// read from its log); 0 before.</summary>
    public long StoreVersion
    {
        get { lock (_gate) { return _storeVersion; } }
    }

    /// <summary>Gets when the feed last caught up with the database; <see langword="null"/> before.</summary>
    public DateTimeOffset? LastCaughtUpOn
    {
        get { lock (_gate) { return _lastCaughtUpOn; } }
    }

    /// <summary>Gets why the evaluator is not current: a change that does not parse or does not apply, or a model read
    /// again that does not validate; <see langword="null"/> when the feed has caught up since. The evaluator keeps its last
    /// good snapshot meanwhile, and the feed tries again.</summary>
    public string? Error
    {
        get { lock (_gate) { return _error; } }
    }

    /// <summary>Gets the version of the change that could not be applied while <see cref="Error"/> is set.</summary>
    public long? FailedVersion
    {
        get { lock (_gate) { return _failedVersion; } }
    }

    /// <summary>Gets the last failure, kept after the feed has recovered; <see langword="null"/> when none happened.</summary>
    public string? LastFailure
    {
        get { lock (_gate) { return _lastFailure; } }
    }

    /// <summary>Gets how many times a change or a reload could not be applied, or the connection was lost.</summary>
    public long FailureCount
    {
        get { lock (_gate) { return _failureCount; } }
    }

    internal void Connected(bool connected)
    {
        lock (_gate)
        {
            _connected = connected;
        }
    }

    internal void Failed(string message, long? version, bool keepsSnapshot)
    {
        lock (_gate)
        {
            _failureCount++;
            _lastFailure = message;
            if (keepsSnapshot)
            {
                _error = message;
                _failedVersion = version;
            }
        }
    }

    internal void Read(long version)
    {
        lock (_gate)
        {
            _storeVersion = Math.Max(_storeVersion, version);
        }
    }

    internal void CaughtUp(long storeVersion, DateTimeOffset now)
    {
        lock (_gate)
        {
            _storeVersion = storeVersion;
            _lastCaughtUpOn = now;
            _error = null;
            _failedVersion = null;
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        lock (_gate)
        {
            return _error is null
                ? $"{(_connected ? "connected" : "not connected")}, database at version {_storeVersion}"
                : $"{(_connected ? "connected" : "not connected")}, not current: {_error}";
        }
    }
}
