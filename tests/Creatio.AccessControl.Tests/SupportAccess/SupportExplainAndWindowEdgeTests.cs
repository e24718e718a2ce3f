namespace Creatio.AccessControl.Tests.SupportAccess;

public sealed class SupportExplainAndWindowEdgeTests
{
    private static readonly UserId s_grantor = new(Guid.NewGuid());
    private static readonly SupportGrantId s_grant = new(Guid.NewGuid());
    private static readonly DateTimeOffset s_now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static AccessSnapshot Compile(DateOnly start, DateOnly close, string timeZone = "UTC") =>
        AccessSnapshot.Compile(new AccessModelBuilder
        {
            Settings = new AccessSettings { SupportAccess = new SupportAccessSettings { TimeZoneId = timeZone } },
        }
            .Add(new UserDefinition(s_grantor, "Grantor"))
            .Add(new ObjectDefinition("Account"))
            .Add(new ObjectDefinition("Currency", ObjectCategory.Lookup))
            .Add(new SupportAccessGrant(s_grant, "case", start, close, s_grantor, s_grantor))
            .Build());

    [Fact]
    public void Explain_DataIsolationDenies_EndsWithTheSupportStep()
    {
        AccessSnapshot snapshot = Compile(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12));

        AccessExplanation explanation = snapshot.GetSupportPrincipal(s_grant, s_now)
            .Explain(AccessRequest.ForObject("Account", ObjectOperation.Read));

        Assert.Equal(AccessReason.SupportDataIsolation, explanation.Decision.Reason);
        AccessExplanationStep last = explanation.Steps[^1];
        Assert.Equal(AccessStage.SupportAccess, last.Stage);
        Assert.Equal(AccessStepResult.Denied, last.Result);
        Assert.Equal(AccessReason.SupportDataIsolation, last.Reason);
    }

    [Fact]
    public void Explain_OverlayKeepsTheGrantorsAllow_EndsWithAnAllowedSupportStep()
    {
        AccessSnapshot snapshot = Compile(new DateOnly(2026, 3, 9), new DateOnly(2026, 3, 12));

        AccessExplanation explanation = snapshot.GetSupportPrincipal(s_grant, s_now)
            .Explain(AccessRequest.ForObject("Currency", ObjectOperation.Read));

        Assert.True(explanation.Decision.IsAllowed);
        Assert.Equal(AccessStepResult.Allowed, explanation.Steps[^1].Result);
        Assert.Equal(AccessStage.SupportAccess, explanation.Steps[^1].Stage);
    }

    [Fact]
    public void Explain_ExpiredGrant_HasOnlyTheSupportStep()
    {
        AccessSnapshot snapshot = Compile(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2));

        AccessExplanation explanation = snapshot.GetSupportPrincipal(s_grant, s_now)
            .Explain(AccessRequest.ForObject("Currency", ObjectOperation.Read));

        AccessExplanationStep step = Assert.Single(explanation.Steps);
        Assert.Equal(AccessReason.SupportGrantExpired, step.Reason);
        Assert.Equal(explanation.Decision.Reason, step.Reason);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("Pacific/Auckland")]
    [InlineData("America/Los_Angeles")]
    public void Compile_GrantsReachingTheEndsOfTheCalendar_DoNotThrow(string timeZone)
    {
        // An active grant lasts at most the maximum duration, so a grant of the whole calendar is only kept deactivated;
        // grants at either end of the calendar compile and their windows are clamped to what DateTimeOffset holds.
        AccessSnapshot first = Compile(DateOnly.MinValue, DateOnly.MinValue.AddDays(2), timeZone);
        AccessSnapshot last = Compile(DateOnly.MaxValue.AddDays(-2), DateOnly.MaxValue, timeZone);
        var settings = new SupportAccessSettings { TimeZoneId = timeZone };
        SupportAccessGrant whole = new(s_grant, "case", DateOnly.MinValue, DateOnly.MaxValue, s_grantor, s_grantor);

        Assert.Equal(DateTimeOffset.MaxValue, SupportAccessWindow.For(last.Model.SupportGrants[0], settings).EndsAt);
        Assert.True(SupportAccessWindow.For(first.Model.SupportGrants[0], settings).StartsAt < new DateTimeOffset(1, 1, 2, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(DateTimeOffset.MaxValue, SupportAccessWindow.For(whole, settings).EndsAt);
        Assert.True(SupportAccessWindow.For(whole, settings).Contains(s_now));
        Assert.Equal(AccessReason.SupportGrantExpired, first.GetSupportPrincipal(s_grant, s_now).CheckObject("Currency", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.SupportGrantNotStarted, last.GetSupportPrincipal(s_grant, s_now).CheckObject("Currency", ObjectOperation.Read).Reason);
    }
}
