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

    /// <summary>The first instant whose local date is <paramref name="day"/> or later: local midnight, or, where a
    /// daylight-saving change skips midnight, the change itself; where clocks are set back over midnight, the first
    /// occurrence.</summary>
    /// <remarks>Only conversions from UTC are used: <see cref="TimeZoneInfo"/>'s answers for local times next to a change
    /// (invalid, ambiguous, offset) are wrong where a change falls at midnight (America/Asuncion, October 2024). The local
    /// clock reads <c>t + offset(t)</c>; walking the offsets in effect from 14 hours before midnight (no offset is larger),
    /// the day starts in the first of them whose clock reaches midnight, at midnight on that clock or, when that clock
    /// starts past midnight, where it starts.</remarks>
    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        long midnight = day.ToDateTime(TimeOnly.MinValue).Ticks;
        long from = midnight - MaxOffsetTicks;
        while (true)
        {
            long offset = OffsetAt(zone, from);
            long reaches = midnight - offset;
            if (reaches <= from)
            {
                return At(from, zone);
            }

            long next = NextChange(zone, from, reaches, offset);
            if (reaches < next)
            {
                return At(reaches, zone);
            }

            from = next;
        }
    }

    // No zone's offset is larger than 14 hours (TimeZoneInfo refuses larger ones).
    private const long MaxOffsetTicks = 14 * TimeSpan.TicksPerHour;

    private static readonly long s_maxUtcTicks = DateTimeOffset.MaxValue.UtcTicks;

    /// <summary>The zone's offset at a UTC instant, in ticks; outside the calendar, the offset at its nearest end.</summary>
    private static long OffsetAt(TimeZoneInfo zone, long utcTicks) =>
        zone.GetUtcOffset(new DateTimeOffset(Math.Clamp(utcTicks, 0, s_maxUtcTicks), TimeSpan.Zero)).Ticks;

    /// <summary>The first instant after <paramref name="from"/>, and no later than <paramref name="until"/>, at which the
    /// offset is no longer <paramref name="offset"/>; <c>until + 1</c> when it holds throughout.</summary>
    /// <remarks>Offsets change at most a few times a year, so that one change at most lies in the 28 hours searched.</remarks>
    private static long NextChange(TimeZoneInfo zone, long from, long until, long offset)
    {
        if (OffsetAt(zone, until) == offset)
        {
            return until + 1;
        }

        // The offset is `offset` at low and another at high: halve down to the tick.
        long low = from;
        long high = until;
        while (high - low > 1)
        {
            long middle = low + ((high - low) / 2);
            if (OffsetAt(zone, middle) == offset)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>A UTC instant as a <see cref="DateTimeOffset"/> in the zone's offset; clamped to the calendar's ends.</summary>
    private static DateTimeOffset At(long utcTicks, TimeZoneInfo zone)
    {
        if (utcTicks <= 0)
        {
            return DateTimeOffset.MinValue;
        }

        if (utcTicks >= s_maxUtcTicks)
        {
            return DateTimeOffset.MaxValue;
        }

        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(utc, zone);
    }
}
