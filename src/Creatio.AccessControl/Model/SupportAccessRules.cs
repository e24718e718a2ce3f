namespace Creatio.AccessControl;

/// <summary>The rules support-access settings and grants obey, written once for every entry point: the model validator
/// (builder, policy documents, administration changes), <see cref="GrantSupportAccess"/> and
/// <c>AccessControlOptionsValidator</c> (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Each rule returns <see langword="null"/> when the value is valid, or the end of a sentence saying what is wrong
/// with the actual values ("must be positive; it is 0."), which each entry point puts after the name of the value in its
/// own terms: an option's property name, a policy document's member, a grant.</remarks>
internal static class SupportAccessRules
{
    /// <summary>What is wrong with a maximum duration, in days: it must be from 1 to
    /// <see cref="SupportAccessSettings.DurationLimitDays"/>.</summary>
    public static string? MaxDuration(int days) =>
        days <= 0 ? $"must be positive; it is {days}."
        : days > SupportAccessSettings.DurationLimitDays ? $"must be at most {SupportAccessSettings.DurationLimitDays}; it is {days}."
        : null;

    /// <summary>What is wrong with a default duration, in days: it must be from 1 to the maximum duration, when that is
    /// known and valid, and at most <see cref="SupportAccessSettings.DurationLimitDays"/> in any case.</summary>
    /// <param name="days">The default duration.</param>
    /// <param name="maxDays">The maximum duration, or <see langword="null"/> when it is not known.</param>
    /// <param name="maxName">How the entry point names the maximum duration.</param>
    public static string? DefaultDuration(int days, int? maxDays, string maxName) =>
        days <= 0 ? $"must be positive; it is {days}."
        : maxDays is { } max && MaxDuration(max) is null && days > max ? $"must not be greater than {maxName} ({max}); it is {days}."
        : days > SupportAccessSettings.DurationLimitDays ? $"must be at most {SupportAccessSettings.DurationLimitDays}; it is {days}."
        : null;

    /// <summary>The external access object the settings name; <see langword="default"/> (no object) when the name is blank,
    /// which the model validator reports.</summary>
    public static ObjectName ExternalAccessObject(SupportAccessSettings settings) =>
        string.IsNullOrWhiteSpace(settings.ExternalAccessObject) ? default : new ObjectName(settings.ExternalAccessObject);

    /// <summary>What is missing when the model does not define the external access object the settings name; or
    /// <see langword="null"/> when it does.</summary>
    public static string? MissingExternalAccessObject(AccessModel model)
    {
        ObjectName name = ExternalAccessObject(model.Settings.SupportAccess);
        return name.Value is not null && model.Index.Objects.ContainsKey(name) ? null : MissingExternalAccessObjectText(model.Settings.SupportAccess);
    }

    /// <summary>Says that the external access object the settings name is not defined, naming it.</summary>
    public static string MissingExternalAccessObjectText(SupportAccessSettings settings) =>
        $"The external access object `{settings.ExternalAccessObject}` named by the support access settings is not defined";

    /// <summary>Whether a grant given for an environment holds in the system's environment: environment names compare
    /// ordinal ignoring case, so a grant for <c>Production</c> holds where the settings say <c>production</c>.</summary>
    public static bool IsSameEnvironment(string? grant, string? system) => string.Equals(grant, system, StringComparison.OrdinalIgnoreCase);

    /// <summary>What is wrong with a grant's dates: the close date must not precede the start date.</summary>
    public static string? Period(SupportAccessGrant grant) =>
        grant.CloseDate < grant.StartDate
            ? $"closes on {grant.CloseDate:yyyy-MM-dd}, before it starts on {grant.StartDate:yyyy-MM-dd}."
            : null;

    /// <summary>What is wrong with a grant's length: an active grant lasts at most the maximum duration, counted in days
    /// from its start date to its close date.</summary>
    /// <remarks>A deactivated grant allows nothing and is kept only for its log, so the maximum does not bind it: lowering
    /// the maximum never makes the log of a past, longer grant invalid.</remarks>
    public static string? Duration(SupportAccessGrant grant, SupportAccessSettings settings)
    {
        // Against a broken maximum every grant would be too long; the maximum's own error says enough.
        int days = grant.CloseDate.DayNumber - grant.StartDate.DayNumber;
        return grant.IsActive && MaxDuration(settings.MaxDurationDays) is null && days > settings.MaxDurationDays
            ? $"lasts {days} days; at most {settings.MaxDurationDays} are allowed."
            : null;
    }
}
