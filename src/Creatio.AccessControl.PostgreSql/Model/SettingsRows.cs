using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Maps <see cref="AccessSettings"/> to the rows of <c>SysSettings</c> (code, value) and back.</summary>
/// <remarks>Enums are stored by name, numbers in invariant form, booleans as <c>true</c>/<c>false</c>, the enabled audit
/// event types as names separated by commas. A missing code keeps the default value.</remarks>
internal static class SettingsRows
{
    public const string PortalAvailabilityMode = "PortalAvailabilityMode";
    public const string SupportAccessTimeZone = "SupportAccessTimeZone";
    public const string SupportAccessMaxDurationDays = "SupportAccessMaxDurationDays";
    public const string SupportAccessDefaultDurationDays = "SupportAccessDefaultDurationDays";
    public const string SupportAccessAllowNonAdminsToGrant = "SupportAccessAllowNonAdminsToGrant";
    public const string SupportAccessAllowAdministrationWhenUnrestricted = "SupportAccessAllowAdministrationWhenUnrestricted";
    public const string SupportAccessExternalAccessObject = "SupportAccessExternalAccessObject";
    public const string License = "License";
    public const string Environment = "Environment";
    public const string EnabledAuditEvents = "EnabledAuditEvents";

    /// <summary>Gets every code, in the order rows are written.</summary>
    public static IReadOnlyList<string> Codes { get; } =
    [
        PortalAvailabilityMode, SupportAccessTimeZone, SupportAccessMaxDurationDays, SupportAccessDefaultDurationDays,
        SupportAccessAllowNonAdminsToGrant, SupportAccessAllowAdministrationWhenUnrestricted, SupportAccessExternalAccessObject, License, Environment, EnabledAuditEvents,
    ];

    public static IEnumerable<(string Code, string Value)> ToRows(AccessSettings settings)
    {
        SupportAccessSettings support = settings.SupportAccess;
        yield return (PortalAvailabilityMode, settings.PortalAvailabilityMode.ToString());
        yield return (SupportAccessTimeZone, support.TimeZoneId);
        yield return (SupportAccessMaxDurationDays, support.MaxDurationDays.ToString(CultureInfo.InvariantCulture));
        yield return (SupportAccessDefaultDurationDays, support.DefaultDurationDays.ToString(CultureInfo.InvariantCulture));
        yield return (SupportAccessAllowNonAdminsToGrant, support.AllowNonAdminsToGrant ? "true" : "false");
        yield return (SupportAccessAllowAdministrationWhenUnrestricted, support.AllowAdministrationWhenUnrestricted ? "true" : "false");
        yield return (SupportAccessExternalAccessObject, support.ExternalAccessObject);
        yield return (License, support.License.ToString());
        yield return (Environment, support.Environment);
        yield return (EnabledAuditEvents, string.Join(",", settings.EnabledAuditEvents));
    }

    /// <summary>Reads settings from rows; a row that cannot be read is reported in <paramref name="errors"/>.</summary>
    public static AccessSettings FromRows(IEnumerable<(string Code, string Value)> rows, List<AccessModelError> errors)
    {
        AccessSettings settings = AccessSettings.Default;
        SupportAccessSettings support = settings.SupportAccess;
        foreach ((string code, string value) in rows)
        {
            switch (code)
            {
                case PortalAvailabilityMode when Enum.TryParse(value, ignoreCase: false, out PortalAvailabilityMode mode) && Enum.IsDefined(mode) && !IsNumber(value):
                    settings = settings with { PortalAvailabilityMode = mode };
                    break;
                case SupportAccessTimeZone:
                    support = support with { TimeZoneId = value };
                    break;
                case SupportAccessMaxDurationDays when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int max):
                    support = support with { MaxDurationDays = max };
                    break;
                case SupportAccessDefaultDurationDays when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int days):
                    support = support with { DefaultDurationDays = days };
                    break;
                case SupportAccessAllowNonAdminsToGrant when TryBoolean(value, out bool allow):
                    support = support with { AllowNonAdminsToGrant = allow };
                    break;
                case SupportAccessAllowAdministrationWhenUnrestricted when TryBoolean(value, out bool allow):
                    support = support with { AllowAdministrationWhenUnrestricted = allow };
                    break;
                case SupportAccessExternalAccessObject:
                    support = support with { ExternalAccessObject = value };
                    break;
                case License when Enum.TryParse(value, ignoreCase: false, out LicenseType license) && Enum.IsDefined(license) && !IsNumber(value):
                    support = support with { License = license };
                    break;
                case Environment:
                    support = support with { Environment = value };
                    break;
                case EnabledAuditEvents when TryAuditEvents(value, out AccessAuditEventType[]? types):
                    settings = settings with { EnabledAuditEvents = types };
                    break;
                default:
                    errors.Add(new AccessModelError(
                        AccessModelErrorCode.InvalidValue,
                        Codes.Contains(code)
                            ? $"Setting `{code}` has the value `{value}`, which is not valid for it."
                            : $"Setting `{code}` is not a setting of the access model; the codes are {string.Join(", ", Codes)}.",
                        [code]));
                    break;
            }
        }

        return settings with { SupportAccess = support };
    }

    private static bool IsNumber(string value) => value.Length > 0 && (char.IsAsciiDigit(value[0]) || value[0] is '-' or '+');

    private static bool TryBoolean(string value, out bool result)
    {
        result = value == "true";
        return value is "true" or "false";
    }

    private static bool TryAuditEvents(string value, [NotNullWhen(true)] out AccessAuditEventType[]? types)
    {
        types = null;
        if (value.Length == 0)
        {
            types = [];
            return true;
        }

        var list = new List<AccessAuditEventType>();
        foreach (string name in value.Split(','))
        {
            if (IsNumber(name) || !Enum.TryParse(name, ignoreCase: false, out AccessAuditEventType type) || !Enum.IsDefined(type))
            {
                return false;
            }

            list.Add(type);
        }

        types = [.. list];
        return true;
    }
}
