using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 15, the object check in one test: <see cref="AccessEvaluator.CheckObject(UserId, ObjectName, ObjectOperation)"/>
/// and <see cref="AccessPrincipal.CheckObject(in AccessObject, ObjectOperation)"/> answer an active employee without a super
/// operation, on an object whose answers alone decide, from one answer bit; every other request takes the walk of the
/// steps. Both give the decision of the walk (<see cref="AccessPrincipal.Explain(in AccessRequest)"/>), for every user,
/// object and operation value.</summary>
public sealed class Issue15_CheckFastPathTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly SupportGrantId s_grant = new(Ids.Guid("grant:issue15 fast path"));

    private static readonly string[] s_users = ["Ann", "Bob", "Cy", "Admin", "Gone", "Pat", "Del"];

    private static readonly ObjectName[] s_objects = ["Doc", "Invoice", "Note", "Board", "Missing"];

    private static readonly ObjectOperation[] s_operations =
        [ObjectOperation.Read, ObjectOperation.Create, ObjectOperation.Edit, ObjectOperation.Delete, (ObjectOperation)4, (ObjectOperation)(-1), (ObjectOperation)32];

    /// <summary>Readers read Doc, Editors do everything on it; a system operation of the Readers grants Edit on Invoice;
    /// Note has no operation rows; Board is open to portal users. Admin holds the super operations, Gone is inactive, Pat is
    /// a portal user, Del holds Bob's permissions until 2026-03-03 (two subjects), Bob granted support access.</summary>
    private static Org Model()
    {
        Org org = new Org()
            .Role("Readers", "All employees")
            .Role("Editors", "All employees")
            .User("Ann", "Readers")
            .User("Bob", "Editors")
            .User("Cy")
            .User("Admin", "System administrators")
            .Inactive("Gone", "Editors")
            .Portal("Pat", "All portal users")
            .User("Del")
            .Delegate("Bob", "Del", new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero))
            .Object("Doc", operations: true)
            .ObjectRow("Doc", "Readers", 0, ObjectOperations.Read)
            .ObjectRow("Doc", "Editors", 1, ObjectOperations.All)
            .Object("Invoice", operations: true)
            .ObjectRow("Invoice", "All employees", 0, ObjectOperations.Read)
            .Operation("CanApproveInvoices", "Readers", 0)
            .Object("Note")
            .Object("Board", operations: true, portal: true)
            .ObjectRow("Board", "All portal users", 0, ObjectOperations.Read)
            .ObjectRow("Board", "All employees", 1, ObjectOperations.Read | ObjectOperations.Create)
            .Object("Case", records: true, portal: true)
            .Record("Case", "ann's", author: "Ann")
            .Record("Case", "shared")
            .Right("Case", "shared", "Editors", RecordOperation.Edit)
            .Right("Case", "shared", "All portal users", RecordOperation.Read)
            .Object("Ledger", operations: true, records: true)
            .ObjectRow("Ledger", "Readers", 0, ObjectOperations.Read)
            .Record("Ledger", "ann's", author: "Ann")
            .Record("Ledger", "shared")
            .Right("Ledger", "shared", "Readers", RecordOperation.Read);
        org.Builder.Add(new SystemOperationDefinition("CanApproveInvoices") { ObjectAccess = [new ObjectAccessGrant("Invoice", ObjectOperations.Edit)] });
        org.Builder.Add(new SupportAccessGrant(s_grant, "Ticket 15", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 5), org.UserId("Bob"), org.UserId("Bob")));
        return org;
    }

    private static void AssertSame(AccessDecision expected, AccessDecision actual, string what)
    {
        Assert.True(
            (expected.Outcome, expected.Stage, expected.Reason, expected.Grantee, expected.Position) ==
            (actual.Outcome, actual.Stage, actual.Reason, actual.Grantee, actual.Position),
            $"{what}: expected {expected}, got {actual}");
    }

    [Fact]
    public void CheckObject_EveryUserObjectAndOperationValue_ByNameAndOnAccessObject_GiveTheWalksDecision()
    {
        Org org = Model();
        AccessSnapshot snapshot = org.Compile();
        var evaluator = new AccessEvaluator(snapshot, new FakeTimeProvider(s_now));
        var users = s_users.Select(org.UserId).Append(new UserId(Ids.Guid("nobody"))).ToArray();

        int fromAnswers = 0;
        foreach (UserId user in users)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            foreach (ObjectName name in s_objects)
            {
                AccessObject resolved = snapshot.GetObject(name);
                foreach (ObjectOperation operation in s_operations)
                {
                    AccessDecision walk = principal.Explain(AccessRequest.ForObject(name, operation)).Decision;
                    string what = $"{org.Label(new AdminUnitId(user.Value))} {name} {(int)operation}";

                    AssertSame(walk, evaluator.CheckObject(user, name, operation), what + " by name");
                    AssertSame(walk, principal.CheckObject(in resolved, operation), what + " on the AccessObject");
                    AssertSame(walk, principal.CheckObject(name, operation), what + " by name on the principal");
                    fromAnswers += walk.Reason is AccessReason.ObjectRowAllows or AccessReason.ObjectRowDenies or AccessReason.NoMatchingObjectRow ? 1 : 0;
                }
            }
        }

        // The matrix holds answers of every kind, and the requests the one test must leave to the walk.
        Assert.True(fromAnswers > 20, $"{fromAnswers} decisions from object rows");
    }

    [Fact]
    public void CheckRecord_EveryUserObjectRecordAndOperationValue_ByNameAndOnAccessObject_GiveTheWalksDecision()
    {
        Org org = Model();
        AccessSnapshot snapshot = org.Compile();
        var evaluator = new AccessEvaluator(snapshot, new FakeTimeProvider(s_now));
        var users = s_users.Select(org.UserId).Append(new UserId(Ids.Guid("nobody"))).ToArray();
        RecordId[] records = [Ids.Record("ann's"), Ids.Record("shared"), Ids.Record("not a record")];
        RecordOperation[] operations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete, (RecordOperation)3, (RecordOperation)(-1), (RecordOperation)31];

        int fromRights = 0;
        foreach (UserId user in users)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, s_now);
            foreach (ObjectName name in new ObjectName[] { "Case", "Ledger", "Doc", "Missing" })
            {
                AccessObject resolved = snapshot.GetObject(name);
                foreach (RecordId record in records)
                {
                    foreach (RecordOperation operation in operations)
                    {
                        AccessDecision walk = principal.Explain(AccessRequest.ForRecord(name, record, operation)).Decision;
                        string what = $"{org.Label(new AdminUnitId(user.Value))} {name} {record} {(int)operation}";

                        AssertSame(walk, evaluator.CheckRecord(user, name, record, operation), what + " by name");
                        AssertSame(walk, principal.CheckRecord(in resolved, record, operation), what + " on the AccessObject");
                        fromRights += walk.Reason is AccessReason.RecordRight or AccessReason.RecordAuthor or AccessReason.NoRecordRight ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(fromRights > 20, $"{fromRights} decisions from record rights");
    }

    [Fact]
    public void CheckRecord_RequestsTheOneTestLeavesToTheWalk_AreDecidedByTheirOwnStep()
    {
        Org org = Model();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now));
        RecordId shared = Ids.Record("shared");

        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordRight), Decide(evaluator.CheckRecord(org.UserId("Bob"), "Case", shared, RecordOperation.Edit)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.NoRecordRight), Decide(evaluator.CheckRecord(org.UserId("Ann"), "Case", shared, RecordOperation.Edit)));
        Assert.Equal((AccessOutcome.Allow, AccessReason.SuperOperation), Decide(evaluator.CheckRecord(org.UserId("Admin"), "Case", shared, RecordOperation.Delete)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InactiveUser), Decide(evaluator.CheckRecord(org.UserId("Gone"), "Case", shared, RecordOperation.Edit)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.PortalUserLeastAccess), Decide(evaluator.CheckRecord(org.UserId("Pat"), "Case", shared, RecordOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.UnknownRecord), Decide(evaluator.CheckRecord(org.UserId("Bob"), "Case", Ids.Record("not a record"), RecordOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InvalidRequest), Decide(evaluator.CheckRecord(org.UserId("Bob"), "Case", shared, (RecordOperation)3)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InvalidRequest), Decide(evaluator.CheckRecord(org.UserId("Bob"), "Case", shared, (RecordOperation)31)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectRowDenies), Decide(evaluator.CheckRecord(org.UserId("Ann"), "Ledger", shared, RecordOperation.Edit)));
        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordRight), Decide(evaluator.CheckRecord(org.UserId("Ann"), "Ledger", shared, RecordOperation.Read)));
        Assert.Equal((AccessOutcome.Allow, AccessReason.RecordPermissionsOff), Decide(evaluator.CheckRecord(org.UserId("Bob"), "Doc", shared, RecordOperation.Edit)));
    }

    [Fact]
    public void CheckObject_RequestsTheOneTestLeavesToTheWalk_AreDecidedByTheirOwnStep()
    {
        Org org = Model();
        AccessSnapshot snapshot = org.Compile();
        var evaluator = new AccessEvaluator(snapshot, new FakeTimeProvider(s_now));

        Assert.Equal((AccessOutcome.Allow, AccessReason.SuperOperation), Decide(evaluator.CheckObject(org.UserId("Admin"), "Doc", ObjectOperation.Delete)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InactiveUser), Decide(evaluator.CheckObject(org.UserId("Gone"), "Doc", ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.UnknownUser), Decide(evaluator.CheckObject(new UserId(Ids.Guid("nobody")), "Doc", ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.NotAvailableForPortal), Decide(evaluator.CheckObject(org.UserId("Pat"), "Doc", ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows), Decide(evaluator.CheckObject(org.UserId("Pat"), "Board", ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectRowDenies), Decide(evaluator.CheckObject(org.UserId("Pat"), "Board", ObjectOperation.Create)));
        Assert.Equal((AccessOutcome.Allow, AccessReason.GrantedBySystemOperation), Decide(evaluator.CheckObject(org.UserId("Ann"), "Invoice", ObjectOperation.Edit)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InvalidRequest), Decide(evaluator.CheckObject(org.UserId("Bob"), "Doc", (ObjectOperation)4)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.InvalidRequest), Decide(evaluator.CheckObject(org.UserId("Bob"), "Doc", (ObjectOperation)32)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.UnknownObject), Decide(evaluator.CheckObject(org.UserId("Bob"), "Missing", ObjectOperation.Read)));

        AccessPrincipal bob = snapshot.GetPrincipal(org.UserId("Bob"), s_now);
        Assert.Equal((AccessOutcome.Deny, AccessReason.UnknownObject), Decide(bob.CheckObject(default(AccessObject), ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectFromAnotherSnapshot), Decide(bob.CheckObject(org.Compile().GetObject("Doc"), ObjectOperation.Read)));
        Assert.Equal((AccessOutcome.Deny, AccessReason.UnknownUser), Decide(default(AccessPrincipal).CheckObject(snapshot.GetObject("Doc"), ObjectOperation.Read)));
    }

    [Fact]
    public void CheckObject_SupportSession_IsTheGrantorsDecisionUnderTheOverlay()
    {
        Org org = Model();
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal session = snapshot.GetSupportPrincipal(s_grant, s_now);
        AccessPrincipal grantor = snapshot.GetPrincipal(org.UserId("Bob"), s_now);
        AccessObject doc = snapshot.GetObject("Doc");

        AccessDecision asGrantor = grantor.CheckObject(in doc, ObjectOperation.Read);
        AccessDecision inSession = session.CheckObject(in doc, ObjectOperation.Read);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows), Decide(asGrantor));
        Assert.Equal((AccessOutcome.Deny, AccessReason.SupportDataIsolation), Decide(inSession));
        AssertSame(session.Explain(AccessRequest.ForObject("Doc", ObjectOperation.Read)).Decision, inSession, "session");
    }

    [Fact]
    public void CheckObject_ByNameForAUserOfTwoSubjects_FollowsTheClock()
    {
        Org org = Model();
        var clock = new FakeTimeProvider(s_now);
        var evaluator = new AccessEvaluator(org.Compile(), clock);

        AccessDecision delegated = evaluator.CheckObject(org.UserId("Del"), "Doc", ObjectOperation.Edit);
        clock.Advance(TimeSpan.FromDays(1));
        AccessDecision ended = evaluator.CheckObject(org.UserId("Del"), "Doc", ObjectOperation.Edit);

        Assert.Equal((AccessOutcome.Allow, AccessReason.ObjectRowAllows, org.Unit("Editors")), (delegated.Outcome, delegated.Reason, delegated.Grantee!.Value));
        Assert.Equal((AccessOutcome.Deny, AccessReason.NoMatchingObjectRow, (AdminUnitId?)null), (ended.Outcome, ended.Reason, ended.Grantee));
    }

    [Fact]
    public void CheckObject_ByNameDeniedFromTheAnswers_IsObservedOnceWithTheDecision()
    {
        Org org = Model();
        var observer = new RecordingObserver();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(s_now), observer);

        AccessDecision allowed = evaluator.CheckObject(org.UserId("Bob"), "Doc", ObjectOperation.Edit);
        AccessDecision denied = evaluator.CheckObject(org.UserId("Ann"), "Doc", ObjectOperation.Edit);

        Assert.True(allowed.IsAllowed);
        (UserId user, AccessRequest request, AccessDecision decision) = Assert.Single(observer.Denied);
        Assert.Equal(org.UserId("Ann"), user);
        Assert.Equal(AccessRequest.ForObject("Doc", ObjectOperation.Edit), request);
        Assert.Equal((AccessOutcome.Deny, AccessReason.ObjectRowDenies, org.Unit("Readers"), 0), (decision.Outcome, decision.Reason, decision.Grantee!.Value, decision.Position!.Value));
        Assert.Equal(denied, decision);
    }

    private static (AccessOutcome, AccessReason) Decide(AccessDecision decision) => (decision.Outcome, decision.Reason);

    private sealed class RecordingObserver : IAccessDecisionObserver
    {
        public List<(UserId User, AccessRequest Request, AccessDecision Decision)> Denied { get; } = [];

        public void OnDenied(in AccessPrincipal principal, in AccessRequest request, AccessDecision decision, DateTimeOffset at) =>
            Denied.Add((principal.User, request, decision));
    }
}
