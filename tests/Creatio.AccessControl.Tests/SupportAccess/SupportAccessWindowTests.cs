using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>DESIGN.md §8 expiry and STYLE.md §6: a grant is valid in [start of StartDate, start of CloseDate + 1 day) in the
/// configured time zone, daylight-saving changes included.</summary>
public sealed class SupportAccessWindowTests
{
    private static SupportAccessSettings Zone(string id) => new() { TimeZoneId = id };

    private static SupportAccessGrant Dates(DateOnly start, DateOnly close) => Unrestricted() with { StartDate = start, CloseDate = close };

    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>Checks the window and what a support session resolved one tick before, at, and one tick after each bound gets.</summary>
    private static void AssertWindow(SupportAccessGrant grant, SupportAccessSettings settings, DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        SupportAccessWindow window = SupportAccessWindow.For(grant, settings);
        Assert.Equal(startsAt, window.StartsAt);
        Assert.Equal(endsAt, window.EndsAt);
        Assert.Equal(startsAt.UtcTicks, window.StartsAt.UtcTicks);
        Assert.Equal(endsAt.UtcTicks, window.EndsAt.UtcTicks);

        AccessSnapshot snapshot = Compile(grant, settings);
        AccessDecision Read(DateTimeOffset now) => snapshot.GetSupportPrincipal(grant.Id, now).CheckObject(Country, ObjectOperation.Read);

        AssertSupportDenied(AccessReason.SupportGrantNotStarted, Read(startsAt.AddTicks(-1)));
        AssertAllowed(Read(startsAt));
        AssertAllowed(Read(endsAt.AddTicks(-1)));
        AssertSupportDenied(AccessReason.SupportGrantExpired, Read(endsAt));
        AssertSupportDenied(AccessReason.SupportGrantExpired, Read(endsAt.AddTicks(1)));

        Assert.False(window.Contains(startsAt.AddTicks(-1)));
        Assert.True(window.Contains(startsAt));
        Assert.True(window.Contains(endsAt.AddTicks(-1)));
        Assert.False(window.Contains(endsAt));
    }

    [Fact]
    public void For_Utc_RunsFromMidnightOfTheStartDateToMidnightAfterTheCloseDate()
    {
        AssertWindow(Dates(new(2026, 3, 1), new(2026, 3, 5)), SupportAccessSettings.Default, Utc(2026, 3, 1), Utc(2026, 3, 6));
    }

    [Fact]
    public void For_SameStartAndCloseDate_IsOneDay()
    {
        AssertWindow(Dates(new(2026, 6, 10), new(2026, 6, 10)), SupportAccessSettings.Default, Utc(2026, 6, 10), Utc(2026, 6, 11));
    }

    [Fact]
    public void For_Berlin_CloseDateIsTheSpringForwardDay_EndsAtMidnightSummerTime()
    {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST; the day is 23 hours long.
        AssertWindow(Dates(new(2026, 3, 20), new(2026, 3, 29)), Zone("Europe/Berlin"), Utc(2026, 3, 19, 23), Utc(2026, 3, 29, 22));
    }

    [Fact]
    public void For_Berlin_CloseDateIsTheFallBackDay_EndsAtMidnightWinterTime()
    {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; the day is 25 hours long.
        AssertWindow(Dates(new(2026, 10, 20), new(2026, 10, 25)), Zone("Europe/Berlin"), Utc(2026, 10, 19, 22), Utc(2026, 10, 25, 23));
    }

    [Fact]
    public void For_Berlin_StartDateIsTheSpringForwardDay_StartsAtMidnightWinterTime()
    {
        AssertWindow(Dates(new(2026, 3, 29), new(2026, 3, 30)), Zone("Europe/Berlin"), Utc(2026, 3, 28, 23), Utc(2026, 3, 30, 22));
    }

    [Fact]
    public void For_Berlin_StartDateIsTheFallBackDay_StartsAtMidnightSummerTime()
    {
        AssertWindow(Dates(new(2026, 10, 25), new(2026, 10, 25)), Zone("Europe/Berlin"), Utc(2026, 10, 24, 22), Utc(2026, 10, 25, 23));
    }

    [Fact]
    public void For_NewYork_CloseDatesOnBothTransitions_EndAtLocalMidnight()
    {
        // 2026-03-08 springs forward (EST to EDT), 2026-11-01 falls back (EDT to EST).
        AssertWindow(Dates(new(2026, 3, 1), new(2026, 3, 8)), Zone("America/New_York"), Utc(2026, 3, 1, 5), Utc(2026, 3, 9, 4));
        AssertWindow(Dates(new(2026, 10, 30), new(2026, 11, 1)), Zone("America/New_York"), Utc(2026, 10, 30, 4), Utc(2026, 11, 2, 5));
    }

    [Fact]
    public void For_MidnightSkippedBySpringForward_StartsAtTheFirstValidLocalTime()
    {
        // 2026-09-06 in Santiago: 00:00 (-04) becomes 01:00 (-03), so the day begins at 01:00 -03 = 04:00 UTC.
        SupportAccessWindow window = SupportAccessWindow.For(Dates(new(2026, 9, 6), new(2026, 9, 6)), Zone("America/Santiago"));

        Assert.Equal(Utc(2026, 9, 6, 4), window.StartsAt);
        Assert.Equal(TimeSpan.FromHours(-3), window.StartsAt.Offset);
        Assert.Equal(Utc(2026, 9, 7, 3), window.EndsAt);
    }

    [Fact]
    public void For_TimeZone_ChangesTheInstantsButNotTheDates()
    {
        SupportAccessGrant grant = Dates(new(2026, 3, 1), new(2026, 3, 1));

        SupportAccessWindow utc = SupportAccessWindow.For(grant, SupportAccessSettings.Default);
        SupportAccessWindow newYork = SupportAccessWindow.For(grant, Zone("America/New_York"));

        Assert.Equal(TimeSpan.FromHours(5), newYork.StartsAt - utc.StartsAt);
        Assert.Equal(TimeSpan.FromDays(1), newYork.EndsAt - newYork.StartsAt);
    }

    [Fact]
    public void For_NullArguments_Throw()
    {
        Assert.Equal("grant", Assert.Throws<ArgumentNullException>(() => SupportAccessWindow.For(null!, SupportAccessSettings.Default)).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentNullException>(() => SupportAccessWindow.For(Grant(), null!)).ParamName);
    }

    [Fact]
    public void For_UnknownTimeZone_ThrowsTimeZoneNotFound()
    {
        Assert.Throws<TimeZoneNotFoundException>(() => SupportAccessWindow.For(Grant(), Zone("Mars/Olympus_Mons")));
    }

    [Fact]
    public void Build_UnknownTimeZone_IsAValidationError()
    {
        AccessModelValidationException error = Assert.Throws<AccessModelValidationException>(() => Builder([Grant()], Zone("Mars/Olympus_Mons")).Build());

        Assert.Contains(error.Errors, e => e.Message == "The support access time zone `Mars/Olympus_Mons` is not known.");
    }

    [Fact]
    public void DefaultCloseDate_DefaultSettings_IsFiveDaysAfterTheStart()
    {
        Assert.Equal(new DateOnly(2026, 3, 6), GrantSupportAccess.DefaultCloseDate(new(2026, 3, 1), SupportAccessSettings.Default));
    }

    [Fact]
    public void DefaultCloseDate_CustomDuration_UsesIt()
    {
        Assert.Equal(new DateOnly(2026, 1, 3), GrantSupportAccess.DefaultCloseDate(new(2025, 12, 30), new SupportAccessSettings { DefaultDurationDays = 4 }));
    }

    [Fact]
    public void DefaultCloseDate_NullSettings_Throws()
    {
        Assert.Equal("settings", Assert.Throws<ArgumentNullException>(() => GrantSupportAccess.DefaultCloseDate(new(2026, 3, 1), null!)).ParamName);
    }
}
