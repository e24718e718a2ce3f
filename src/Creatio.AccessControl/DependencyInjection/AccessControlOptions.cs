namespace Creatio.AccessControl;

/// <summary>Options of the access control services: settings a host imposes on the model it loads, and limits.</summary>
/// <remarks>
/// <para>The settings properties are overrides. Each one that is not <see langword="null"/> replaces the matching value of
/// <see cref="AccessSettings"/> in the model the source provides (the stores, a policy file or a model), at start-up and on
/// every reload; each one left <see langword="null"/> keeps the source's value. A host thus pins, for example, its
/// environment and licence whatever a policy file says.</para>
/// <para>The options are checked, every broken one listed with its value, when they are first used, and at host start-up
/// when a host runs the options' start-up validation.</para>
/// </remarks>
public sealed class AccessControlOptions
{
    /// <summary>The default of <see cref="MaxPolicyDocumentBytes"/>: 64 MiB.</summary>
    internal const int DefaultMaxPolicyDocumentBytes = 64 * 1024 * 1024;

    /// <summary>Gets or sets the time zone support-access close dates are in, as an IANA or Windows id
    /// (<see cref="SupportAccessSettings.TimeZoneId"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, the id must be known to the system.</value>
    public string? TimeZoneId { get; set; }

    /// <summary>Gets or sets how the engine decides whether an object is available to portal users
    /// (<see cref="AccessSettings.PortalAvailabilityMode"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, it must be a defined value.</value>
    public PortalAvailabilityMode? PortalAvailabilityMode { get; set; }

    /// <summary>Gets or sets the longest a support-access grant may last, in days
    /// (<see cref="SupportAccessSettings.MaxDurationDays"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, it must be from 1 to
    /// <see cref="SupportAccessSettings.DurationLimitDays"/>, and no active grant of the source may last longer.</value>
    public int? SupportAccessMaxDurationDays { get; set; }

    /// <summary>Gets or sets the support-access duration offered by default, in days
    /// (<see cref="SupportAccessSettings.DefaultDurationDays"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, it must be positive and not
    /// greater than the maximum duration: <see cref="SupportAccessMaxDurationDays"/> when it is set (checked with the
    /// options), the source's otherwise (checked when the source is loaded).</value>
    public int? SupportAccessDefaultDurationDays { get; set; }

    /// <summary>Gets or sets whether users who are not System administrators may grant support access
    /// (<see cref="SupportAccessSettings.AllowNonAdminsToGrant"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept.</value>
    public bool? AllowNonAdminsToGrantSupportAccess { get; set; }

    /// <summary>Gets or sets the system's licence (<see cref="SupportAccessSettings.License"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, it must be a defined value.</value>
    public LicenseType? License { get; set; }

    /// <summary>Gets or sets the environment this system is, such as <c>production</c> or <c>sandbox</c>
    /// (<see cref="SupportAccessSettings.Environment"/>).</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, it must not be empty or white space.</value>
    public string? Environment { get; set; }

    /// <summary>Gets or sets the audit event types that are written (<see cref="AccessSettings.EnabledAuditEvents"/>);
    /// an empty list disables them all.</summary>
    /// <value>The default value is <see langword="null"/>: the source's value is kept. When set, every item must be a defined value.</value>
    public IReadOnlyList<AccessAuditEventType>? EnabledAuditEvents { get; set; }

    /// <summary>Gets or sets the largest policy file accepted, in bytes; a larger file is refused before it is parsed.</summary>
    /// <value>The default value is 67,108,864 (64 MiB). The value must be from 1 to <see cref="Array.MaxLength"/> − 1.</value>
    public int MaxPolicyDocumentBytes { get; set; } = DefaultMaxPolicyDocumentBytes;

    /// <summary>Gets or sets how often a policy file registered with reloading on is checked for a change (its last write time
    /// and length), on the container's <see cref="TimeProvider"/>.</summary>
    /// <value>The default value is 2 seconds. The value must be positive.</value>
    public TimeSpan PolicyFilePollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets or sets the directory a relative path given to <c>UsePolicyFile</c> is resolved against.</summary>
    /// <value>The default value is <see langword="null"/>: the current directory when <c>UsePolicyFile</c> was called. A
    /// relative value is resolved against the current directory. The ASP.NET Core package sets it to the host's content root
    /// unless it is set.</value>
    /// <remarks>The path is resolved when the policy file is first loaded, so a host can set it after <c>UsePolicyFile</c>.</remarks>
    public string? PolicyFileBasePath { get; set; }

    /// <summary>Returns the settings with every override that is set applied.</summary>
    internal AccessSettings Apply(AccessSettings settings)
    {
        SupportAccessSettings support = settings.SupportAccess ?? SupportAccessSettings.Default;
        SupportAccessSettings newSupport = support with
        {
            TimeZoneId = TimeZoneId ?? support.TimeZoneId,
            MaxDurationDays = SupportAccessMaxDurationDays ?? support.MaxDurationDays,
            DefaultDurationDays = SupportAccessDefaultDurationDays ?? support.DefaultDurationDays,
            AllowNonAdminsToGrant = AllowNonAdminsToGrantSupportAccess ?? support.AllowNonAdminsToGrant,
            License = License ?? support.License,
            Environment = Environment ?? support.Environment,
        };
        return settings with
        {
            PortalAvailabilityMode = PortalAvailabilityMode ?? settings.PortalAvailabilityMode,
            SupportAccess = newSupport,
            EnabledAuditEvents = EnabledAuditEvents is null ? settings.EnabledAuditEvents : [.. EnabledAuditEvents],
        };
    }

    /// <summary>Gets a value indicating whether any settings override is set.</summary>
    internal bool HasSettingsOverrides =>
        TimeZoneId is not null || PortalAvailabilityMode is not null || SupportAccessMaxDurationDays is not null
        || SupportAccessDefaultDurationDays is not null || AllowNonAdminsToGrantSupportAccess is not null || License is not null
        || Environment is not null || EnabledAuditEvents is not null;
}
