using Creatio.AccessControl;
using Creatio.AccessControl.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the ASP.NET Core integration to the access control services.</summary>
public static class AccessControlAspNetCoreBuilderExtensions
{
    /// <summary>Adds the ASP.NET Core integration with the default options.</summary>
    /// <param name="builder">The access control builder that <c>AddCreatioAccessControl</c> returned.</param>
    /// <returns>The builder.</returns>
    /// <remarks>See <see cref="AddAspNetCore(IAccessControlBuilder, Action{AccessControlAspNetCoreOptions})"/>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddAspNetCore(this IAccessControlBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddCore(builder, configure: null);
    }

    /// <summary>Adds the ASP.NET Core integration and configures its options.</summary>
    /// <param name="builder">The access control builder that <c>AddCreatioAccessControl</c> returned.</param>
    /// <param name="configure">Configures the options: the user id claim, the support claims, the denials' detail.</param>
    /// <returns>The builder.</returns>
    /// <remarks>
    /// <para>Registers ASP.NET Core authorization (<c>AddAuthorization</c>) with: handlers for <see cref="ObjectAccessRequirement"/>,
    /// <see cref="RecordAccessRequirement"/> (on a <see cref="RecordId"/> resource, or on the route value of an endpoint) and
    /// <see cref="SystemOperationRequirement"/>; a policy provider that makes the <see cref="AccessPolicyNames"/> policies and
    /// asks the provider registered before it for every other name; and a result handler that answers denials with 403 and
    /// problem details and wraps the result handler registered before it. Register an authorization policy provider or result
    /// handler of your own before this call, so that it is wrapped rather than replacing these.</para>
    /// <para>Also registers <see cref="CurrentAccessPrincipal"/> (scoped, the request's own), <see cref="IHttpContextAccessor"/>,
    /// a hosted service that loads and validates the model while the host starts (a bad model stops start-up), the options
    /// with <see cref="AccessControlAspNetCoreOptionsValidator"/> and start-up validation, and the decision counter of the
    /// <see cref="AccessControlTelemetry.MeterName"/> meter. A relative path given to <c>UsePolicyFile</c> is resolved against
    /// <see cref="IHostEnvironment.ContentRootPath"/> (<see cref="AccessControlOptions.PolicyFileBasePath"/>, unless the app sets
    /// it).</para>
    /// <para>Calling it again registers nothing twice; it adds <paramref name="configure"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static IAccessControlBuilder AddAspNetCore(this IAccessControlBuilder builder, Action<AccessControlAspNetCoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        return AddCore(builder, configure);
    }

    /// <summary>Creates the model status the start-up service, the principals and the health check share.</summary>
    internal static AccessModelStatus CreateStatus(IServiceProvider services) =>
        new(services.GetService<TimeProvider>() ?? TimeProvider.System);

    private static IAccessControlBuilder AddCore(IAccessControlBuilder builder, Action<AccessControlAspNetCoreOptions>? configure)
    {
        IServiceCollection services = builder.Services;
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(descriptor => descriptor.ServiceType == typeof(AspNetCoreMarker)))
        {
            return builder;
        }

        services.AddSingleton<AspNetCoreMarker>();
        services.AddOptions<AccessControlAspNetCoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessControlAspNetCoreOptions>, AccessControlAspNetCoreOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<AccessControlOptions>, ContentRootPolicyFileBase>());

        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateStatus);
        services.TryAddSingleton<AccessControlMetrics>();
        services.TryAddSingleton<AccessPrincipalResolver>();
        services.TryAddSingleton<AccessRequirementHandling>();
        services.TryAddSingleton<AccessPolicyCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, ObjectAccessHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, RecordAccessHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, RecordRouteAccessHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, SystemOperationHandler>());
        services.TryAddScoped(CreateCurrent);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AccessControlStartupService>());

        ServiceDecoration.Decorate<IAuthorizationPolicyProvider>(
            services, (provider, inner) => new AccessAuthorizationPolicyProvider(inner, provider.GetRequiredService<AccessPolicyCache>()));
        ServiceDecoration.Decorate<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler>(
            services, (provider, inner) => new AccessAuthorizationResultHandler(
                inner, provider.GetRequiredService<IOptions<AccessControlAspNetCoreOptions>>(), provider.GetRequiredService<IHostEnvironment>()));
        return builder;
    }

    private static CurrentAccessPrincipal CreateCurrent(IServiceProvider services) =>
        services.GetRequiredService<IHttpContextAccessor>().HttpContext is { } httpContext
            ? CurrentAccessPrincipal.ForRequest(httpContext)
            : new CurrentAccessPrincipal(null, services.GetRequiredService<AccessPrincipalResolver>());

    /// <summary>Marks a collection the integration was added to.</summary>
    private sealed class AspNetCoreMarker;
}
