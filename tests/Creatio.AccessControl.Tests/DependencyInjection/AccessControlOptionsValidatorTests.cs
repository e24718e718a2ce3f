using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>Options validation: every broken option reported at once, with its value; and the overrides applied.</summary>
public sealed class AccessControlOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        ValidateOptionsResult result = new AccessControlOptionsValidator().Validate(null, new AccessControlOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_ValidOverrides_Succeeds()
    {
        var options = new AccessControlOptions
        {
            TimeZoneId = "Europe/Kyiv",
            PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions,
            SupportAccessMaxDurationDays = 30,
            SupportAccessDefaultDurationDays = 30,
            License = LicenseType.Trial,
            Environment = "sandbox",
            EnabledAuditEvents = [AccessAuditEventType.SupportAccess],
        };

        Assert.True(new AccessControlOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_EveryOptionBroken_ReportsEachWithItsValue()
    {
        var options = new AccessControlOptions
        {
            TimeZoneId = "Mars/Olympus",
            PortalAvailabilityMode = (PortalAvailabilityMode)7,
            SupportAccessMaxDurationDays = 0,
            SupportAccessDefaultDurationDays = -1,
            License = (LicenseType)9,
            Environment = " ",
            EnabledAuditEvents = [AccessAuditEventType.RoleChange, (AccessAuditEventType)99],
            MaxPolicyDocumentBytes = 0,
            PolicyFilePollInterval = TimeSpan.Zero,
        };

        ValidateOptionsResult result = new AccessControlOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Property TimeZoneId: the time zone `Mars/Olympus` is not known.",
                "Property PortalAvailabilityMode: `7` is not a defined PortalAvailabilityMode value.",
                "Property SupportAccessMaxDurationDays: must be positive; it is 0.",
                "Property SupportAccessDefaultDurationDays: must be positive; it is -1.",
                "Property License: `9` is not a defined LicenseType value.",
                "Property Environment: must not be empty or white space; it is ` `.",
                "Property EnabledAuditEvents: item 1, `99`, is not a defined AccessAuditEventType value.",
                "Property MaxPolicyDocumentBytes: must be from 1 to 2147483590; it is 0.",
                "Property PolicyFilePollInterval: must be positive; it is 00:00:00.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_DefaultDurationAboveMax_ReportsBoth()
    {
        var options = new AccessControlOptions { SupportAccessMaxDurationDays = 10, SupportAccessDefaultDurationDays = 11 };

        ValidateOptionsResult result = new AccessControlOptionsValidator().Validate(null, options);

        Assert.Equal(
            "Property SupportAccessDefaultDurationDays: must not be greater than SupportAccessMaxDurationDays (10); it is 11.",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void GetEvaluator_InvalidOptionsWithoutHost_ThrowsListingEveryProblem()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o =>
        {
            o.SupportAccessMaxDurationDays = -5;
            o.MaxPolicyDocumentBytes = -1;
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.Equal(
            "Property SupportAccessMaxDurationDays: must be positive; it is -5.; Property MaxPolicyDocumentBytes: must be from 1 to 2147483590; it is -1.",
            exception.Message);
    }

    [Fact]
    public void GetEvaluator_SettingsOverrides_AppliedOnTopOfTheSource()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o =>
        {
            o.Environment = "sandbox";
            o.SupportAccessMaxDurationDays = 30;
            o.EnabledAuditEvents = [AccessAuditEventType.DeniedOperation];
        }).UseModel(PolicyFileFixture.Model());
        using ServiceProvider provider = services.BuildServiceProvider();

        AccessSettings settings = provider.GetRequiredService<IAccessEvaluator>().Snapshot.Model.Settings;

        Assert.Equal("sandbox", settings.SupportAccess.Environment);
        Assert.Equal(30, settings.SupportAccess.MaxDurationDays);
        Assert.Equal(SupportAccessSettings.Default.DefaultDurationDays, settings.SupportAccess.DefaultDurationDays);
        Assert.Equal(SupportAccessSettings.Default.TimeZoneId, settings.SupportAccess.TimeZoneId);
        Assert.Equal([AccessAuditEventType.DeniedOperation], settings.EnabledAuditEvents);
    }
}
