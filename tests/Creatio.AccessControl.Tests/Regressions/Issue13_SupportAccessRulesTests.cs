using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.SupportAccess;
using Microsoft.Extensions.Options;
using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, rule "one set of rules for every entry point": policy documents accepted support-access settings
/// and grants that the administration API and the options validator refused. The builder (so policy documents and every
/// administration change), <see cref="GrantSupportAccess"/> and <see cref="AccessControlOptionsValidator"/> now apply the
/// same rules: durations from 1 to <see cref="SupportAccessSettings.DurationLimitDays"/>, the default not above the
/// maximum, an active grant no longer than the maximum.</summary>
public sealed class Issue13_SupportAccessRulesTests
{
    private static readonly int[] s_durations = [int.MinValue, -1, 0, 1, 5, 180, 181, SupportAccessSettings.DurationLimitDays, SupportAccessSettings.DurationLimitDays + 1, int.MaxValue];

    /// <summary>The support model with the settings, its grants deactivated so that only the settings are judged.</summary>
    private static AccessModelBuilder WithSettings(SupportAccessSettings settings) =>
        Builder([Grant(G) with { IsActive = false }, Grant(Other) with { IsActive = false }], settings);

    private static IReadOnlyList<AccessModelError> Errors(AccessModelBuilder builder)
    {
        try
        {
            builder.Build();
            return [];
        }
        catch (AccessModelValidationException invalid)
        {
            return invalid.Errors;
        }
    }

    public static TheoryData<int, int> Durations()
    {
        var data = new TheoryData<int, int>();
        foreach (int max in s_durations)
        {
            foreach (int defaultDays in s_durations)
            {
                data.Add(max, defaultDays);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Durations))]
    public void Settings_EveryEntryPointAgrees(int max, int defaultDays)
    {
        var settings = new SupportAccessSettings { MaxDurationDays = max, DefaultDurationDays = defaultDays };
        bool valid = max is >= 1 and <= SupportAccessSettings.DurationLimitDays && defaultDays >= 1 && defaultDays <= max;

        // The builder, a policy document, the options validator, and the default close date.
        bool built = Errors(WithSettings(settings)).Count == 0;
        string json = AccessPolicyJson.Serialize(WithSettings(SupportAccessSettings.Default).Build())
            .Replace("\"maxDurationDays\": 180", $"\"maxDurationDays\": {max}", StringComparison.Ordinal)
            .Replace("\"defaultDurationDays\": 5", $"\"defaultDurationDays\": {defaultDays}", StringComparison.Ordinal);
        bool read = Record.Exception(() => AccessPolicyJson.Deserialize(json)) is null;
        var options = new AccessControlOptions { SupportAccessMaxDurationDays = max, SupportAccessDefaultDurationDays = defaultDays };
        bool optionsValid = new AccessControlOptionsValidator().Validate(null, options).Succeeded;
        bool offered = Record.Exception(() => GrantSupportAccess.DefaultCloseDate(new DateOnly(2026, 3, 1), settings)) is null;

        Assert.Equal((valid, valid, valid, valid), (built, read, optionsValid, offered));
    }

    [Fact]
    public void Settings_BrokenDurations_AreReportedAtTheirPathWithTheirValues()
    {
        AccessModelBuilder builder = WithSettings(new SupportAccessSettings { MaxDurationDays = 0, DefaultDurationDays = int.MaxValue });
        string json = AccessPolicyJson.Serialize(WithSettings(SupportAccessSettings.Default).Build())
            .Replace("\"maxDurationDays\": 180", "\"maxDurationDays\": 0", StringComparison.Ordinal)
            .Replace("\"defaultDurationDays\": 5", "\"defaultDurationDays\": 2147483647", StringComparison.Ordinal);

        IReadOnlyList<AccessModelError> fromBuilder = Errors(builder);
        IReadOnlyList<AccessModelError> fromDocument = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json)).Errors;

        Assert.Equal(
            [
                "The support access setting `maxDurationDays` must be positive; it is 0.",
                "The support access setting `defaultDurationDays` must be at most 36500; it is 2147483647.",
            ],
            fromBuilder.Select(e => e.Message));
        Assert.Equal(["$.settings.supportAccess.maxDurationDays", "$.settings.supportAccess.defaultDurationDays"], fromDocument.Select(e => e.Path));
        Assert.All(fromDocument, e => Assert.Equal(AccessModelErrorCode.InvalidValue, e.Code));
    }

    [Fact]
    public void Settings_DefaultAboveTheMaximum_IsAnError()
    {
        AccessModelError error = Assert.Single(Errors(WithSettings(new SupportAccessSettings { MaxDurationDays = 10, DefaultDurationDays = 11 })));

        Assert.Equal("The support access setting `defaultDurationDays` must not be greater than `maxDurationDays` (10); it is 11.", error.Message);
        Assert.Equal(["11"], error.Ids);
    }

    [Fact]
    public void Settings_MissingParts_AreErrorsRatherThanACrashWhenCompiling()
    {
        var builder = new AccessModelBuilder { Settings = new AccessSettings { SupportAccess = null!, EnabledAuditEvents = null! } };

        Assert.Equal(["The settings have no support access settings.", "The settings have no list of enabled audit events."], Errors(builder).Select(e => e.Message));
    }

    [Fact]
    public void Options_AboveTheLimit_AreReported()
    {
        var options = new AccessControlOptions { SupportAccessMaxDurationDays = 40_000, SupportAccessDefaultDurationDays = 40_000 };

        ValidateOptionsResult result = new AccessControlOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Property SupportAccessMaxDurationDays: must be at most 36500; it is 40000.",
                "Property SupportAccessDefaultDurationDays: must be at most 36500; it is 40000.",
            ],
            result.Failures);
    }

    [Fact]
    public void DefaultCloseDate_NearTheEndOfTheCalendar_IsTheLastDayRatherThanAnOverflow()
    {
        var settings = new SupportAccessSettings { MaxDurationDays = SupportAccessSettings.DurationLimitDays, DefaultDurationDays = SupportAccessSettings.DurationLimitDays };

        Assert.Equal(DateOnly.MaxValue, GrantSupportAccess.DefaultCloseDate(DateOnly.MaxValue.AddDays(-3), settings));
        Assert.Equal(DateOnly.MaxValue, GrantSupportAccess.DefaultCloseDate(DateOnly.MaxValue, SupportAccessSettings.Default));
        Assert.Equal(new DateOnly(2026, 3, 6), GrantSupportAccess.DefaultCloseDate(new DateOnly(2026, 3, 1), SupportAccessSettings.Default));
    }

    [Fact]
    public void DefaultCloseDate_SettingsBreakingTheRules_ThrowNamingTheProblem()
    {
        var settings = new SupportAccessSettings { MaxDurationDays = 10, DefaultDurationDays = 11 };

        ArgumentException error = Assert.Throws<ArgumentException>(() => GrantSupportAccess.DefaultCloseDate(new DateOnly(2026, 3, 1), settings));

        Assert.Equal("settings", error.ParamName);
        Assert.StartsWith("The default duration must not be greater than the maximum duration (10); it is 11.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public async Task Grant_LongerThanTheMaximum_BuilderPolicyDocumentAndAdministrationAgree(int days, bool valid)
    {
        SupportAccessGrant grant = Grant(new SupportGrantId(Support.Ids.Guid("grant:long"))) with { CloseDate = Start.AddDays(days) };

        IReadOnlyList<AccessModelError> errors = Errors(Builder([grant]));
        string json = AccessPolicyJson.Serialize(Builder([grant with { CloseDate = Start }]).Build())
            .Replace($"\"closeDate\": \"{Start:yyyy-MM-dd}\"", $"\"closeDate\": \"{Start.AddDays(days):yyyy-MM-dd}\"", StringComparison.Ordinal);
        Exception? read = Record.Exception(() => AccessPolicyJson.Deserialize(json));
        using AdminHarness h = SupportHarness.Create();
        AccessChangeResult granted = await h.ApplyAsync(h.User("Admin"), SupportHarness.NewGrantBy(h, "Admin", close: SupportHarness.Start.AddDays(days)));

        Assert.Equal((valid, valid, valid), (errors.Count == 0, read is null, granted.IsApplied));
        if (!valid)
        {
            AccessModelError error = Assert.Single(errors);
            Assert.Equal($"Support grant `{grant.Id}` lasts 181 days; at most 180 are allowed.", error.Message);
            Assert.Equal("closeDate", error.Row!.Value.Member);
            Assert.Equal(AccessChangeRefusal.SupportPeriodTooLong, granted.Refusal);
            Assert.Equal($"Support grant `{SupportHarness.NewGrant}` lasts 181 days; at most 180 are allowed.", granted.Message);
            var invalid = Assert.IsType<AccessModelValidationException>(read);
            Assert.Equal("$.supportGrants[0].closeDate", Assert.Single(invalid.Errors).Path);
        }
    }

    [Fact]
    public void Grant_DeactivatedAndLongerThanTheMaximum_IsKeptForItsLog()
    {
        SupportAccessGrant grant = Grant(new SupportGrantId(Support.Ids.Guid("grant:old"))) with { CloseDate = Start.AddDays(400), IsActive = false };

        Assert.Empty(Errors(Builder([grant])));
    }

    [Fact]
    public async Task SetSettings_MaximumBelowAnActiveGrant_IsRefusedNamingTheGrant_UntilItIsDeactivated()
    {
        using AdminHarness h = SupportHarness.Create(g => g with { CloseDate = g.StartDate.AddDays(30) });
        AccessSettings shorter = h.Snapshot.Model.Settings with { SupportAccess = h.Snapshot.Model.Settings.SupportAccess with { MaxDurationDays = 10, DefaultDurationDays = 5 } };

        AccessChangeResult refused = await h.ApplyAsync(AccessActor.System, new SetSettings(shorter));

        SupportHarness.AssertRefused(AccessChangeRefusal.InvalidModel, refused);
        Assert.Equal($"Support grant `{SupportHarness.G}` lasts 30 days; at most 10 are allowed.", Assert.Single(refused.Errors).Message);

        SupportHarness.AssertApplied(await h.ApplyAsync(AccessActor.System, new DeactivateSupportAccess(SupportHarness.G)));
        SupportHarness.AssertApplied(await h.ApplyAsync(AccessActor.System, new SetSettings(shorter)));
        Assert.Equal(10, h.Snapshot.Model.Settings.SupportAccess.MaxDurationDays);
    }
}
