using System.Runtime.CompilerServices;

namespace Creatio.AccessControl;

/// <summary>What <see cref="AccessPrincipal.GetRecordFilter(ObjectName, RecordOperation)"/> needs of a snapshot beyond the
/// user's effective roles: the direct user members of each organizational role, and the employees (the members of All
/// employees). Built once per snapshot, on the first filter, so that a filter costs the user's roles and the members of
/// the roles they manage, never a scan of every user and membership.</summary>
/// <remarks>This type is immutable once built and safe for concurrent use; two threads may build it at once, one copy is kept.</remarks>
internal sealed class RecordFilterIndex
{
    private static readonly ConditionalWeakTable<AccessSnapshot, RecordFilterIndex> s_indexes = [];

    private readonly Dictionary<AdminUnitId, UserId[]> _directMembers;
    private readonly UserId[] _employees;

    private RecordFilterIndex(AccessSnapshot snapshot)
    {
        var members = new Dictionary<AdminUnitId, List<UserId>>();
        foreach (RoleMembership membership in snapshot.Model.Memberships)
        {
            if (snapshot.TryGetUnit(membership.Role, out int role) && snapshot.Units.IsRole(role) && snapshot.Units.Roles[role].IsOrganizational)
            {
                AdminUnitId id = membership.Role;
                (members.TryGetValue(id, out List<UserId>? list) ? list : members[id] = []).Add(membership.User);
            }
        }

        _directMembers = members.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray());
        _employees = [.. snapshot.Model.Users.Where(user => !user.IsExternal).Select(user => user.Id)];
    }

    /// <summary>Returns the index of a snapshot, building it on first use.</summary>
    public static RecordFilterIndex Of(AccessSnapshot snapshot) => s_indexes.GetValue(snapshot, static s => new RecordFilterIndex(s));

    /// <summary>Adds the users whose records a manager of <paramref name="role"/> holds implicitly: its direct members (an
    /// organizational role's), and every employee for All employees, whose members are implicit.</summary>
    public void AddMembers(AdminUnitId role, HashSet<UserId> users)
    {
        if (role == BuiltInRoles.AllEmployees)
        {
            users.UnionWith(_employees);
        }

        if (_directMembers.TryGetValue(role, out UserId[]? members))
        {
            users.UnionWith(members);
        }
    }
}
