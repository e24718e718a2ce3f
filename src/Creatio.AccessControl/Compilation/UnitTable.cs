using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl.Compilation;

/// <summary>Dense indexes for admin units: roles take <c>[0, RoleCount)</c>, users <c>[RoleCount, RoleCount + UserCount)</c>,
/// each part sorted by id so that compiling does not depend on the order rows are given in.</summary>
internal sealed class UnitTable
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UnitTable(AccessModel model)
    {
        // Each part sorted by id through a permutation, so that the unit of each model row's place comes with it.
        int[] roleOrder = SortedOrder(model.Roles, static r => r.Id.Value);
        int[] userOrder = SortedOrder(model.Users, static u => u.Id.Value);
        RoleCount = roleOrder.Length;
        UserCount = userOrder.Length;
        Roles = new RoleDefinition[RoleCount];
        Users = new UserDefinition[UserCount];
        ModelUnit = new int[UserCount + RoleCount];
        Ids = new AdminUnitId[RoleCount + UserCount];
        var index = new Dictionary<AdminUnitId, int>(Ids.Length);
        for (int i = 0; i < RoleCount; i++)
        {
            Roles[i] = model.Roles[roleOrder[i]];
            ModelUnit[UserCount + roleOrder[i]] = i;
            Ids[i] = Roles[i].Id;
            index.Add(Roles[i].Id, i);
        }

        for (int i = 0; i < UserCount; i++)
        {
            Users[i] = model.Users[userOrder[i]];
            ModelUnit[userOrder[i]] = RoleCount + i;
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

    /// <summary>Gets the unit index of each admin unit by its number in the model's validation index
    /// (<see cref="ModelIndex.Units"/>): a user's place among the model's users, or the number of users plus a role's place
    /// among the model's roles.</summary>
    public int[] ModelUnit { get; }

    public int UnitCount => Ids.Length;

    public bool IsRole(int unit) => unit < RoleCount;

    public int UnitOfUser(int user) => RoleCount + user;

    public int UserOfUnit(int unit) => unit - RoleCount;

    /// <summary>The unit index of an admin unit of the model: through the model's validation index, without hashing the id
    /// again when the index has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int UnitOf(AccessModel model, AdminUnitId id) =>
        model.Index.Units.TryGetValue(id.Value, out int number) && unchecked((uint)number < (uint)ModelUnit.Length) ? ModelUnit[number] : IndexOf[id];

    /// <summary>The places of some rows in order of their ids (ids are distinct in a valid model).</summary>
    private static int[] SortedOrder<T>(ImmutableArray<T> rows, Func<T, Guid> idOf)
    {
        var ids = new Guid[rows.Length];
        var order = new int[rows.Length];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = idOf(rows[i]);
            order[i] = i;
        }

        Array.Sort(ids, order);
        return order;
    }
}
