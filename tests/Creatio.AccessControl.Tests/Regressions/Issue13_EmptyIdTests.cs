using System.Text.RegularExpressions;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.SupportAccess;
using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 1: a support grant whose id is the empty GUID bypassed data isolation, because the record
/// table used the empty GUID for "not created in a support grant". No caller-produced value stands for "none" any more,
/// and every entry point rejects empty ids with a validation error naming the problem.</summary>
public sealed class Issue13_EmptyIdTests
{
    private static readonly SupportGrantId s_empty = new(Guid.Empty);

    private const string EmptyText = "`00000000-0000-0000-0000-000000000000`; ids must not be the empty GUID.";

    private static AccessModelError SingleEmptyError(Action build, string expectedStart)
    {
        AccessModelValidationException invalid = Assert.Throws<AccessModelValidationException>(build);
        AccessModelError error = Assert.Single(invalid.Errors, e => e.Message.Contains("ids must not be the empty GUID", StringComparison.Ordinal));
        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Equal(expectedStart + " " + EmptyText, error.Message);
        Assert.Equal([Guid.Empty.ToString()], error.Ids);
        return error;
    }

    [Fact]
    public void Builder_SupportGrantWithTheEmptyId_IsRejected()
    {
        // Before the fix this model was accepted, and a session of the grant could edit and delete the grantor's records
        // under "Deny access to data": every record not created in a grant was "created in" the empty id.
        AccessModelBuilder builder = Builder([Grant(s_empty)]);

        AccessModelError error = SingleEmptyError(() => builder.Build(), "A support grant (reason `Investigate ticket 4711`) has an empty id");

        Assert.Equal(ModelList.SupportGrants, error.Row!.Value.List);
        Assert.Equal("id", error.Row.Value.Member);
    }

    [Fact]
    public void PolicyDocument_SupportGrantWithTheEmptyId_IsRejectedAtItsPath()
    {
        var placeholder = new SupportGrantId(Ids.Guid("grant:placeholder"));
        string json = AccessPolicyJson.Serialize(Builder([Grant(placeholder)]).Build())
            .Replace(placeholder.Value.ToString(), Guid.Empty.ToString(), StringComparison.Ordinal);

        AccessModelValidationException invalid = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(json));

        AccessModelError error = Assert.Single(invalid.Errors);
        Assert.Equal(AccessModelErrorCode.InvalidValue, error.Code);
        Assert.Matches(new Regex(@"^\$\.supportGrants\[0\]\.id$"), error.Path);
        Assert.EndsWith("A support grant (reason `Investigate ticket 4711`) has an empty id " + EmptyText, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantSupportAccess_EmptyId_IsRefusedAsAnInvalidModelAndNothingIsApplied()
    {
        using AdminHarness h = SupportHarness.Create();
        long version = h.Snapshot.Version;
        var change = new GrantSupportAccess(new SupportAccessGrant(s_empty, "Ticket 4712", SupportHarness.Start, SupportHarness.Close, h.Org.UserId("Admin"), h.Org.UserId("Admin")));

        AccessChangeResult result = await h.ApplyAsync(h.User("Admin"), change);

        SupportHarness.AssertRefused(AccessChangeRefusal.InvalidModel, result);
        AccessModelError error = Assert.Single(result.Errors);
        Assert.Equal("A support grant (reason `Ticket 4712`) has an empty id " + EmptyText, error.Message);
        Assert.Equal(version, h.Snapshot.Version);
        Assert.DoesNotContain(h.Snapshot.Model.SupportGrants, g => g.Id == s_empty);
        Assert.Equal(AccessReason.UnknownSupportGrant, h.Snapshot.GetSupportPrincipal(s_empty, AdminHarness.Now).CheckObject(AdminHarness.Account, ObjectOperation.Read).Reason);
    }

    public static TheoryData<string, string> EmptyIds => new()
    {
        { "user", "User `Empty` has an empty id" },
        { "role", "Role `Empty` has an empty id" },
        { "record", "A record of `Deal` has an empty id" },
        { "user account", $"User `Limited` (`{Limited}`) has an empty account id" },
        { "user contact", $"User `Limited` (`{Limited}`) has an empty contact id" },
        { "role account", $"Role `Partners` (`{Ids.Role("Partners")}`) has an empty account id" },
    };

    [Theory]
    [MemberData(nameof(EmptyIds))]
    public void Builder_EmptyId_IsRejectedNamingWhatHasIt(string what, string message)
    {
        AccessModelBuilder builder = Builder([]);
        switch (what)
        {
            case "user":
                builder.Add(new UserDefinition(new UserId(Guid.Empty), "Empty"));
                break;
            case "role":
                builder.Add(new RoleDefinition(new RoleId(Guid.Empty), "Empty", AdminUnitKind.Division));
                break;
            case "record":
                builder.Add(new RecordDefinition(Deal, new RecordId(Guid.Empty), Grantor));
                break;
            case "user account":
                builder.Users[1] = builder.Users[1] with { Account = new AccountId(Guid.Empty) };
                break;
            case "user contact":
                builder.Users[1] = builder.Users[1] with { Contact = new ContactId(Guid.Empty) };
                break;
            default:
                builder.Add(new RoleDefinition(Ids.Role("Partners"), "Partners", AdminUnitKind.Organization) { Account = new AccountId(Guid.Empty) });
                break;
        }

        SingleEmptyError(() => builder.Build(), message);
    }

    public static TheoryData<string> Changes => new() { "AddUser", "AddRole", "CreateRecord" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task AdministrationChange_EmptyId_IsRefusedAsAnInvalidModel(string kind)
    {
        using AdminHarness h = AdminHarness.Create();
        long version = h.Snapshot.Version;
        AccessChange change = kind switch
        {
            "AddUser" => new AddUser(new UserDefinition(new UserId(Guid.Empty), "Empty")),
            "AddRole" => new AddRole(new RoleDefinition(new RoleId(Guid.Empty), "Empty", AdminUnitKind.Division, h.Org["Sales"])),
            _ => new CreateRecord(new RecordDefinition(AdminHarness.Account, new RecordId(Guid.Empty))),
        };

        AccessChangeResult result = await h.ApplyAsync(AccessActor.System, change);

        SupportHarness.AssertRefused(AccessChangeRefusal.InvalidModel, result);
        Assert.Contains(result.Errors, e => e.Code == AccessModelErrorCode.InvalidValue && e.Message.EndsWith(EmptyText, StringComparison.Ordinal));
        Assert.Equal(version, h.Snapshot.Version);
    }

    [Fact]
    public async Task SupportSessions_EmptySessionId_IsAnArgumentError()
    {
        using AdminHarness h = SupportHarness.Create();
        var sessions = new SupportSessions(h.Evaluator, new InMemorySupportSessionStore());

        ArgumentException end = await Assert.ThrowsAsync<ArgumentException>(async () => await sessions.EndAsync(default));
        ArgumentException change = await Assert.ThrowsAsync<ArgumentException>(async () => await sessions.RecordChangeAsync(default, AdminHarness.Account, null, "Create", []));

        Assert.Equal(("session", "session"), (end.ParamName, change.ParamName));
        Assert.StartsWith("A support session id must not be the empty GUID.", end.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultActor_IsNobody_AndEveryChangeIsRefused()
    {
        // The default actor used to be the system itself: an uninitialized actor made any change without a check.
        using AdminHarness h = AdminHarness.Create();
        long version = h.Snapshot.Version;

        AccessChangeResult result = await h.ApplyAsync(default, new AddUser(new UserDefinition(Ids.User("Mallory"), "Mallory")));

        SupportHarness.AssertRefused(AccessChangeRefusal.NotPermitted, result);
        Assert.Equal("The actor names no user, support session or the system.", result.Message);
        Assert.Equal(version, h.Snapshot.Version);
        Assert.False(default(AccessActor).IsSystem);
        Assert.True(AccessActor.System.IsSystem);
        Assert.NotEqual(AccessActor.System, default);
        Assert.Equal("nobody", default(AccessActor).ToString());
    }

    [Fact]
    public void RecordFilter_SessionUnderIsolation_KeepsOnlyTheRecordsCreatedInItsGrant()
    {
        // The filter used to ask the overlay about a record with the empty id to learn what isolation does to the others.
        AccessSnapshot snapshot = AccessSnapshot.Compile(Builder([Grant()]).Build());
        AccessPrincipal session = snapshot.GetSupportPrincipal(G, Now);

        RecordFilter filter = session.GetRecordFilter(Deal, RecordOperation.Edit);

        Assert.Equal(G, filter.CreatedInSupportGrant);
        Assert.Equal([Ours], snapshot.Model.Records.Where(r => filter.Matches(r, snapshot.Model.RecordRightRows)).Select(r => r.Id));
        Assert.Equal([Ours], session.FilterRecords(Deal, RecordOperation.Edit, [Mine, Ours, Theirs]));
    }
}
