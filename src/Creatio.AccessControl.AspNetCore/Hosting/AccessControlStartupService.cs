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
/// is registered to read them (every request to it would be denied), or an endpoint that names an <c>Access:</c> policy the
/// package cannot read and the app does not define (every request to it would fail): the host stops.</remarks>
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

    /// <summary>The access requirements of every endpoint: those of its metadata (<c>RequireAccess</c>,
    /// <c>RequireRecordAccess</c>, their attributes) and those of the <c>Access:</c> policies it names
    /// (<c>[Authorize(Policy = …)]</c>, <c>RequireAuthorization(name)</c>); and the <c>Access:</c> policy names that are
    /// not of the package's forms and that no policy of the app's answers (each request would end in a 500).</summary>
    private async Task<(List<(Endpoint Endpoint, IAuthorizationRequirement Requirement)> Requirements, List<string> Malformed)> EndpointAccessAsync(
        EndpointDataSource endpoints)
    {
        var requirements = new List<(Endpoint, IAuthorizationRequirement)>();
        var malformed = new List<string>();
        IAuthorizationPolicyProvider? policies = services.GetService<IAuthorizationPolicyProvider>();
        foreach (Endpoint endpoint in endpoints.Endpoints)
        {
            foreach (IAuthorizationRequirementData data in endpoint.Metadata.GetOrderedMetadata<IAuthorizationRequirementData>())
            {
                requirements.AddRange(data.GetRequirements().Select(r => (endpoint, r)));
            }

            foreach (IAuthorizeData data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (AccessPolicyNames.TryParse(data.Policy, out IAuthorizationRequirement? requirement))
                {
                    requirements.Add((endpoint, requirement));
                }
                else if (data.Policy is { } name && name.StartsWith(AccessPolicyNames.Prefix, StringComparison.OrdinalIgnoreCase)
                    && (policies is null || await policies.GetPolicyAsync(name).ConfigureAwait(false) is null))
                {
                    malformed.Add($"`{Name(endpoint)}` ({name})");
                }
            }
        }

        return (requirements, malformed);
    }

    /// <summary>Says which endpoints require record access on objects kept in the database when nothing can read them;
    /// <see langword="null"/> when none does.</summary>
    private string? MissingRecordReader(AccessSnapshot snapshot, List<(Endpoint Endpoint, IAuthorizationRequirement Requirement)> requirements)
    {
        HashSet<ObjectName> kept = [.. snapshot.Model.Objects.Where(o => o.KeepsRecordsInDatabase).Select(o => o.Name)];
        if (kept.Count == 0
            || services.GetService<IServiceProviderIsService>() is not { } registered
            || registered.IsService(typeof(IRecordRightReader)))
        {
            return null;
        }

        var needing = new List<string>();
        var objects = new SortedSet<string>(StringComparer.Ordinal);
        foreach ((Endpoint endpoint, IAuthorizationRequirement requirement) in requirements)
        {
            if (requirement is RecordAccessRequirement record && kept.Contains(record.Object))
            {
                needing.Add($"{Name(endpoint)} ({record})");
                objects.Add(record.Object.ToString());
            }
        }

        return needing.Count == 0
            ? null
            : $"{string.Join(", ", needing.Select(n => $"`{n}`"))} require(s) record access on {string.Join(", ", objects.Select(o => $"`{o}`"))}, " +
                "which keep(s) its records in the database, but no IRecordRightReader is registered to read them: call " +
                "UseEntityFrameworkCoreRecordRights<TContext>() (Creatio.AccessControl.EntityFrameworkCore) or UseRecordRights(reader, writer) " +
                "on AddCreatioAccessControl().";
    }

    private static string Name(Endpoint endpoint) => endpoint.DisplayName ?? endpoint.ToString() ?? "an endpoint";

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    /// <remarks>The endpoints are known once the server has built its pipeline, so they are checked here.</remarks>
    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<EndpointDataSource>() is not { } endpoints)
        {
            return;
        }

        (List<(Endpoint, IAuthorizationRequirement)> requirements, List<string> malformed) = await EndpointAccessAsync(endpoints).ConfigureAwait(false);
        if (malformed.Count > 0)
        {
            var exception = new InvalidOperationException(
                $"{string.Join(", ", malformed)} name(s) an authorization policy that starts with `{AccessPolicyNames.Prefix}` but is not of the " +
                "forms `Access:Object:{object}:{operation}`, `Access:Record:{object}:{operation}[:{routeValue}]` or " +
                "`Access:SystemOperation:{code}` (operations by name, as ObjectOperation and RecordOperation spell them), and no policy " +
                "of the app has that name: every request would fail. Build the names with AccessPolicyNames.Object/Record/SystemOperation.");
            AccessControlLog.PolicyNameInvalid(logger, exception);
            throw exception;
        }

        if (MissingRecordReader(services.GetRequiredService<IAccessEvaluator>().Snapshot, requirements) is { } problem)
        {
            var exception = new InvalidOperationException(problem);
            AccessControlLog.RecordReaderNotRegistered(logger, exception);
            throw exception;
        }
    }

    /// <inheritdoc/>
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc/>
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
