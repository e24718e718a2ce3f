using System.Globalization;
using Creatio.AccessControl.Stores;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Reports whether the access model is loaded, its version and age, the last reload error and whether its source
/// answers.</summary>
/// <remarks>Unhealthy (the registration's failure status) when the model cannot be loaded; Degraded when the last reload failed
/// (the previous snapshot stays in use), the source does not answer, or the model is older than
/// <see cref="AccessControlHealthCheckOptions.MaxModelAge"/>; Healthy otherwise.</remarks>
internal sealed class AccessControlHealthCheck(
    IServiceProvider services, AccessModelStatus status, TimeProvider timeProvider, AccessControlHealthCheckOptions options) : IHealthCheck
{
    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        AccessSnapshot snapshot;
        IAccessPolicyReloadStatus reload;
        try
        {
            snapshot = services.GetRequiredService<IAccessEvaluator>().Snapshot;
            reload = services.GetRequiredService<IAccessPolicyReloadStatus>();
        }
#pragma warning disable CA1031 // Whatever stops the model from loading is the check's answer, not a crash of the check.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The access model is not loaded.", exception);
        }

        DateTimeOffset now = timeProvider.GetUtcNow();
        TimeSpan age = now - status.SeenAt(snapshot.Version);
        var data = new Dictionary<string, object>
        {
            ["version"] = snapshot.Version,
            ["ageSeconds"] = Math.Round(age.TotalSeconds, 3),
            ["users"] = snapshot.Model.Users.Length,
            ["objects"] = snapshot.Model.Objects.Length,
        };
        if (status.LoadedAt is { } loadedAt)
        {
            data["loadedAt"] = loadedAt.ToString("O", CultureInfo.InvariantCulture);
        }

        if (reload.PolicyFilePath is { } path)
        {
            data["policyFile"] = path;
        }

        if (reload.LastReloadAt is { } reloadedAt)
        {
            data["lastReloadAt"] = reloadedAt.ToString("O", CultureInfo.InvariantCulture);
        }

        if (reload.LastReloadError is { } error)
        {
            data["lastReloadError"] = error.Message;
            return HealthCheckResult.Degraded(
                $"The last reload of `{reload.PolicyFilePath}` failed; snapshot version {snapshot.Version} stays in use.", error, data);
        }

        if (options.CheckSource && await SourceProblemAsync(reload, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            data["sourceError"] = problem.Message;
            return HealthCheckResult.Degraded($"The access model's source does not answer; snapshot version {snapshot.Version} stays in use.", problem, data);
        }

        if (options.MaxModelAge is { } maxAge && age > maxAge)
        {
            return HealthCheckResult.Degraded(
                $"Snapshot version {snapshot.Version} is {age.TotalSeconds:0} s old, more than the {maxAge.TotalSeconds:0} s allowed.", null, data);
        }

        return HealthCheckResult.Healthy($"Snapshot version {snapshot.Version} is in use.", data);
    }

    private async Task<Exception?> SourceProblemAsync(IAccessPolicyReloadStatus reload, CancellationToken cancellationToken)
    {
        if (reload.PolicyFilePath is { } path)
        {
            return File.Exists(path) ? null : new FileNotFoundException($"The policy file `{path}` does not exist.", path);
        }

        try
        {
            await services.GetRequiredService<ISettingsStore>().ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A store that throws is unreachable: reported, never thrown out of the check.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
    }
}
