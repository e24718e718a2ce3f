using Creatio.AccessControl.AspNetCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the access control health check.</summary>
public static class AccessControlHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>creatio-access-control</c>.</summary>
    public const string DefaultName = "creatio-access-control";

    /// <summary>Adds a check of the access model: loaded, its version and age, the last reload error, its source answering.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status reported when the model is not loaded; <see langword="null"/> for Unhealthy.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take; <see langword="null"/> for no limit.</param>
    /// <param name="configure">Configures the check.</param>
    /// <returns>The builder.</returns>
    /// <remarks>Degraded when the last reload failed (the previous snapshot stays in use), the source does not answer, or the
    /// model is older than <see cref="AccessControlHealthCheckOptions.MaxModelAge"/>. The check's data holds the snapshot
    /// version, its age in seconds, the policy file, the last reload's time and error.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="configure"/> sets a <see cref="AccessControlHealthCheckOptions.MaxModelAge"/>
    /// that is not positive.</exception>
    public static IHealthChecksBuilder AddCreatioAccessControl(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null,
        Action<AccessControlHealthCheckOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = new AccessControlHealthCheckOptions();
        configure?.Invoke(options);
        if (options.MaxModelAge is { } maxAge)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxAge, TimeSpan.Zero, nameof(configure));
        }

        builder.Services.TryAddSingleton(AccessControlAspNetCoreBuilderExtensions.CreateStatus);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new AccessControlHealthCheck(
                services, services.GetRequiredService<AccessModelStatus>(), services.GetRequiredService<TimeProvider>(), options),
            failureStatus,
            tags,
            timeout));
    }
}
