using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/effective-roles.md</c>, as the page states them.</summary>
public sealed class EffectiveRolesPageTests
{
    private static readonly DateTimeOffset s_delegationEnd = new(2025, 7, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Bob", "Bob, Sales department, Head office, All employees")]
    [InlineData("Carl", "Carl, Head office, All employees")]
    [InlineData("Irene", "Irene, Head office, System administrators, All employees")]
    [InlineData("Helen", "Helen, Head office secretaries, Head office, All employees, Secretaries, Office staff")]
    [InlineData("Bruno", "Bruno, Branch secretaries, Branch, All employees, Secretaries, Office staff")]
    [InlineData("Sara", "Sara, Sales department, Head office, All employees, Managers of Branch, Branch, Branch secretaries, Bruno, Dana, Secretaries, Office staff")]
    [InlineData("Pat", "Pat, Acme, All portal users")]
    [InlineData("Ann", "Ann, Managers of Head office, Head office, All employees, Sales department, Head office secretaries, Carl, Irene, Bob, Sara, Dev, Helen, Secretaries, Office staff, Security admins")]
    [InlineData("Amy", "Amy, Managers of Head office, Head office, All employees, Sales department, Head office secretaries, Carl, Irene, Bob, Sara, Dev, Helen, Secretaries, Office staff, Security admins")]
    public void ExampleOrganization_EffectiveRolesAsThePageLists(string user, string expected)
    {
        Org org = Organization();

        string actual = EffectiveRoles(org, org.Compile(), user);

        Assert.Equal(Sorted(expected.Split(", ")), actual);
    }

    [Theory]
    [InlineData("Dana", "2025-03-10T12:00:00Z", "Dana, Branch, All employees, Bob, Sales department, Head office")]
    [InlineData("Dana", "2025-07-01T00:00:00Z", "Dana, Branch, All employees")]
    [InlineData("Bob", "2025-03-10T12:00:00Z", "Bob, Sales department, Head office, All employees, Helen, Head office secretaries, Secretaries, Office staff")]
    [InlineData("Bruno", "2025-03-10T12:00:00Z", "Bruno, Branch secretaries, Branch, All employees, Secretaries, Office staff, Sales department, Head office")]
    [InlineData("Sara", "2025-03-10T12:00:00Z", "Sara, Sales department, Head office, All employees, Managers of Branch, Branch, Branch secretaries, Bruno, Dana, Secretaries, Office staff, Bob")]
    public void Delegations_EffectiveRolesAsThePageLists(string user, string at, string expected)
    {
        Org org = Delegations();

        string actual = EffectiveRoles(org, org.Compile(), user, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(Sorted(expected.Split(", ")), actual);
    }

    [Theory]
    [InlineData("Dana")]
    [InlineData("Sara")]
    public void Delegations_EffectiveRolesValidUntilTheDelegationEnds(string user)
    {
        Org org = Delegations();

        AccessPrincipal principal = org.Compile().GetPrincipal(org.UserId(user), Now);

        Assert.Equal(s_delegationEnd, principal.EffectiveRolesValidUntil);
    }

    private static Org Delegations() =>
        Organization()
            .Delegate("Bob", "Dana", s_delegationEnd)
            .Delegate("Helen", "Bob")
            .Delegate("Sales department", "Bruno");
}
