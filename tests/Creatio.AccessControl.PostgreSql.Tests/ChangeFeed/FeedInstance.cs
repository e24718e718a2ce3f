using Creatio.AccessControl.Stores;
using Npgsql;

namespace Creatio.AccessControl.PostgreSql.Tests.ChangeFeed;

/// <summary>One application instance on a shared database: its own data source, evaluator, administration API and
/// running change feed.</summary>
internal sealed class FeedInstance : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private FeedInstance(NpgsqlDataSource dataSource, PostgreSqlAccessStore store, AccessEvaluator evaluator, PostgreSqlChangeFeed feed)
    {
        DataSource = dataSource;
        Store = store;
        Evaluator = evaluator;
        Feed = feed;
        Administration = new AccessAdministration(evaluator, store);
        _running = feed.RunAsync(_stop.Token);
    }

    public NpgsqlDataSource DataSource { get; }

    public PostgreSqlAccessStore Store { get; }

    public AccessEvaluator Evaluator { get; }

    public PostgreSqlChangeFeed Feed { get; }

    public AccessAdministration Administration { get; }

    public long Version => Evaluator.Snapshot.Version;

    /// <summary>Starts an instance named <paramref name="name"/> (its connections' application name).</summary>
    public static async Task<FeedInstance> StartAsync(string connectionString, string name, TimeSpan? pollInterval = null, string? channel = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = name };
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var store = new PostgreSqlAccessStore(dataSource, notificationChannel: channel);
        VersionedAccessModel loaded = await store.LoadVersionedModelAsync();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(loaded.Model, loaded.Version));
        var options = new PostgreSqlAccessControlOptions { ChangeFeedPollInterval = pollInterval ?? TimeSpan.FromSeconds(30), ChangeFeedMaxReconnectDelay = TimeSpan.FromMilliseconds(200) };
        var instance = new FeedInstance(dataSource, store, evaluator, new PostgreSqlChangeFeed(store, evaluator, options));
        await Eventually.TrueAsync(() => instance.Feed.Status.IsConnected, $"{name} connects");
        return instance;
    }

    /// <summary>Applies a change, retrying while another instance's commit is not here yet (a store conflict).</summary>
    public async Task<AccessChangeResult> ApplyRetryingAsync(AccessChange change)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + Eventually.Timeout;
        while (true)
        {
            AccessChangeResult result = await Administration.ApplyAsync(AccessActor.System, change);
            if (result.Refusal != AccessChangeRefusal.StoreConflict || DateTimeOffset.UtcNow > deadline)
            {
                return result;
            }

            await Feed.CatchUpAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
        await DataSource.DisposeAsync();
    }
}

/// <summary>Waits for a condition with a deadline, never for a fixed time.</summary>
internal static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        DateTimeOffset deadline = DateTimeOffset.UtcNow + Timeout;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Timeout.TotalSeconds} s waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}
