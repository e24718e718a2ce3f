using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Resolves a relative policy file path against the host's content root rather than the current directory, unless
/// the app set <see cref="AccessControlOptions.PolicyFileBasePath"/> itself.</summary>
internal sealed class ContentRootPolicyFileBase(IHostEnvironment? environment = null) : IPostConfigureOptions<AccessControlOptions>
{
    /// <inheritdoc/>
    public void PostConfigure(string? name, AccessControlOptions options)
    {
        if (environment is not null && string.IsNullOrEmpty(options.PolicyFileBasePath))
        {
            options.PolicyFileBasePath = environment.ContentRootPath;
        }
    }
}
