using Microsoft.Extensions.Options;

namespace Creatio.AccessControl;

/// <summary>Validates <see cref="AccessControlOptions"/>, reporting every broken option at once with its actual value.</summary>
/// <remarks>Registered by <c>AddCreatioAccessControl</c>; machinery, not for use on its own. This type is stateless and safe
/// for concurrent use.</remarks>
internal sealed class AccessControlOptionsValidator : IValidateOptions<AccessControlOptions>
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public ValidateOptionsResult Validate(string? name, AccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ValidateOptionsResultBuilder();
        if (options.TimeZoneId is { } zone && !SupportAccessWindow.TryFindTimeZone(zone, out _))
        {
            result.AddError($"the time zone `{zone}` is not known.", nameof(options.TimeZoneId));
        }

        if (options.PortalAvailabilityMode is { } mode && !Enum.IsDefined(mode))
        {
            result.AddError($"`{(int)mode}` is not a defined {nameof(PortalAvailabilityMode)} value.", nameof(options.PortalAvailabilityMode));
        }

        // The rules of the model's settings (SupportAccessRules); the model validator checks them again once the overrides
        // are applied to the source's settings, where an override may meet the source's other duration.
        if (options.SupportAccessMaxDurationDays is { } max && SupportAccessRules.MaxDuration(max) is { } maxProblem)
        {
            result.AddError(maxProblem, nameof(options.SupportAccessMaxDurationDays));
        }

        if (options.SupportAccessDefaultDurationDays is { } defaultDays &&
            SupportAccessRules.DefaultDuration(defaultDays, options.SupportAccessMaxDurationDays, nameof(options.SupportAccessMaxDurationDays)) is { } defaultProblem)
        {
            result.AddError(defaultProblem, nameof(options.SupportAccessDefaultDurationDays));
        }

        if (options.License is { } license && !Enum.IsDefined(license))
        {
            result.AddError($"`{(int)license}` is not a defined {nameof(LicenseType)} value.", nameof(options.License));
        }

        if (options.Environment is { } environment && string.IsNullOrWhiteSpace(environment))
        {
            result.AddError($"must not be empty or white space; it is `{environment}`.", nameof(options.Environment));
        }

        if (options.EnabledAuditEvents is { } events)
        {
            for (int i = 0; i < events.Count; i++)
            {
                if (!Enum.IsDefined(events[i]))
                {
                    result.AddError($"item {i}, `{(int)events[i]}`, is not a defined {nameof(AccessAuditEventType)} value.", nameof(options.EnabledAuditEvents));
                }
            }
        }

        if (options.MaxPolicyDocumentBytes <= 0 || options.MaxPolicyDocumentBytes >= Array.MaxLength)
        {
            result.AddError($"must be from 1 to {Array.MaxLength - 1}; it is {options.MaxPolicyDocumentBytes}.", nameof(options.MaxPolicyDocumentBytes));
        }

        if (options.PolicyFilePollInterval <= TimeSpan.Zero)
        {
            result.AddError($"must be positive; it is {options.PolicyFilePollInterval}.", nameof(options.PolicyFilePollInterval));
        }

        return result.Build();
    }
}
