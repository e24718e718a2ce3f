using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary><see cref="AccessPrincipal.ExplainEffectiveRoles"/>: each unit of <c>E(u)</c> with the rule that brought it in
/// and the unit it came through, one test per rule, and its use in <see cref="AccessPrincipal.Explain(in AccessRequest)"/>.</summary>
public sealed class ExplainEffectiveRolesTests
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ExplainEffectiveRoles_TheUser_IsRule1WithNothingToComeThrough()
    {
        Org org = new Org().User("Bob");

        Assert.Equal((EffectiveRoleRule.Self, (string?)null), Origin(org, "Bob", "Bob"));
    }

    [Fact]
    public void ExplainEffectiveRoles_RoleTheUserWasAddedTo_IsDirectMembership()
    {
        Org org = new Org().Role("Sales", "All employees").User("Bob", "Sales");

        Assert.Equal((EffectiveRoleRule.DirectMembership, (string?)null), Origin(org, "Bob", "Sales"));
    }

    [Fact]
    public void ExplainEffectiveRoles_AllEmployeesOfAnEmployee_IsBuiltInMembership_AndAPortalUserHasNone()
    {
        Org org = new Org().Organization("Acme", "All portal users").User("Bob").Portal("Pat", "Acme");

        Assert.Equal((EffectiveRoleRule.BuiltInMembership, (string?)null), Origin(org, "Bob", "All employees"));
        Assert.DoesNotContain(Explain(org, "Pat").Roles, o => o.Unit == org.Unit("All employees"));
        EffectiveRoleOrigin external = Assert.Single(Explain(org, "Pat").Roles, o => o.Unit == org.Unit("All portal users"));
        Assert.Equal(
            (EffectiveRoleRule.Inheritance, "All external users", (string?)"Acme"),
            (external.Rule, external.Name, external.Via is { } via ? org.Label(via) : null));
    }

    [Fact]
    public void ExplainEffectiveRoles_Ancestors_AreInheritanceThroughTheirChild()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Role("Sales", "Head office")
            .Role("Sales Boston", "Sales")
            .User("Bob", "Sales Boston");

        Assert.Equal((EffectiveRoleRule.Inheritance, "Sales Boston"), Origin(org, "Bob", "Sales"));
        Assert.Equal((EffectiveRoleRule.Inheritance, "Sales"), Origin(org, "Bob", "Head office"));
    }

    [Fact]
    public void ExplainEffectiveRoles_LinkedFunctionalRole_IsFunctionalLinkThroughTheOrganizationalRole_AndItsParentInheritance()
    {
        Org org = new Org()
            .Role("Sales", "All employees")
            .Functional("Office staff")
            .Functional("Secretaries", "Office staff")
            .Link("Secretaries", "Sales")
            .User("Bob", "Sales");

        Assert.Equal((EffectiveRoleRule.FunctionalLink, "Sales"), Origin(org, "Bob", "Secretaries"));
        Assert.Equal((EffectiveRoleRule.Inheritance, "Secretaries"), Origin(org, "Bob", "Office staff"));
    }

    [Fact]
    public void ExplainEffectiveRoles_WhatAManagerObtains_IsManagerThroughTheManagerUnit()
    {
        Org org = new Org()
            .Role("Sales", "All employees")
            .Managers("Sales")
            .Role("Sales Boston", "Sales")
            .Role("Marketing", "All employees")
            .User("Mona", "Managers of Sales")
            .User("Alice", "Sales Boston", "Marketing");

        Assert.Equal((EffectiveRoleRule.DirectMembership, (string?)null), Origin(org, "Mona", "Managers of Sales"));
        Assert.Equal((EffectiveRoleRule.Inheritance, "Managers of Sales"), Origin(org, "Mona", "Sales"));
        Assert.Equal((EffectiveRoleRule.Manager, "Managers of Sales"), Origin(org, "Mona", "Sales Boston"));
        Assert.Equal((EffectiveRoleRule.Manager, "Managers of Sales"), Origin(org, "Mona", "Alice"));
        Assert.Equal((EffectiveRoleRule.Manager, "Managers of Sales"), Origin(org, "Mona", "Marketing"));
    }

    [Fact]
    public void ExplainEffectiveRoles_Delegation_IsDelegationThroughTheGrantor_WhileItLasts()
    {
        DateTimeOffset end = s_now.AddDays(1);
        Org org = new Org()
            .Role("Marketing", "All employees")
            .Role("Finance", "All employees")
            .User("Ann", "Marketing")
            .User("Bob")
            .Delegate("Ann", "Bob", end)
            .Delegate("Finance", "Bob");
        AccessSnapshot snapshot = org.Compile();

        EffectiveRolesExplanation before = snapshot.GetPrincipal(org.UserId("Bob"), end.AddTicks(-1)).ExplainEffectiveRoles();
        EffectiveRolesExplanation after = snapshot.GetPrincipal(org.UserId("Bob"), end).ExplainEffectiveRoles();

        Assert.Equal((EffectiveRoleRule.Delegation, "Ann"), Origin(org, before, "Ann"));
        Assert.Equal((EffectiveRoleRule.Delegation, "Ann"), Origin(org, before, "Marketing"));
        Assert.Equal((EffectiveRoleRule.Delegation, "Finance"), Origin(org, before, "Finance"));
        Assert.DoesNotContain(after.Roles, o => o.Unit == org.Unit("Marketing") || o.Unit == org.Unit("Ann"));
        Assert.Equal((EffectiveRoleRule.Delegation, "Finance"), Origin(org, after, "Finance"));
    }

    [Fact]
    public void ExplainEffectiveRoles_UnknownUser_ListsNothing()
    {
        AccessSnapshot snapshot = new Org().User("Bob").Compile();

        EffectiveRolesExplanation explanation = snapshot.GetPrincipal(new UserId(Guid.NewGuid()), s_now).ExplainEffectiveRoles();

        Assert.Empty(explanation.Roles);
        Assert.Empty(default(AccessPrincipal).ExplainEffectiveRoles().Roles);
    }

    [Fact]
    public void ExplainEffectiveRoles_ListsEachUnitOnce_InTheOrderTheRulesFoundThem_AsText()
    {
        Org org = new Org().Organization("Head office", "All employees").Role("Sales", "Head office").User("Bob", "Sales");

        string text = Explain(org, "Bob").ToString();

        Assert.EndsWith(
            "(snapshot 1): 4\n  Bob: the user\n  All employees: built-in membership (every employee)\n  Sales: direct membership\n  Head office: ancestor of Sales\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ListsTheEffectiveRoles_AndSaysHowTheDecidingRowsGranteeIsHeld()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Role("Sales", "Head office")
            .User("Bob", "Sales")
            .Object("Deal", operations: true)
            .ObjectRow("Deal", "Head office", 0, ObjectOperations.Read);
        AccessPrincipal bob = org.Principal("Bob", s_now);

        AccessExplanation explanation = bob.Explain(AccessRequest.ForObject("Deal", ObjectOperation.Read));

        Assert.Equal(bob.ExplainEffectiveRoles().Roles, explanation.EffectiveRoles);
        AccessExplanationRow row = Assert.Single(explanation.Steps.Single(s => s.Stage == AccessStage.Object).Rows);
        Assert.Equal(new EffectiveRoleOrigin(org.Unit("Head office"), "Head office", EffectiveRoleRule.Inheritance, org.Unit("Sales")), row.Origin);
        Assert.Contains("    > #0 Head office: Read [in effective roles: ancestor of Sales]", explanation.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"origin\":{\"rule\":\"Inheritance\",\"via\":\"" + org.Unit("Sales").Value + "\"}", explanation.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RowWhoseGranteeIsNotHeld_HasNoOrigin()
    {
        Org org = new Org()
            .Role("Sales", "All employees")
            .User("Bob")
            .Object("Deal", operations: true)
            .ObjectRow("Deal", "Sales", 0, ObjectOperations.Read);

        AccessExplanation explanation = org.Principal("Bob", s_now).Explain(AccessRequest.ForObject("Deal", ObjectOperation.Read));

        AccessExplanationRow row = Assert.Single(explanation.Steps.Single(s => s.Stage == AccessStage.Object).Rows);
        Assert.False(row.InEffectiveRoles);
        Assert.Null(row.Origin);
    }

    private static EffectiveRolesExplanation Explain(Org org, string user) => org.Principal(user, s_now).ExplainEffectiveRoles();

    private static (EffectiveRoleRule Rule, string? Via) Origin(Org org, string user, string unit) => Origin(org, Explain(org, user), unit);

    private static (EffectiveRoleRule Rule, string? Via) Origin(Org org, EffectiveRolesExplanation explanation, string unit)
    {
        EffectiveRoleOrigin origin = Assert.Single(explanation.Roles, o => o.Unit == org.Unit(unit));
        Assert.Equal(unit, origin.Name);
        return (origin.Rule, origin.Via is { } via ? org.Label(via) : null);
    }
}
