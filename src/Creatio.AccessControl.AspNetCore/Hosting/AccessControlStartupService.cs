using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Loads and validates the access model while the host starts, before the server takes requests.</summary>
/// <remarks>It resolves the evaluator in <see cref="IHostedLifecycleService.StartingAsync"/>, which loads the policy file or
/// the stores. A missing file or an invalid model stops start-up: the exception (an
/// <see cref="AccessModelValidationException"/> lists every problem) is logged and thrown out of the host's start.</remarks>
internal sealed class AccessControlStartupService(
    IServiceProvider services, AccessModelStatus status, ILogger<AccessControlStartupService> logger) : IHostedLifecycleService
{
    /// <inheritdoc/>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        using Activity? activity = AccessControlMetrics.ActivitySource.StartActivity(AccessControlTelemetry.LoadActivityName);
        AccessSnapshot snapshot;
        try
        {
            snapshot = services.GetRequiredService<IAccessEvaluator>().Snapshot;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            AccessControlLog.ModelLoadFailed(logger, exception);
            throw;
        }

        status.Loaded(snapshot.Version);
        activity?.SetTag("creatio.access.snapshot_version", snapshot.Version);
        AccessControlLog.ModelLoaded(logger, snapshot.Version, snapshot.Model.Users.Length, snapshot.Model.Objects.Length);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
