using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 6: where a daylight-saving change falls at midnight (America/Asuncion, October 2024), grant
/// windows were an hour off — a grant closing 2024-10-05 ended at 23:00 local, one starting 2024-10-06 opened an hour
/// early, the day before. A local day starts at the first instant whose local date is that day, whatever the zone.</summary>
public sealed class Issue13_MidnightTransitionTests
{
    private static SupportAccessWindow Window(string zone, DateOnly start, DateOnly close) =>
        SupportAccessWindow.For(Unrestricted() with { StartDate = start, CloseDate = close }, new SupportAccessSettings { TimeZoneId = zone });

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Asuncion_SpringForwardAtMidnight_CloseDateEndsAtTheChangeAndTheNextDayStartsThere()
    {
        // 2024-10-06 00:00 -04 became 01:00 -03 (04:00 UTC): 2024-10-05 lasts until then; 2024-10-06 starts there.
        SupportAccessWindow closing = Window("America/Asuncion", new(2024, 10, 1), new(2024, 10, 5));
        SupportAccessWindow starting = Window("America/Asuncion", new(2024, 10, 6), new(2024, 10, 6));

        Assert.Equal(Utc(2024, 10, 6, 4), closing.EndsAt);
        Assert.Equal(Utc(2024, 10, 6, 4), starting.StartsAt);
        Assert.Equal(new DateTimeOffset(2024, 10, 6, 1, 0, 0, TimeSpan.FromHours(-3)), starting.StartsAt);
        Assert.Equal(TimeSpan.FromHours(-3), starting.StartsAt.Offset);
        Assert.True(closing.Contains(Utc(2024, 10, 6, 3, 59)), "23:59 local on the close date is inside the window");
        Assert.False(starting.Contains(Utc(2024, 10, 6, 3, 59)), "23:59 local the day before is outside the window");
    }

    [Fact]
    public void Asuncion_SpringForwardAtMidnight_SessionAtTheLastLocalMinuteOfTheCloseDateIsAllowed()
    {
        var settings = new SupportAccessSettings { TimeZoneId = "America/Asuncion" };
        SupportAccessGrant grant = Unrestricted() with { StartDate = new(2024, 10, 1), CloseDate = new(2024, 10, 5) };
        AccessSnapshot snapshot = Compile(grant, settings);

        AssertAllowed(snapshot.GetSupportPrincipal(grant.Id, Utc(2024, 10, 6, 3, 30)).CheckObject(Country, ObjectOperation.Read));
        AssertSupportDenied(AccessReason.SupportGrantExpired, snapshot.GetSupportPrincipal(grant.Id, Utc(2024, 10, 6, 4)).CheckObject(Country, ObjectOperation.Read));
    }

    [Fact]
    public void Asuncion_FallBackAtMidnight_TheDayStartsAtTheOnlyMidnight()
    {
        // 2024-03-24 00:00 -03 became 2024-03-23 23:00 -04 (03:00 UTC): 2024-03-24 starts at 00:00 -04 (04:00 UTC).
        SupportAccessWindow window = Window("America/Asuncion", new(2024, 3, 24), new(2024, 3, 24));
        SupportAccessWindow before = Window("America/Asuncion", new(2024, 3, 23), new(2024, 3, 23));

        Assert.Equal(Utc(2024, 3, 24, 4), window.StartsAt);
        Assert.Equal(Utc(2024, 3, 24, 4), before.EndsAt);
        Assert.Equal(TimeSpan.FromHours(25), before.EndsAt - before.StartsAt);
    }

    [Fact]
    public void GooseBay2010_ClocksSetBackOverMidnight_TheDayStartsAtItsFirstMidnight()
    {
        // 2010-11-07 00:01 -03 became 2010-11-06 23:01 -04: the local date reads 2010-11-07 from 03:00 UTC for a minute.
        SupportAccessWindow window = Window("America/Goose_Bay", new(2010, 11, 7), new(2010, 11, 7));

        Assert.Equal(Utc(2010, 11, 7, 3), window.StartsAt);
        Assert.Equal(TimeSpan.FromHours(-3), window.StartsAt.Offset);
    }

    [Fact]
    public void Apia_SkippedDay_StartsAndEndsWhereTheNextDayStarts()
    {
        // Samoa skipped 2011-12-30: 2011-12-29 23:59:59 -10 was followed by 2011-12-31 00:00 +14 (10:00 UTC).
        SupportAccessWindow skipped = Window("Pacific/Apia", new(2011, 12, 30), new(2011, 12, 30));
        SupportAccessWindow next = Window("Pacific/Apia", new(2011, 12, 31), new(2011, 12, 31));

        Assert.Equal(Utc(2011, 12, 30, 10), skipped.StartsAt);
        Assert.Equal(skipped.StartsAt, skipped.EndsAt);
        Assert.Equal(skipped.EndsAt, next.StartsAt);
    }
}
