using Microsoft.Extensions.Hosting;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Runs the instance's change feed while the host runs; it starts after the model is loaded (the start-up's
/// <c>StartingAsync</c> runs before every <c>StartAsync</c>).</summary>
internal sealed class PostgreSqlChangeFeedService(PostgreSqlChangeFeed feed, bool enabled) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => enabled ? feed.RunAsync(stoppingToken) : Task.CompletedTask;
}
