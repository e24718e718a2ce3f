using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Dense indexes for admin units: roles take <c>[0, RoleCount)</c>, users <c>[RoleCount, RoleCount + UserCount)</c>,
/// each part sorted by id so that compiling does not depend on the order rows are given in.</summary>
internal sealed class UnitTable
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UnitTable(AccessModel model)
    {
        Roles = [.. model.Roles.OrderBy(r => r.Id.Value)];
        Users = [.. model.Users.OrderBy(u => u.Id.Value)];
        RoleCount = Roles.Length;
        UserCount = Users.Length;
        Ids = new AdminUnitId[RoleCount + UserCount];
        var index = new Dictionary<AdminUnitId, int>(Ids.Length);
        for (int i = 0; i < RoleCount; i++)
        {
            Ids[i] = Roles[i].Id;
            index.Add(Roles[i].Id, i);
        }

        for (int i = 0; i < UserCount; i++)
        {
            Ids[RoleCount + i] = Users[i].Id;
            index.Add(Users[i].Id, RoleCount + i);
        }

        IndexOf = index.ToFrozenDictionary();
        Parent = new int[RoleCount];
        for (int i = 0; i < RoleCount; i++)
        {
            Parent[i] = Roles[i].Parent is { } parent ? index[parent] : -1;
        }
    }

    public RoleDefinition[] Roles { get; }

    public UserDefinition[] Users { get; }

    public int RoleCount { get; }

    public int UserCount { get; }

    /// <summary>Gets the id of each unit by index.</summary>
    public AdminUnitId[] Ids { get; }

    /// <summary>Gets the parent role index of each role, or -1.</summary>
    public int[] Parent { get; }

    public FrozenDictionary<AdminUnitId, int> IndexOf { get; }

    public int UnitCount => Ids.Length;

    public bool IsRole(int unit) => unit < RoleCount;

    public int UnitOfUser(int user) => RoleCount + user;

    public int UserOfUnit(int unit) => unit - RoleCount;
}
