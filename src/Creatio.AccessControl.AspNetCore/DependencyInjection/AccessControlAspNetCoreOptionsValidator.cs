using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.AspNetCore;

/// <summary>Validates <see cref="AccessControlAspNetCoreOptions"/>, reporting every broken option at once with its value.</summary>
/// <remarks>This type is stateless and safe for concurrent use.</remarks>
public sealed class AccessControlAspNetCoreOptionsValidator : IValidateOptions<AccessControlAspNetCoreOptions>
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, AccessControlAspNetCoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        RequireClaimType(result, options.UserIdClaimType, nameof(options.UserIdClaimType));
        RequireClaimType(result, options.SupportGrantClaimType, nameof(options.SupportGrantClaimType));
        RequireClaimType(result, options.SupportSessionClaimType, nameof(options.SupportSessionClaimType));
        if (options.DenialDetail is { } detail && !Enum.IsDefined(detail))
        {
            result.AddError($"`{(int)detail}` is not a defined {nameof(AccessDenialDetail)} value.", nameof(options.DenialDetail));
        }

        return result.Build();
    }

    private static void RequireClaimType(ValidateOptionsResultBuilder result, string? claimType, string option)
    {
        if (string.IsNullOrWhiteSpace(claimType))
        {
            result.AddError($"must not be empty or white space; it is `{claimType}`.", option);
        }
    }
}
