namespace Creatio.AccessControl.Benchmarks.Workload;

/// <summary>A reference workload parsed, mapped and compiled, with the helpers benchmarks draw their inputs from.</summary>
internal sealed class LoadedWorkload
{
    /// <summary>The instant every benchmark resolves principals at.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private LoadedWorkload(ReferenceWorkloadModel model, AccessSnapshot snapshot)
    {
        Model = model;
        Snapshot = snapshot;
        Principals = [.. model.UserIds.Select(u => snapshot.GetPrincipal(u, Now))];
        RoleUnits = new int[model.RoleIds.Length];
        for (int r = 0; r < RoleUnits.Length; r++)
        {
            if (!snapshot.TryGetUnit(model.RoleIds[r], out RoleUnits[r]))
            {
                throw new InvalidOperationException($"The snapshot does not know role {model.Workload.RoleName(r)}.");
            }
        }
    }

    public ReferenceWorkloadModel Model { get; }

    public ReferenceWorkload Workload => Model.Workload;

    public AccessSnapshot Snapshot { get; }

    /// <summary>Gets the principal of each user number, resolved once at <see cref="Now"/>.</summary>
    public AccessPrincipal[] Principals { get; }

    /// <summary>Gets the snapshot unit index of each workload role.</summary>
    public int[] RoleUnits { get; }

    public static LoadedWorkload Load(string size)
    {
        var model = new ReferenceWorkloadModel(ReferenceWorkload.Load(size));
        return new LoadedWorkload(model, AccessSnapshot.Compile(model.CreateBuilder().Build()));
    }

    /// <summary>Returns the workload roles in a user's <c>E(u)</c>.</summary>
    public int[] WorkloadRolesOf(int user)
    {
        var roles = new List<int>();
        for (int r = 0; r < RoleUnits.Length; r++)
        {
            if (Principals[user].HasUnit(RoleUnits[r]))
            {
                roles.Add(r);
            }
        }

        return [.. roles];
    }

    /// <summary>Returns the user whose <c>E(u)</c> size is nearest the mean, and the user with the largest one.</summary>
    public (int Average, int Largest) TypicalUsers()
    {
        double mean = Principals.Average(p => p.EffectiveRoles.Count);
        int average = 0;
        int largest = 0;
        for (int u = 1; u < Principals.Length; u++)
        {
            int count = Principals[u].EffectiveRoles.Count;
            if (Math.Abs(count - mean) < Math.Abs(Principals[average].EffectiveRoles.Count - mean))
            {
                average = u;
            }

            if (count > Principals[largest].EffectiveRoles.Count)
            {
                largest = u;
            }
        }

        return (average, largest);
    }
}
