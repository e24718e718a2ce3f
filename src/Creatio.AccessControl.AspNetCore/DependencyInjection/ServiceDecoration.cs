using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Wraps the registration of a service the app has one of (a policy provider, a result handler) in a decorator.</summary>
internal static class ServiceDecoration
{
    /// <summary>Replaces the last registration of <typeparamref name="TService"/> with the decorator around it, keeping its
    /// lifetime.</summary>
    /// <exception cref="InvalidOperationException">Nothing is registered as <typeparamref name="TService"/>.</exception>
    public static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        int index = -1;
        for (int i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            throw new InvalidOperationException($"No {typeof(TService).Name} is registered to decorate.");
        }

        ServiceDescriptor inner = services[index];
        services[index] = ServiceDescriptor.Describe(typeof(TService), provider => decorate(provider, Create<TService>(provider, inner)), inner.Lifetime);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "The type was registered as an implementation, so its constructors are kept.")]
    private static TService Create<TService>(IServiceProvider provider, ServiceDescriptor descriptor)
        where TService : class =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
