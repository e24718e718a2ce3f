using Creatio.AccessControl.Tests.SupportAccess;

namespace Creatio.AccessControl.Tests.Regressions;

// Environment names compare case-sensitively, and both defaults are "production": settings of "Production" deny every
// session. Compare them as users expect.
public sealed partial class Issue16_PolicyFileTests
{
    [Theory]
    [InlineData("production", "Production")]
    [InlineData("Production", "production")]
    [InlineData("SANDBOX", "sandbox")]
    public void SupportSession_EnvironmentInAnotherCase_IsTheSameEnvironment(string grant, string system)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(
            SupportModel.Builder([SupportModel.Unrestricted() with { Environment = grant }], new SupportAccessSettings { Environment = system }).Build());

        AccessDecision decision = snapshot.GetSupportPrincipal(SupportModel.G, SupportModel.Now).CheckObject(SupportModel.Country, ObjectOperation.Read);

        Assert.True(decision.IsAllowed, decision.ToString());
    }

    [Fact]
    public void SupportSession_AnotherEnvironment_IsStillDenied()
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(
            SupportModel.Builder([SupportModel.Unrestricted() with { Environment = "Sandbox" }], new SupportAccessSettings { Environment = "production" }).Build());

        AccessDecision decision = snapshot.GetSupportPrincipal(SupportModel.G, SupportModel.Now).CheckObject(SupportModel.Country, ObjectOperation.Read);

        Assert.Equal(AccessReason.SupportWrongEnvironment, decision.Reason);
    }

    [Theory]
    [InlineData("production", "Production", true)]
    [InlineData("PRODUCTION", "production", true)]
    [InlineData("production", "production ", false)]
    [InlineData("ıstanbul", "ISTANBUL", false)]
    public void IsSameEnvironment_ComparesOrdinalIgnoringCase(string grant, string system, bool same)
    {
        Assert.Equal(same, SupportAccessRules.IsSameEnvironment(grant, system));
    }
}
