namespace Creatio.AccessControl;

/// <summary>One admin unit of a user's effective roles <c>E(u)</c> and how it got there: the rule of
/// <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>
/// that brought it in and the unit it came through.</summary>
/// <remarks>A unit that several rules bring in is listed once, with the first way the computation of <c>E(u)</c> found
/// (rules 1–4 before 5, 5 before 6).</remarks>
public sealed record EffectiveRoleOrigin
{
    /// <summary>Creates the origin of one effective role.</summary>
    /// <param name="Unit">The admin unit in <c>E(u)</c>.</param>
    /// <param name="Name">The unit's name.</param>
    /// <param name="Rule">The rule that brought the unit in.</param>
    /// <param name="Via">The unit it came through: for <see cref="EffectiveRoleRule.Inheritance"/> the role it is an
    /// ancestor of, for <see cref="EffectiveRoleRule.FunctionalLink"/> the linked organizational role, for
    /// <see cref="EffectiveRoleRule.Manager"/> the manager unit, for <see cref="EffectiveRoleRule.Delegation"/> the grantor;
    /// <see langword="null"/> for the user's own unit and direct memberships.</param>
    public EffectiveRoleOrigin(AdminUnitId Unit, string Name, EffectiveRoleRule Rule, AdminUnitId? Via)
    {
        this.Unit = Unit;
        this.Name = Name;
        this.Rule = Rule;
        this.Via = Via;
    }

    /// <summary>Gets the admin unit in <c>E(u)</c>.</summary>
    public AdminUnitId Unit { get; init; }

    /// <summary>Gets the unit's name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the rule that brought the unit in.</summary>
    public EffectiveRoleRule Rule { get; init; }

    /// <summary>Gets the unit it came through (the child role, the linked organizational role, the manager unit or the
    /// grantor); <see langword="null"/> for the user's own unit and direct memberships.</summary>
    public AdminUnitId? Via { get; init; }

    /// <summary>Says how the unit came into <c>E(u)</c>, in words (for example <c>ancestor of Sales</c>).</summary>
    /// <param name="nameOf">Names the unit it came through; <see langword="null"/> writes its id.</param>
    /// <returns>The words.</returns>
    public string Describe(Func<AdminUnitId, string>? nameOf = null)
    {
        string ViaName() => Via is { } via ? nameOf?.Invoke(via) ?? via.ToString() : string.Empty;
        return Rule switch
        {
            EffectiveRoleRule.Self => "the user",
            EffectiveRoleRule.DirectMembership => "direct membership",
            EffectiveRoleRule.BuiltInMembership => "built-in membership (every employee)",
            EffectiveRoleRule.Inheritance => $"ancestor of {ViaName()}",
            EffectiveRoleRule.FunctionalLink => $"functional link from {ViaName()}",
            EffectiveRoleRule.Manager => $"through manager unit {ViaName()}",
            EffectiveRoleRule.Delegation => $"delegated by {ViaName()}",
            _ => Rule.ToString(),
        };
    }
}
