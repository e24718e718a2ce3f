using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Computes the origins of a subject's effective roles with the compiler of <c>E(u)</c> and a recording sink, and
/// names them.</summary>
internal static class EffectiveRoleOrigins
{
    /// <summary>Each unit of the subject's <c>E(u)</c>, with the rule that brought it in, in the order found.</summary>
    public static IReadOnlyList<EffectiveRoleOrigin> Of(AccessSnapshot snapshot, SubjectIndex subject)
    {
        EffectiveRoleTable roles = snapshot.Roles;
        UnitTable units = snapshot.Units;
        var recorder = new ProvenanceRecorder(units.UnitCount, roles.SubjectEndsAt[subject.Value]);
        new EffectiveRoleCompiler(roles.Graph, roles.Memo).Subjects(roles.UserOf(subject).Value, recorder);
        var origins = new EffectiveRoleOrigin[recorder.Origins.Count];
        for (int i = 0; i < origins.Length; i++)
        {
            (int unit, EffectiveRoleRule rule, int via) = recorder.Origins[i];
            origins[i] = new EffectiveRoleOrigin(units.Ids[unit], Name(units, unit), rule, via < 0 ? null : units.Ids[via]);
        }

        return origins;
    }

    /// <summary>The name of a unit: a role's or a user's.</summary>
    public static string Name(UnitTable units, int unit) =>
        units.IsRole(unit) ? units.Roles[unit].Name : units.Users[units.UserOfUnit(unit)].Name;
}
