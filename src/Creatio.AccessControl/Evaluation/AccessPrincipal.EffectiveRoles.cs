namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>Explains the user's effective roles: each unit of <see cref="EffectiveRoles"/> with the rule that brought it
    /// in (membership, inheritance, functional link, manager unit, delegation) and the unit it came through.</summary>
    /// <returns>The explanation, computed by the same code that compiles <c>E(u)</c>; for an unknown user, no roles.</returns>
    /// <remarks>This method allocates and recomputes the user's set; the checks never do.</remarks>
    public EffectiveRolesExplanation ExplainEffectiveRoles() =>
        new(User, _snapshot?.Version ?? 0, IsKnown ? EffectiveRoleOrigins.Of(_snapshot!, _subject) : []);
}
