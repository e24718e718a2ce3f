using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/administration-and-audit.md</c> and <c>docs/bad-input.md</c>, as the pages state them.</summary>
public sealed class AdministrationPageTests
{
    [Fact]
    public async Task WhoMayMakeWhichChange_BobRefusedIreneApplied()
    {
        Org org = Organization();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);
        var change = new AddMembership(new RoleMembership(org.UserId("Dana"), org["Sales department"]));

        AccessChangeResult byBob = await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Bob")), change);
        AccessChangeResult byIrene = await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Irene")), change);

        Assert.Equal(AccessChangeRefusal.NotPermitted, byBob.Refusal);
        Assert.Equal("Deny at SystemOperation: NoMatchingSystemOperationRow", Describe(org, byBob.Decision));
        Assert.True(byIrene.IsApplied);
        Assert.Equal(byBob.Version + 1, byIrene.Version);
    }

    [Fact]
    public async Task Refusals_ABatchIsAllOrNothing()
    {
        Org org = Organization();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        AccessAdministration administration = NewAdministration(evaluator);

        AccessChangeResult result = await administration.ApplyBatchAsync(
            AccessActor.ForUser(org.UserId("Irene")),
            [
                new AddMembership(new RoleMembership(org.UserId("Helen"), org["Sales department"])),
                new RemoveMembership(new RoleMembership(org.UserId("Bob"), org["Branch"])),
            ]);

        Assert.Equal((AccessChangeRefusal.NotFound, 1), (result.Refusal, result.ChangeIndex));
        Assert.False(evaluator.GetPrincipal(org.UserId("Helen")).HasEffectiveRole(org.Unit("Sales department")));
    }

    [Fact]
    public async Task ReadingTheAuditLog_IreneReadsBobMayNot()
    {
        Org org = Organization();
        org.Builder.Settings = AccessSettings.Default with { EnabledAuditEvents = [AccessAuditEventType.UserRoleChange] };
        var sink = new InMemoryAccessAuditSink();
        var evaluator = new AccessEvaluator(org.Compile(), new FakeTimeProvider(Now));
        var administration = new AccessAdministration(evaluator, auditSinks: [sink]);
        var log = new AccessAuditLog(evaluator, sink, [sink]);
        await administration.ApplyAsync(AccessActor.ForUser(org.UserId("Irene")), new AddMembership(new RoleMembership(org.UserId("Dana"), org["Sales department"])));

        AccessAuditLogResult irene = await log.ReadAsync(AccessActor.ForUser(org.UserId("Irene")), Now.AddDays(-1), Now.AddDays(1));
        AccessAuditLogResult bob = await log.ReadAsync(AccessActor.ForUser(org.UserId("Bob")), Now.AddDays(-1), Now.AddDays(1));

        Assert.Equal([(AccessAuditEventType.UserRoleChange, "AddMembership")], irene.Events.Select(e => (e.Type, e.Action)));
        Assert.Equal("Refused: Deny at SystemOperation: NoMatchingSystemOperationRow", bob.ToString());
        Assert.Empty(bob.Events);
    }

    [Fact]
    public void Validation_EveryProblemAtOnce()
    {
        RoleId x = Ids.Role("X");
        RoleId y = Ids.Role("Y");
        AccessModelBuilder builder = new AccessModelBuilder()
            .Add(new RoleDefinition(x, "X", AdminUnitKind.Division, y))
            .Add(new RoleDefinition(y, "Y", AdminUnitKind.Division, x))
            .Add(new ObjectDefinition("Invoice") { UseOperationPermissions = true })
            .Add(new ObjectOperationRow("Invoice", x, 0, ObjectOperations.Read))
            .Add(new ObjectOperationRow("Invoice", y, 0, ObjectOperations.Read))
            .Add(new ObjectOperationRow("Contract", y, 0, ObjectOperations.Read));

        AccessModelValidationException invalid = Assert.Throws<AccessModelValidationException>(builder.Build);

        Assert.Equal(
            [AccessModelErrorCode.DanglingReference, AccessModelErrorCode.Cycle, AccessModelErrorCode.InvalidPosition],
            invalid.Errors.Select(e => e.Code).Order());
    }

    [Fact]
    public void ChecksNeverThrow_UnknownNamesDenyWithTheirReasons()
    {
        Org org = Organization().Object("Account", records: true);
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal bob = snapshot.GetPrincipal(org.UserId("Bob"), Now);

        Assert.Equal("Deny at SystemOperation: UnknownSystemOperation", Describe(org, bob.CheckSystemOperation("CanFly")));
        Assert.Equal("Deny at Record: InvalidRequest", Describe(org, bob.CheckRecord("Account", Ids.Record("a"), (RecordOperation)5)));
        Assert.Equal("Deny at SupportAccess: UnknownSupportGrant", Describe(org, snapshot.GetSupportPrincipal(new SupportGrantId(Ids.Guid("no grant")), Now).CheckObject("Account", ObjectOperation.Read)));
        Assert.Equal("Deny at User: UnknownUser", Describe(org, snapshot.GetPrincipal(Ids.User("Nobody"), Now).CheckObject("Nothing", ObjectOperation.Read)));
        Assert.Equal("Deny at None: None", Describe(org, default));
    }
}
