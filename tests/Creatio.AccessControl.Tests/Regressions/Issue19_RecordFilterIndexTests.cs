using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 19: <see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/> no longer scans every user
/// and membership per call; what it looks up is kept per snapshot, so a later snapshot's members count and an earlier
/// snapshot's filter is unchanged.</summary>
public sealed class Issue19_RecordFilterIndexTests
{
    private static Org Company() => new Org()
        .Organization("Sales", "All employees")
        .Managers("Sales")
        .Managers("All employees")
        .User("Ann", "Sales")
        .User("Mia", "Managers of Sales")
        .User("Bob")
        .User("Ceo", "Managers of All employees")
        .Portal("Pat", "All portal users")
        .Object("Deal", records: true);

    [Fact]
    public void GetRecordFilter_ManagerOfARole_HoldsItsDirectMembersOnly()
    {
        Org org = Company();

        RecordFilter filter = org.Principal("Mia").GetRecordFilter("Deal", RecordOperation.Read);

        Assert.Equal(new HashSet<UserId> { org.UserId("Mia"), org.UserId("Ann") }, filter.AuthorsAndOwners);
    }

    [Fact]
    public void GetRecordFilter_ManagerOfAllEmployees_HoldsEveryEmployeeNoPortalUser()
    {
        Org org = Company();

        RecordFilter filter = org.Principal("Ceo").GetRecordFilter("Deal", RecordOperation.Read);

        Assert.Equal(new HashSet<UserId> { org.UserId("Ann"), org.UserId("Mia"), org.UserId("Bob"), org.UserId("Ceo") }, filter.AuthorsAndOwners);
    }

    [Fact]
    public void GetRecordFilter_MemberAddedInALaterSnapshot_CountsThereOnly()
    {
        Org org = Company();
        AccessModel before = org.Build();
        AccessModel after = before.Apply(new AccessModelDelta([new AddMembershipEdit(new RoleMembership(org.UserId("Bob"), org["Sales"]))]));
        AccessSnapshot first = AccessSnapshot.Compile(before);
        _ = first.GetPrincipal(org.UserId("Mia"), DateTimeOffset.UnixEpoch).GetRecordFilter("Deal", RecordOperation.Read);

        RecordFilter later = AccessSnapshot.Compile(after).GetPrincipal(org.UserId("Mia"), DateTimeOffset.UnixEpoch).GetRecordFilter("Deal", RecordOperation.Read);
        RecordFilter earlier = first.GetPrincipal(org.UserId("Mia"), DateTimeOffset.UnixEpoch).GetRecordFilter("Deal", RecordOperation.Read);

        Assert.Contains(org.UserId("Bob"), later.AuthorsAndOwners);
        Assert.DoesNotContain(org.UserId("Bob"), earlier.AuthorsAndOwners);
    }
}
