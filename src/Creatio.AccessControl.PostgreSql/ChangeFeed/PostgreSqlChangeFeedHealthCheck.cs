using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Reports the change feed: unhealthy while a change read from the database could not be applied (the instance
/// answers from an older snapshot), degraded while the feed is not connected, healthy otherwise.</summary>
/// <remarks><c>UsePostgreSql</c> registers it; add it to the host's health checks with
/// <c>AddHealthChecks().AddCheck&lt;PostgreSqlChangeFeedHealthCheck&gt;("access-control-postgresql")</c>. This type is safe for
/// concurrent use.</remarks>
public sealed class PostgreSqlChangeFeedHealthCheck : IHealthCheck
{
    private readonly PostgreSqlChangeFeed _feed;
    private readonly AccessEvaluator _evaluator;

    /// <summary>Creates the health check of a change feed.</summary>
    /// <param name="feed">The feed.</param>
    /// <param name="evaluator">The evaluator it keeps current.</param>
    /// <exception cref="ArgumentNullException"><paramref name="feed"/> or <paramref name="evaluator"/> is <see langword="null"/>.</exception>
    public PostgreSqlChangeFeedHealthCheck(PostgreSqlChangeFeed feed, AccessEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(evaluator);
        _feed = feed;
        _evaluator = evaluator;
    }

    /// <inheritdoc/>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        PostgreSqlChangeFeedStatus status = _feed.Status;
        var data = new Dictionary<string, object>
        {
            ["snapshotVersion"] = _evaluator.Snapshot.Version,
            ["storeVersion"] = status.StoreVersion,
            ["connected"] = status.IsConnected,
            ["failures"] = status.FailureCount,
        };
        if (status.Error is { } error)
        {
            if (status.FailedVersion is { } failed)
            {
                data["failedVersion"] = failed;
            }

            return Task.FromResult(new HealthCheckResult(
                context?.Registration is { } registration ? registration.FailureStatus : HealthStatus.Unhealthy,
                $"The access model is not current: {error} Checks are answered from snapshot version {_evaluator.Snapshot.Version}.",
                data: data));
        }

        return Task.FromResult(status.IsConnected
            ? HealthCheckResult.Healthy($"The access model is current with PostgreSQL (snapshot version {_evaluator.Snapshot.Version}).", data)
            : HealthCheckResult.Degraded($"The access change feed is not connected to PostgreSQL; checks are answered from snapshot version {_evaluator.Snapshot.Version}.", data: data));
    }
}
