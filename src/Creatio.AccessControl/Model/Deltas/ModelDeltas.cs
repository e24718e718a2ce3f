using System.Collections.Immutable;

namespace Creatio.AccessControl;

/// <summary>Applies the common small deltas (memberships, record rights, an object's operation rows) to a valid model
/// without copying or validating it whole: each edited row is checked by the rule the whole-model validator applies to
/// every row of its list (<see cref="AccessModelValidator.ForEdits"/>), against the lookups of the model before.</summary>
/// <remarks>Any other edit, an edit that does not apply, or a row a rule refuses gives <see langword="null"/>, and the
/// caller takes the whole path, which reports every problem. So this path never decides a refusal and never accepts what
/// the whole path would refuse.</remarks>
internal static class ModelDeltas
{
    // Shares and unshares kept beside the base array before it is rebuilt, bounding the cost of materializing it.
    private const int MaxPendingEdits = 8192;

    public static AccessModel? TryApplyLocally(AccessModel model, AccessModelDelta delta)
    {
        foreach (AccessModelEdit edit in delta.Edits)
        {
            if (edit is not (AddMembershipEdit or RemoveMembershipEdit or PutRecordRightEdit or RemoveRecordRightEdit or ReplaceObjectOperationRowsEdit))
            {
                return null;
            }
        }

        AccessModelValidator rules = AccessModelValidator.ForEdits(model.Index);
        AccessModel? current = model;
        for (int i = 0; i < delta.Edits.Count && current is not null; i++)
        {
            current = delta.Edits[i] switch
            {
                AddMembershipEdit add => ChangeMembership(current, rules, add.Membership, member: true),
                RemoveMembershipEdit remove => ChangeMembership(current, rules, remove.Membership, member: false),
                PutRecordRightEdit put => PutRecordRight(current, rules, put.Right),
                RemoveRecordRightEdit { Source: null } remove => RemoveRecordRight(current, new RecordRightKey(remove.Object, remove.Record, remove.Grantee, remove.Operation)),
                ReplaceObjectOperationRowsEdit replace => ReplaceObjectOperationRows(current, rules, replace.Object, replace.Rows),
                _ => null,
            };
        }

        return current;
    }

    private static AccessModel? ChangeMembership(AccessModel model, AccessModelValidator rules, RoleMembership membership, bool member)
    {
        MembershipEdits memberships = model.MembershipEdits.RebasedBeyond(MaxPendingEdits);
        var existing = new List<RoleMembership>();
        memberships.RowsOf(membership, existing);
        if (member == (existing.Count > 0))
        {
            return null;
        }

        if (member)
        {
            rules.CheckMembership(membership, 0);
            if (rules.HasErrors)
            {
                return null;
            }
        }

        return model.WithMemberships(member ? memberships.Set(membership) : memberships.Remove(membership));
    }

    private static AccessModel? PutRecordRight(AccessModel model, AccessModelValidator rules, RecordRightRow right)
    {
        rules.CheckRecordRightRow(right, 0);
        return rules.HasErrors ? null : model.WithRecordRights(model.RecordRights.RebasedBeyond(MaxPendingEdits).Set(right));
    }

    private static AccessModel? RemoveRecordRight(AccessModel model, RecordRightKey key)
    {
        RecordRightEdits rights = model.RecordRights.RebasedBeyond(MaxPendingEdits);
        var existing = new List<RecordRightRow>();
        rights.RowsOf(key, existing);
        return existing.Count == 0 ? null : model.WithRecordRights(rights.Remove(key));
    }

    private static AccessModel? ReplaceObjectOperationRows(AccessModel model, AccessModelValidator rules, ObjectName objectName, IReadOnlyList<ObjectOperationRow> rows)
    {
        var positions = new HashSet<(ObjectName, int)>();
        foreach (ObjectOperationRow row in rows)
        {
            if (row.Object != objectName)
            {
                return null;
            }

            rules.CheckObjectOperationRow(row, 0, positions);
        }

        if (rules.HasErrors || !model.Index.Objects.ContainsKey(objectName))
        {
            return null;
        }

        // The other objects' rows in order, then these, once the list is read.
        return model.WithObjectOperationRows(model.ObjectRowEdits.Replace(objectName, [.. rows]));
    }
}
