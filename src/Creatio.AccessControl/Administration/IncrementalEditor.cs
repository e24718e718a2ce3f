using System.Collections.Immutable;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Applies the changes of one batch to a snapshot without recompiling it whole: each change that can proves its
/// own validity against the snapshot and replaces only the tables it touches.</summary>
/// <remarks>A change that cannot (a new unit, a rule it does not know how to check locally, or anything that would make
/// the model invalid or would be refused) returns <see langword="false"/>, and the batch takes the full path from the
/// snapshot before it, which validates the whole model and reports every problem. So this path never decides a refusal
/// and never accepts what the full path would reject.</remarks>
internal sealed class IncrementalEditor(AccessSnapshot snapshot)
{
    // Shares and unshares kept beside the base array before it is rebuilt, bounding the cost of materializing it.
    private const int MaxPendingRecordRights = 8192;

    /// <summary>Gets or sets the snapshot after the changes applied so far (at the version of the snapshot before them).</summary>
    public AccessSnapshot Snapshot { get; set; } = snapshot;

    /// <summary>Gets what the current change replaced or removed, as text, for the audit trail.</summary>
    public List<string> Before { get; } = [];

    /// <summary>Finds an object's compiled tables.</summary>
    public bool TryGetObject(ObjectName name, out int index, out CompiledObject compiled)
    {
        if (name.Value is not null && Snapshot.ObjectIndex.TryGetValue(name.Value, out index))
        {
            compiled = Snapshot.Objects[index];
            return true;
        }

        index = -1;
        compiled = null!;
        return false;
    }

    /// <summary>Gets the record rights of the current model, rebased when too many edits are pending.</summary>
    public RecordRightList RecordRights()
    {
        RecordRightList rights = Snapshot.Model.RecordRights;
        return rights.EditCount < MaxPendingRecordRights ? rights : RecordRightList.Over(rights.Materialize());
    }

    /// <summary>Adds or removes a direct membership: valid when the user and the role exist, a portal user's role is All
    /// portal users or below it, and the membership is absent (or present, to remove it).</summary>
    public bool TryChangeMembership(RoleMembership membership, bool member)
    {
        AccessSnapshot snapshot = Snapshot;
        UnitTable units = snapshot.Units;
        if (!units.IndexOf.TryGetValue(membership.User, out int user) || units.IsRole(user) ||
            !units.IndexOf.TryGetValue(membership.Role, out int role) || !units.IsRole(role))
        {
            return false;
        }

        if (member && units.Users[units.UserOfUnit(user)].IsExternal && !IsUnderAllPortalUsers(units, role))
        {
            return false;
        }

        // One pass: whether the row is there (a model may repeat it) and, to remove it, the memberships without it.
        AccessModel model = snapshot.Model;
        ImmutableArray<RoleMembership> memberships = model.Memberships;
        ImmutableArray<RoleMembership>.Builder? kept = member ? null : ImmutableArray.CreateBuilder<RoleMembership>(memberships.Length);
        int found = 0;
        foreach (RoleMembership existing in memberships)
        {
            if (existing.User == membership.User && existing.Role == membership.Role)
            {
                found++;
            }
            else
            {
                kept?.Add(existing);
            }
        }

        if (member == (found > 0))
        {
            return false;
        }

        for (int i = 0; i < found; i++)
        {
            Before.Add(membership.ToString());
        }

        AccessModel changed = model.WithMemberships(kept is null ? memberships.Add(membership) : kept.ToImmutable());
        AccessSnapshot? next = snapshot.WithMembership(changed, user, role, member);
        if (next is null)
        {
            return false;
        }

        Snapshot = next;
        return true;
    }

    private static bool IsUnderAllPortalUsers(UnitTable units, int role)
    {
        int allPortalUsers = units.IndexOf[BuiltInRoles.AllPortalUsers];
        for (int current = role; current >= 0; current = units.Parent[current])
        {
            if (current == allPortalUsers)
            {
                return true;
            }
        }

        return false;
    }
}
