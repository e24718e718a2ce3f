namespace Creatio.AccessControl.Compilation;

/// <summary>What the computation of <c>E(u)</c> (<see cref="EffectiveRoleCompiler"/>) reports as it builds one user's set:
/// each unit added, with the rule that added it and the unit it came through. Compiling passes
/// <see cref="NoProvenance"/>, whose members are constants the JIT folds away; explaining passes a
/// <see cref="ProvenanceRecorder"/>. The compiler decides; a sink only looks, so the provenance is of the set compiled.</summary>
internal interface IEffectiveRoleSink
{
    /// <summary>Gets whether the sink records; when it does not, the compiler skips finding what each step added.</summary>
    bool IsRecording { get; }

    /// <summary>Whether the sink records the delegations (rule 6) of the subject whose interval ends at
    /// <paramref name="endsAt"/> (UTC ticks, <see cref="long.MaxValue"/> for none).</summary>
    bool RecordsInterval(long endsAt);

    /// <summary>A unit was added to the set being built.</summary>
    /// <param name="unit">The unit index.</param>
    /// <param name="rule">The rule that added it.</param>
    /// <param name="via">The unit index it came through, or -1 (rules 1 and 2).</param>
    void Added(int unit, EffectiveRoleRule rule, int via);
}

/// <summary>The sink of compiling: records nothing, costs nothing.</summary>
internal readonly struct NoProvenance : IEffectiveRoleSink
{
    public bool IsRecording => false;

    public bool RecordsInterval(long endsAt) => false;

    public void Added(int unit, EffectiveRoleRule rule, int via)
    {
    }
}

/// <summary>Records, for one subject, each unit of <c>E(u)</c> with the first rule that brought it in, in the order found.</summary>
internal sealed class ProvenanceRecorder(int unitCount, long intervalEndsAt) : IEffectiveRoleSink
{
    private readonly bool[] _seen = new bool[unitCount];
    private readonly List<(int Unit, EffectiveRoleRule Rule, int Via)> _origins = [];

    /// <summary>Gets each unit recorded with its rule and the unit it came through (-1 for none), in the order found.</summary>
    public IReadOnlyList<(int Unit, EffectiveRoleRule Rule, int Via)> Origins => _origins;

    public bool IsRecording => true;

    public bool RecordsInterval(long endsAt) => endsAt == intervalEndsAt;

    public void Added(int unit, EffectiveRoleRule rule, int via)
    {
        // A unit can reach a set twice (the user's own unit among the users a manager unit obtains): the first way counts.
        if (!_seen[unit])
        {
            _seen[unit] = true;
            _origins.Add((unit, rule, via));
        }
    }
}
