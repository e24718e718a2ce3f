using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl;

/// <summary>The <see cref="IAccessControlBuilder"/> that <c>AddCreatioAccessControl</c> returns.</summary>
internal sealed class AccessControlBuilder(IServiceCollection services, AccessControlSource source) : IAccessControlBuilder
{
    /// <inheritdoc/>
    public IServiceCollection Services { get; } = services;

    /// <summary>Gets the source configuration registered in <see cref="Services"/>.</summary>
    public AccessControlSource Source { get; } = source;
}
