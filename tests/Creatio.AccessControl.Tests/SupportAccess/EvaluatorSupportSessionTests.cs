using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportHarness;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>Support sessions through the service users inject (issue 16): <see cref="IAccessEvaluator"/> resolves them in
/// its current snapshot at its own clock.</summary>
public sealed class EvaluatorSupportSessionTests
{
    [Fact]
    public void GetSupportPrincipal_IsTheSnapshotsSupportPrincipalAtTheEvaluatorsClock()
    {
        using AdminHarness h = Create();
        AccessEvaluator evaluator = h.Evaluator;

        AccessPrincipal session = evaluator.GetSupportPrincipal(G);

        AccessPrincipal expected = h.Snapshot.GetSupportPrincipal(G, AdminHarness.Now);
        Assert.Equal(G, session.SupportGrant);
        Assert.Equal(h.Org.UserId("Actor"), session.User);
        Assert.Same(h.Snapshot, session.Snapshot);
        Assert.Equal(
            expected.CheckRecord(AdminHarness.Account, R3, RecordOperation.Read),
            session.CheckRecord(AdminHarness.Account, R3, RecordOperation.Read));
        Assert.Equal(
            expected.CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read),
            session.CheckRecord(AdminHarness.Account, AdminHarness.R1, RecordOperation.Read));
    }

    [Fact]
    public void CheckSupportAccess_FollowsTheEvaluatorsClock_ToTheExactEnd()
    {
        using AdminHarness h = Create();
        AccessEvaluator evaluator = h.Evaluator;

        Assert.Equal(AccessDecision.Allow(AccessStage.SupportAccess, AccessReason.None), evaluator.CheckSupportAccess(G));
        h.Time.SetUtcNow(EndsAt.AddTicks(-1));
        Assert.True(evaluator.CheckSupportAccess(G).IsAllowed);
        h.Time.SetUtcNow(EndsAt);

        Assert.Equal(AccessDecision.Deny(AccessStage.SupportAccess, AccessReason.SupportGrantExpired), evaluator.CheckSupportAccess(G));
        Assert.Equal(
            AccessDecision.Deny(AccessStage.SupportAccess, AccessReason.SupportGrantExpired),
            evaluator.GetSupportPrincipal(G).CheckObject(AdminHarness.Account, ObjectOperation.Read));
    }

    [Fact]
    public void CheckSupportAccess_AnUnknownGrant_IsDenied()
    {
        using AdminHarness h = Create();

        Assert.Equal(
            AccessDecision.Deny(AccessStage.SupportAccess, AccessReason.UnknownSupportGrant),
            h.Evaluator.CheckSupportAccess(new SupportGrantId(Ids.Guid("grant:unknown"))));
    }

    [Fact]
    public async Task CheckSupportAccess_ADeactivatedGrant_IsDeniedFromTheNextSnapshotOn()
    {
        using AdminHarness h = Create();

        AssertApplied(await h.ApplyAsync(h.User("Admin"), new DeactivateSupportAccess(G)));

        Assert.Equal(AccessReason.SupportGrantInactive, h.Evaluator.CheckSupportAccess(G).Reason);
    }
}
