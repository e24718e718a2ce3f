using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 15, the check path on the real access pattern: a user is resolved from one slot of a table of users, the
/// object step reads two bits per subject and names its deciding row only when asked.</summary>
public sealed class Issue15_ResolvedPathTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Readers read Doc; Editors may do everything; Ann reads, Bob edits, Cy holds neither.</summary>
    private static Org Documents() => new Org()
        .Role("Readers", "All employees")
        .Role("Editors", "All employees")
        .User("Ann", "Readers")
        .User("Bob", "Editors")
        .User("Cy")
        .User("Admin", "System administrators")
        .Object("Doc", operations: true)
        .ObjectRow("Doc", "Readers", 0, ObjectOperations.Read)
        .ObjectRow("Doc", "Editors", 1, ObjectOperations.All);

    [Fact]
    public void GetPrincipal_ManyUsers_EachResolvesToItsOwnRolesAndOtherIdsToNone()
    {
        Org org = new Org().Role("R0").Role("R1").Role("R2");
        for (int i = 0; i < 500; i++)
        {
            org.User($"U{i}", $"R{i % 3}");
        }

        AccessSnapshot snapshot = org.Compile();

        for (int i = 0; i < 500; i++)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(org.UserId($"U{i}"), s_now);
            Assert.True(principal.IsKnown);
            Assert.Equal(org.UserId($"U{i}"), principal.User);
            Assert.True(principal.HasEffectiveRole(org.Unit($"R{i % 3}")));
            Assert.False(principal.HasEffectiveRole(org.Unit($"R{(i + 1) % 3}")));
        }

        Assert.False(snapshot.GetPrincipal(new UserId(org.Unit("R1").Value), s_now).IsKnown);
        Assert.False(snapshot.GetPrincipal(new UserId(Ids.Guid("nobody")), s_now).IsKnown);
        Assert.False(snapshot.GetPrincipal(new UserId(Guid.Empty), s_now).IsKnown);
    }

    [Fact]
    public void CheckObject_EveryAnswer_NamesTheDecidingRowOrNone()
    {
        Org org = Documents();
        AccessSnapshot snapshot = org.Compile();

        AccessDecision ann = snapshot.GetPrincipal(org.UserId("Ann"), s_now).CheckObject("Doc", ObjectOperation.Edit);
        AccessDecision bob = snapshot.GetPrincipal(org.UserId("Bob"), s_now).CheckObject("Doc", ObjectOperation.Edit);
        AccessDecision cy = snapshot.GetPrincipal(org.UserId("Cy"), s_now).CheckObject("Doc", ObjectOperation.Edit);

        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectRowDenies, org.Unit("Readers"), 0), (ann.Outcome, ann.Reason, ann.Grantee!.Value, ann.Position!.Value));
        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows, org.Unit("Editors"), 1), (bob.Outcome, bob.Reason, bob.Grantee!.Value, bob.Position!.Value));
        Assert.Equal((AccessOutcome.Deny, AccessReason.NoMatchingObjectRow, (AdminUnitId?)null, (int?)null), (cy.Outcome, cy.Reason, cy.Grantee, cy.Position));
    }

    [Fact]
    public async Task CheckObject_AfterMembershipChanges_NamesTheNewDecidingRow()
    {
        Org org = Documents();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now));
        var admin = new AccessAdministration(evaluator);
        AccessDecision before = evaluator.CheckObject(org.UserId("Bob"), "Doc", ObjectOperation.Edit);

        Assert.True((await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Bob"), org["Readers"])))).IsApplied);
        AccessDecision readerToo = evaluator.CheckObject(org.UserId("Bob"), "Doc", ObjectOperation.Edit);
        Assert.True((await admin.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(org.UserId("Cy"), org["Editors"])))).IsApplied);
        AccessDecision cy = evaluator.CheckObject(org.UserId("Cy"), "Doc", ObjectOperation.Delete);
        AccessDecision ann = evaluator.CheckObject(org.UserId("Ann"), "Doc", ObjectOperation.Read);

        Assert.Equal((true, org.Unit("Editors"), 1), (before.IsAllowed, before.Grantee!.Value, before.Position!.Value));
        Assert.Equal((false, AccessReason.ObjectRowDenies, org.Unit("Readers"), 0), (readerToo.IsAllowed, readerToo.Reason, readerToo.Grantee!.Value, readerToo.Position!.Value));
        Assert.Equal((true, org.Unit("Editors"), 1), (cy.IsAllowed, cy.Grantee!.Value, cy.Position!.Value));
        Assert.Equal((true, org.Unit("Readers"), 0), (ann.IsAllowed, ann.Grantee!.Value, ann.Position!.Value));
    }
}
