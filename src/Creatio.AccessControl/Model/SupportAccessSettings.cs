namespace Creatio.AccessControl;

/// <summary>The system settings of support access (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
public sealed record SupportAccessSettings
{
    /// <summary>The largest <see cref="MaxDurationDays"/> and <see cref="DefaultDurationDays"/> accepted: 36,500 days,
    /// about a century. A longer grant would not be time-limited access.</summary>
    public const int DurationLimitDays = 36_500;

    /// <summary>Gets the default settings.</summary>
    public static SupportAccessSettings Default { get; } = new();

    /// <summary>Gets the time zone grant dates are in, as an IANA or Windows id.</summary>
    /// <value>The default value is <c>UTC</c>.</value>
    public string TimeZoneId { get; init; } = "UTC";

    /// <summary>Gets the longest an active grant may last, in days from its start date to its close date.</summary>
    /// <value>The default value is 180. The value must be from 1 to <see cref="DurationLimitDays"/>; a model whose active
    /// grants last longer is invalid, whether it comes from the builder, a policy document or an administration change.</value>
    public int MaxDurationDays { get; init; } = 180;

    /// <summary>Gets the duration offered by default, in days from the start date to the close date.</summary>
    /// <value>The default value is 5. The value must be from 1 to <see cref="MaxDurationDays"/>.</value>
    public int DefaultDurationDays { get; init; } = 5;

    /// <summary>Gets a value indicating whether users who are not System administrators may grant support access
    /// when they have Read and Create on the External access object.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowNonAdminsToGrant { get; init; }

    /// <summary>Gets the system's licence; free and trial systems cannot grant support access.</summary>
    /// <value>The default value is <see cref="LicenseType.Commercial"/>.</value>
    public LicenseType License { get; init; } = LicenseType.Commercial;

    /// <summary>Gets the environment this system is (for example <c>production</c> or <c>sandbox</c>); a grant given for
    /// another environment allows nothing.</summary>
    /// <value>The default value is <c>production</c>.</value>
    public string Environment { get; init; } = "production";

    /// <summary>Gets a value indicating whether a support session with both modes cleared may change users, roles,
    /// permissions and grants, as Creatio allows. Off, the library is stricter: a support session never may.</summary>
    /// <value>The default value is <see langword="false"/>.</value>
    public bool AllowAdministrationWhenUnrestricted { get; init; }

    /// <summary>The name of the external access object unless the settings name another: <c>SysExternalAccess</c>, as in
    /// Creatio.</summary>
    public const string DefaultExternalAccessObject = "SysExternalAccess";

    /// <summary>Gets the name of the external access object: the object whose Read and Create rights granting support
    /// access needs, whose Edit right changing and deactivating a grant need, and which a support session never writes
    /// unless administration is relaxed (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md#the-external-access-object">the external access object</see>).</summary>
    /// <value>The default value is <c>SysExternalAccess</c> (<see cref="DefaultExternalAccessObject"/>). A model that does not
    /// define the object named here refuses grants and changes of grants, naming it; when the name is not the default, the
    /// model also gets a warning (<see cref="AccessModelWarningCode.MissingExternalAccessObject"/>).</value>
    public string ExternalAccessObject { get; init; } = DefaultExternalAccessObject;
}
