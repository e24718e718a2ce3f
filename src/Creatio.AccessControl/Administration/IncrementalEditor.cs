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
    private const int MaxPendingEdits = 8192;

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
    public RecordRightEdits RecordRights() => Snapshot.Model.RecordRights.RebasedBeyond(MaxPendingEdits);

    /// <summary>Gets the memberships of the current model, rebased when too many edits are pending.</summary>
    public MembershipEdits Memberships() => Snapshot.Model.MembershipEdits.RebasedBeyond(MaxPendingEdits);

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

        // Whether the row is there (a model may repeat it); adding it appends it, removing it removes every copy.
        MembershipEdits memberships = Memberships();
        var existing = new List<RoleMembership>();
        memberships.RowsOf(membership, existing);
        if (member == (existing.Count > 0))
        {
            return false;
        }

        foreach (RoleMembership removed in existing)
        {
            Before.Add(removed.ToString());
        }

        AccessModel changed = snapshot.Model.WithMemberships(member ? memberships.Set(membership) : memberships.Remove(membership));
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
