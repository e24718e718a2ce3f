using System.Diagnostics;
using Creatio.AccessControl.Tests.Support;
using Xunit.Abstractions;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>Every time zone the runtime knows, every day of several years: a grant is valid exactly while the local date
/// lies between its start and close dates (DESIGN.md §8; issue 13, "keep it found").</summary>
/// <remarks>One-day windows tile time, so it is enough to check, for each day, that the local date changes to that day
/// exactly at its window's start, and that no change of offset inside the window takes the local date out of the day.
/// Multi-day grants are then the union of their days; a few per zone are checked through support sessions too.</remarks>
public sealed class SupportAccessWindowSweepTests(ITestOutputHelper output)
{
    private static readonly DateOnly s_first = new(2022, 1, 1);
    private static readonly DateOnly s_last = new(2027, 12, 31);

    private static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private static readonly SupportAccessGrant s_day = SupportModel.Unrestricted();

    private static SupportAccessGrant Day(DateOnly day) => s_day with { StartDate = day, CloseDate = day };

    private static SupportAccessGrant Grant(DateOnly start, DateOnly close) =>
        SupportModel.Unrestricted(new SupportGrantId(Ids.Guid($"grant:{start:O}..{close:O}"))) with { StartDate = start, CloseDate = close };

    /// <summary>The instant in (from, until] at which the zone's offset stops being that of <paramref name="from"/>.</summary>
    private static DateTimeOffset Change(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset until)
    {
        TimeSpan offset = zone.GetUtcOffset(from);
        while (until - from > TimeSpan.FromTicks(1))
        {
            DateTimeOffset middle = from + ((until - from) / 2);
            if (zone.GetUtcOffset(middle) == offset)
            {
                from = middle;
            }
            else
            {
                until = middle;
            }
        }

        return until;
    }

    [Fact]
    public void EveryZone_EveryDay_WindowStartsExactlyWhenTheLocalDateBecomesTheDay()
    {
        var watch = Stopwatch.StartNew();
        int zones = 0;
        int days = 0;
        int changes = 0;
        foreach (TimeZoneInfo zone in TimeZoneInfo.GetSystemTimeZones())
        {
            zones++;
            var settings = new SupportAccessSettings { TimeZoneId = zone.Id };
            var changeDays = new List<DateOnly>();
            SupportAccessWindow previous = SupportAccessWindow.For(Day(s_first.AddDays(-1)), settings);
            for (DateOnly day = s_first; day <= s_last; day = day.AddDays(1))
            {
                days++;
                SupportAccessWindow window = SupportAccessWindow.For(Day(day), settings);
                string what = $"{zone.Id} {day:O}: window [{window.StartsAt:O}, {window.EndsAt:O})";

                // Windows of consecutive days tile time: nothing between them, no overlap.
                Assert.True(previous.EndsAt == window.StartsAt, $"{what} does not start where the day before ends ({previous.EndsAt:O})");
                Assert.True(window.StartsAt <= window.EndsAt, what);

                // The local date becomes this day (or a later one, for a day the zone skips) exactly at the start.
                Assert.True(LocalDate(window.StartsAt.AddTicks(-1), zone) < day, $"{what}: the instant before the start is already on the day");
                DateOnly atStart = LocalDate(window.StartsAt, zone);
                Assert.True(atStart == day || (atStart > day && window.StartsAt == window.EndsAt), $"{what}: the start is on {atStart:O}");

                // A change of offset inside the window keeps the local date on the day, on both sides of the change.
                if (window.StartsAt < window.EndsAt && zone.GetUtcOffset(window.StartsAt) != zone.GetUtcOffset(window.EndsAt.AddTicks(-1)))
                {
                    changes++;
                    changeDays.Add(day);
                    DateTimeOffset change = Change(zone, window.StartsAt, window.EndsAt.AddTicks(-1));
                    Assert.True(LocalDate(change, zone) == day, $"{what}: at the change {change:O} the local date is {LocalDate(change, zone):O}");
                    Assert.True(LocalDate(change.AddTicks(-1), zone) == day, $"{what}: just before the change {change:O} the local date is {LocalDate(change.AddTicks(-1), zone):O}");
                }

                previous = window;
            }

            AssertSessions(zone, settings, changeDays);
        }

        output.WriteLine($"{zones} zones, {days} days, {changes} days with an offset change inside, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(zones > 100, $"only {zones} time zones are known");
    }

    /// <summary>Grants closing the day before a change, starting on it and spanning it, checked through support sessions
    /// one tick either side of each bound.</summary>
    private static void AssertSessions(TimeZoneInfo zone, SupportAccessSettings settings, List<DateOnly> changeDays)
    {
        List<SupportAccessGrant> grants = [];
        foreach (DateOnly day in changeDays.Take(4))
        {
            grants.Add(Grant(day.AddDays(-3), day.AddDays(-1)));
            grants.Add(Grant(day, day.AddDays(2)));
            grants.Add(Grant(day.AddDays(-1), day.AddDays(1)));
        }

        if (grants.Count == 0)
        {
            return;
        }

        AccessSnapshot snapshot = AccessSnapshot.Compile(SupportModel.Builder(grants, settings).Build());
        foreach (SupportAccessGrant grant in grants)
        {
            SupportAccessWindow window = SupportAccessWindow.For(grant, settings);
            foreach (DateTimeOffset instant in new[] { window.StartsAt.AddTicks(-1), window.StartsAt, window.EndsAt.AddTicks(-1), window.EndsAt })
            {
                DateOnly local = LocalDate(instant, zone);
                bool expected = grant.StartDate <= local && local <= grant.CloseDate;
                AccessDecision decision = snapshot.GetSupportPrincipal(grant.Id, instant).CheckObject(SupportModel.Country, ObjectOperation.Read);
                Assert.True(expected == decision.IsAllowed, $"{zone.Id} grant {grant.StartDate:O}..{grant.CloseDate:O} at {instant:O} (local {local:O}): {decision}");
            }
        }
    }
}
