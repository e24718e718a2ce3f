using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Loads and validates the access model while the host starts, before the server takes requests.</summary>
/// <remarks>It resolves the evaluator in <see cref="IHostedLifecycleService.StartingAsync"/>, which loads the policy file or
/// the stores. A missing file or an invalid model stops start-up: the exception (an
/// <see cref="AccessModelValidationException"/> lists every problem) is logged and thrown out of the host's start. So is, once
/// the server has started (<see cref="IHostedLifecycleService.StartedAsync"/>, when the endpoints are known), an endpoint
/// that requires record access on an object that keeps its records in the database when no <see cref="IRecordRightReader"/>
/// is registered to read them (every request to it would be denied): the host stops.</remarks>
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

    /// <summary>Says which endpoints require record access on objects kept in the database when nothing can read them;
    /// <see langword="null"/> when none does.</summary>
    private string? MissingRecordReader(AccessSnapshot snapshot)
    {
        HashSet<ObjectName> kept = [.. snapshot.Model.Objects.Where(o => o.KeepsRecordsInDatabase).Select(o => o.Name)];
        if (kept.Count == 0
            || services.GetService<IServiceProviderIsService>() is not { } registered
            || registered.IsService(typeof(IRecordRightReader))
            || services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return null;
        }

        var needing = new List<string>();
        var objects = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Endpoint endpoint in endpoints.Endpoints)
        {
            foreach (IAuthorizationRequirementData data in endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>())
            {
                foreach (IAuthorizationRequirement requirement in data.GetRequirements())
                {
                    if (requirement is RecordAccessRequirement record && kept.Contains(record.Object))
                    {
                        needing.Add($"{endpoint.DisplayName ?? endpoint.ToString()} ({record})");
                        objects.Add(record.Object.ToString());
                    }
                }
            }
        }

        return needing.Count == 0
            ? null
            : $"{string.Join(", ", needing.Select(n => $"`{n}`"))} require(s) record access on {string.Join(", ", objects.Select(o => $"`{o}`"))}, " +
                "which keep(s) its records in the database, but no IRecordRightReader is registered to read them: call " +
                "UseEntityFrameworkCoreRecordRights<TContext>() (Creatio.AccessControl.EntityFrameworkCore) or UseRecordRights(reader, writer) " +
                "on AddCreatioAccessControl().";
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>The endpoints are known once the server has built its pipeline, so they are checked here.</remarks>
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (MissingRecordReader(services.GetRequiredService<IAccessEvaluator>().Snapshot) is { } problem)
        {
            var exception = new InvalidOperationException(problem);
            AccessControlLog.RecordReaderNotRegistered(logger, exception);
            throw exception;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
