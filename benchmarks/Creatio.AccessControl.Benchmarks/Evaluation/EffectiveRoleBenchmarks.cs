using BenchmarkDotNet.Attributes;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks;

/// <summary>Membership tests on <c>E(u)</c>, principal resolution and enumeration, on the full reference workload.</summary>
/// <remarks>
/// The loops walk <see cref="Pairs"/> precomputed (user, unit) pairs: users uniform, units half drawn from the user's
/// <c>E(u)</c> and half uniform over the workload's roles, so branches are not predictable and the users' bit sets
/// come from many cache lines. Figures are per test.
/// </remarks>
[MemoryDiagnoser]
public class EffectiveRoleBenchmarks
{
    private const int Pairs = 1024;

    private AccessSnapshot _snapshot = AccessSnapshot.Empty;
    private AccessPrincipal[] _principals = [];
    private int[] _units = [];
    private AdminUnitId[] _unitIds = [];
    private UserId[] _users = [];
    private AccessPrincipal _averageUser;
    private AccessPrincipal _largestUser;

    [GlobalSetup]
    public void Setup()
    {
        LoadedWorkload loaded = LoadedWorkload.Load("full");
        ReferenceWorkload workload = loaded.Workload;
        _snapshot = loaded.Snapshot;
        _principals = new AccessPrincipal[Pairs];
        _units = new int[Pairs];
        _unitIds = new AdminUnitId[Pairs];
        _users = new UserId[Pairs];
        var random = new Random(20250601);
        for (int i = 0; i < Pairs; i++)
        {
            int user = random.Next(workload.UserCount);
            int[] effective = loaded.WorkloadRolesOf(user);
            int role = i % 2 == 0 ? effective[random.Next(effective.Length)] : random.Next(workload.RoleCount);
            _principals[i] = loaded.Principals[user];
            _users[i] = loaded.Model.UserIds[user];
            _units[i] = loaded.RoleUnits[role];
            _unitIds[i] = loaded.Model.RoleIds[role];
        }

        (int average, int largest) = loaded.TypicalUsers();
        _averageUser = loaded.Principals[average];
        _largestUser = loaded.Principals[largest];
    }

    /// <summary>The index path the evaluator takes: <c>principal.HasUnit(int)</c>.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public int HasUnit()
    {
        AccessPrincipal[] principals = _principals;
        int[] units = _units;
        int found = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].HasUnit(units[i]))
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>The same tests by id, through the public <see cref="AccessPrincipal.HasEffectiveRole"/>.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int HasEffectiveRole()
    {
        AccessPrincipal[] principals = _principals;
        AdminUnitId[] units = _unitIds;
        int found = 0;
        for (int i = 0; i < principals.Length; i++)
        {
            if (principals[i].HasEffectiveRole(units[i]))
            {
                found++;
            }
        }

        return found;
    }

    /// <summary>Resolving a user at an instant, as a host does once per request.</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public int GetPrincipal()
    {
        UserId[] users = _users;
        int known = 0;
        for (int i = 0; i < users.Length; i++)
        {
            if (_snapshot.GetPrincipal(users[i], LoadedWorkload.Now).IsKnown)
            {
                known++;
            }
        }

        return known;
    }

    /// <summary>Enumerating <c>E(u)</c> of the user whose set size is nearest the mean (about 14 units).</summary>
    [Benchmark]
    public int EnumerateAverageUser() => Enumerate(_averageUser);

    /// <summary>Enumerating <c>E(u)</c> of the user with the largest set (a manager-role holder, 477 workload roles; no
    /// user holds <c>M0</c> in the workload).</summary>
    [Benchmark]
    public int EnumerateLargestUser() => Enumerate(_largestUser);

    private static int Enumerate(AccessPrincipal principal)
    {
        int count = 0;
        foreach (AdminUnitId unit in principal.EffectiveRoles)
        {
            count += unit.Value == Guid.Empty ? 0 : 1;
        }

        return count;
    }
}
