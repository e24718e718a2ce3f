using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Computes each subject's packed <see cref="SubjectState"/>: active, external, and the super operations it holds.</summary>
internal static class SubjectStates
{
    /// <summary>The state of every subject.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SubjectState[] Compute(UnitTable units, EffectiveRoleTable roles, CompiledSystemOperations operations)
    {
        var states = new SubjectState[roles.SubjectCount];
        for (int subject = 0; subject < states.Length; subject++)
        {
            states[subject] = Of(units, roles, operations, subject);
        }

        return states;
    }

    /// <summary>The state of one subject.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SubjectState Of(UnitTable units, EffectiveRoleTable roles, CompiledSystemOperations operations, int subject)
    {
        UserDefinition user = units.Users[roles.SubjectUser[subject]];
        SubjectState state = (user.IsActive ? SubjectState.Active : SubjectState.None) |
                             (user.IsExternal ? SubjectState.External : SubjectState.None);
        for (int operation = 0; operation <= (int)ObjectOperation.Delete; operation++)
        {
            if (operations.IsAllowed(operations.SuperOperations[operation], subject))
            {
                state |= OperationEncoding.Super((ObjectOperation)operation);
            }
        }

        return state;
    }
}
