using System.Text;

namespace Creatio.AccessControl;

/// <summary>A user's effective roles <c>E(u)</c>, each with the rule that brought it in and the unit it came through.</summary>
/// <remarks>Built only on request by <see cref="AccessPrincipal.ExplainEffectiveRoles"/>, by the same computation that
/// compiles <c>E(u)</c>: its units are exactly <see cref="AccessPrincipal.EffectiveRoles"/>.</remarks>
public sealed record EffectiveRolesExplanation
{
    /// <summary>Creates the explanation of a user's effective roles.</summary>
    /// <param name="User">The user.</param>
    /// <param name="SnapshotVersion">The version of the snapshot the roles were compiled in.</param>
    /// <param name="Roles">Each unit of <c>E(u)</c> with its origin, in the order the rules found them; empty for an
    /// unknown user.</param>
    public EffectiveRolesExplanation(UserId User, long SnapshotVersion, IReadOnlyList<EffectiveRoleOrigin> Roles)
    {
        this.User = User;
        this.SnapshotVersion = SnapshotVersion;
        this.Roles = Roles;
    }

    /// <summary>Gets the user.</summary>
    public UserId User { get; init; }

    /// <summary>Gets the version of the snapshot the roles were compiled in.</summary>
    public long SnapshotVersion { get; init; }

    /// <summary>Gets each unit of <c>E(u)</c> with its origin, in the order the rules found them; empty for an unknown user.</summary>
    public IReadOnlyList<EffectiveRoleOrigin> Roles { get; init; }

    /// <summary>Returns the explanation as readable text, one line per unit.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var names = new Dictionary<AdminUnitId, string>(Roles.Count);
        foreach (EffectiveRoleOrigin origin in Roles)
        {
            names[origin.Unit] = origin.Name;
        }

        var text = new StringBuilder();
        text.Append("Effective roles of ").Append(User).Append(" (snapshot ").Append(SnapshotVersion).Append("): ").Append(Roles.Count).Append('\n');
        foreach (EffectiveRoleOrigin origin in Roles)
        {
            text.Append("  ").Append(origin.Name).Append(": ").Append(origin.Describe(unit => names.TryGetValue(unit, out string? name) ? name : unit.ToString())).Append('\n');
        }

        return text.ToString();
    }
}
