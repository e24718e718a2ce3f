namespace Creatio.AccessControl.Compilation;

/// <summary>What computing <c>E(u)</c> remembers for the membership changes after it: what each manager unit manages, and
/// the own roles (rules 1–4) of each user who belongs to a manager unit. Never changed once made.</summary>
/// <param name="Managed">The roles and users each manager unit's members obtain (rule 5), by manager unit.</param>
/// <param name="OwnRoles">The closure of the direct roles of each user who directly belongs to a manager unit, by user
/// ordinal: a deep manager's own roles are as long as the tree is deep, and walking them again for every change above
/// would cost the depth once per manager.</param>
internal sealed record EffectiveRoleMemo(
    IReadOnlyDictionary<int, (ulong[] Roles, ulong[] Users)> Managed,
    IReadOnlyDictionary<int, ulong[]> OwnRoles)
{
    /// <summary>Gets a memo that remembers nothing.</summary>
    public static EffectiveRoleMemo Empty { get; } = new(new Dictionary<int, (ulong[], ulong[])>(), new Dictionary<int, ulong[]>());
}
