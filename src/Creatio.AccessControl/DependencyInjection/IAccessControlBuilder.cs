using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl;

/// <summary>Configures the access control services that <see cref="AccessControlServiceCollectionExtensions.AddCreatioAccessControl(IServiceCollection)"/>
/// registered: where the model comes from and where audit events go.</summary>
/// <remarks>The configuration methods are extension methods in <see cref="AccessControlBuilderExtensions"/>.</remarks>
public interface IAccessControlBuilder
{
    /// <summary>Gets the service collection the access control services are registered in.</summary>
    IServiceCollection Services { get; }
}
