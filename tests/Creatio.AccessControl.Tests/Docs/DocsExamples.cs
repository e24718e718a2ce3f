using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The example organization of <c>docs/effective-roles.md</c>, which the examples of every page in <c>docs/</c>
/// use, and a way to write a decision as the pages do.</summary>
internal static class DocsExamples
{
    /// <summary>The instant the pages' examples are decided at, unless they say otherwise.</summary>
    public static readonly DateTimeOffset Now = new(2025, 3, 10, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The example organization, exactly as the tree in <c>docs/effective-roles.md</c> draws it.</summary>
    public static Org Organization()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Managers("Head office")
            .Role("Sales department", "Head office")
            .Role("Head office secretaries", "Head office")
            .Organization("Branch", "All employees")
            .Managers("Branch")
            .Role("Branch secretaries", "Branch")
            .Functional("Office staff")
            .Functional("Secretaries", "Office staff")
            .Link("Secretaries", "Head office secretaries")
            .Link("Secretaries", "Branch secretaries")
            .Role("Security admins", "System administrators", AdminUnitKind.Team)
            .Organization("Acme", "All portal users")
            .User("Carl", "Head office")
            .User("Irene", "Head office", "System administrators")
            .User("Ann", "Managers of Head office")
            .User("Amy", "Managers of Head office")
            .User("Bob", "Sales department")
            .User("Sara", "Sales department", "Managers of Branch")
            .User("Dev", "Sales department", "Security admins")
            .User("Helen", "Head office secretaries")
            .User("Dana", "Branch")
            .User("Bruno", "Branch secretaries")
            .Portal("Pat", "Acme")
            .Portal("Quinn", "Acme")
            .Portal("Pia", "Acme");
        AccountId acme = Ids.Account("Acme");
        Replace(org.Builder.Roles, r => r.Id == org["Acme"], r => r with { Account = acme });
        Replace(org.Builder.Users, u => u.Id == org.UserId("Pat"), u => u with { Account = acme });
        Replace(org.Builder.Users, u => u.Id == org.UserId("Quinn"), u => u with { Account = acme });
        return org;
    }

    /// <summary>A decision as the pages write it: <c>Allow at Object: ObjectRowAllows (Sales managers, 0)</c>, the grantee
    /// by name and the position when there is one.</summary>
    public static string Describe(Org org, AccessDecision decision)
    {
        string text = $"{decision.Outcome} at {decision.Stage}: {decision.Reason}";
        if (decision.Grantee is { } grantee)
        {
            text += decision.Position is { } position ? $" ({org.Label(grantee)}, {position})" : $" ({org.Label(grantee)})";
        }

        return text;
    }

    /// <summary>The administration API over <paramref name="evaluator"/>, without a store.</summary>
    /// <remarks>Made here rather than in a <c>using</c> statement, so that the tests do not depend on whether the API is
    /// disposable.</remarks>
    public static AccessAdministration NewAdministration(AccessEvaluator evaluator, IEnumerable<IAccessAuditSink>? auditSinks = null) =>
        new(evaluator, auditSinks: auditSinks);

    /// <summary>The names of <c>E(u)</c>, sorted and joined with ", ".</summary>
    public static string EffectiveRoles(Org org, AccessSnapshot snapshot, string user, DateTimeOffset? now = null) =>
        string.Join(", ", org.EffectiveRoles(snapshot, user, now ?? Now));

    /// <summary>Sorts and joins names the way <see cref="EffectiveRoles"/> does, so that a page's list can be written in
    /// the page's order.</summary>
    public static string Sorted(params string[] names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private static void Replace<T>(IList<T> list, Func<T, bool> match, Func<T, T> change)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (match(list[i]))
            {
                list[i] = change(list[i]);
            }
        }
    }
}
