using System.Diagnostics.CodeAnalysis;

namespace Creatio.AccessControl;

/// <summary>The half-open interval [<see cref="StartsAt"/>, <see cref="EndsAt"/>) in which a support grant is valid.</summary>
/// <param name="StartsAt">The start of the grant's start date in the system's time zone, inclusive.</param>
/// <param name="EndsAt">The start of the day after the grant's close date in the system's time zone, exclusive:
/// access ends at 11:59 PM on the close date.</param>
public readonly record struct SupportAccessWindow(DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    /// <summary>Computes a grant's window in the configured time zone, daylight-saving changes included.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="settings">The support access settings, for the time zone.</param>
    /// <returns>The window.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grant"/> or <paramref name="settings"/> is <see langword="null"/>.</exception>
    /// <exception cref="TimeZoneNotFoundException">The settings name a time zone this machine does not know.</exception>
    public static SupportAccessWindow For(SupportAccessGrant grant, SupportAccessSettings settings)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(settings);
        TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZoneId);
        DateTimeOffset endsAt = grant.CloseDate == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOfDay(grant.CloseDate.AddDays(1), zone);
        return new SupportAccessWindow(StartOfDay(grant.StartDate, zone), endsAt);
    }

    /// <summary>Whether an instant is inside the window.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when <c>StartsAt &lt;= instant &lt; EndsAt</c>.</returns>
    public bool Contains(DateTimeOffset instant) => StartsAt <= instant && instant < EndsAt;

    internal static bool TryFindTimeZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
        {
            return false;
        }

        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The first instant of a local day: local midnight, or the first valid local time after it when a
    /// daylight-saving change skips midnight.</summary>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        DateTime local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        for (int minutes = 0; minutes < 24 * 60 && zone.IsInvalidTime(local); minutes++)
        {
            local = local.AddMinutes(1);
        }

        // An ambiguous midnight (clocks set back over it) starts at its first occurrence, the larger offset.
        TimeSpan offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);

        // At the ends of the calendar the instant may fall outside what DateTimeOffset holds: clamp to its range.
        long utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < 0 ? DateTimeOffset.MinValue
            : utcTicks > DateTimeOffset.MaxValue.UtcTicks ? DateTimeOffset.MaxValue
            : new DateTimeOffset(local, offset);
    }
}
