using System.Text.Json.Serialization;

namespace Creatio.AccessControl;

/// <summary>One row-level edit of an access model, part of an <see cref="AccessModelDelta"/>.</summary>
/// <remarks>
/// <para>An edit names the rows it adds, replaces or removes by value; it holds no reference to a model or a snapshot,
/// so it can be stored, sent and applied to another copy of the same model. An edit that removes a row requires the row
/// to be there, and one that adds a membership, link or delegation requires it to be absent: applied to another model
/// than the one it was made on, it fails rather than silently doing something else.</para>
/// <para>Edits are immutable. In JSON each is an object whose <c>kind</c> member names the edit.</para>
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AddMembershipEdit), "addMembership")]
[JsonDerivedType(typeof(RemoveMembershipEdit), "removeMembership")]
[JsonDerivedType(typeof(AddFunctionalLinkEdit), "addFunctionalLink")]
[JsonDerivedType(typeof(RemoveFunctionalLinkEdit), "removeFunctionalLink")]
[JsonDerivedType(typeof(AddDelegationEdit), "addDelegation")]
[JsonDerivedType(typeof(RemoveDelegationEdit), "removeDelegation")]
[JsonDerivedType(typeof(PutUserEdit), "putUser")]
[JsonDerivedType(typeof(RemoveUserEdit), "removeUser")]
[JsonDerivedType(typeof(PutRoleEdit), "putRole")]
[JsonDerivedType(typeof(RemoveRoleEdit), "removeRole")]
[JsonDerivedType(typeof(PutObjectEdit), "putObject")]
[JsonDerivedType(typeof(PutRecordEdit), "putRecord")]
[JsonDerivedType(typeof(RemoveRecordEdit), "removeRecord")]
[JsonDerivedType(typeof(PutSystemOperationEdit), "putSystemOperation")]
[JsonDerivedType(typeof(PutWorkplaceEdit), "putWorkplace")]
[JsonDerivedType(typeof(RemoveWorkplaceEdit), "removeWorkplace")]
[JsonDerivedType(typeof(PutSupportGrantEdit), "putSupportGrant")]
[JsonDerivedType(typeof(ReplaceObjectOperationRowsEdit), "replaceObjectOperationRows")]
[JsonDerivedType(typeof(ReplaceColumnRightRowsEdit), "replaceColumnRightRows")]
[JsonDerivedType(typeof(ReplaceSystemOperationRowsEdit), "replaceSystemOperationRows")]
[JsonDerivedType(typeof(ReplaceDefaultRecordRightRulesEdit), "replaceDefaultRecordRightRules")]
[JsonDerivedType(typeof(AddRecordRightEdit), "addRecordRight")]
[JsonDerivedType(typeof(PutRecordRightEdit), "putRecordRight")]
[JsonDerivedType(typeof(RemoveRecordRightEdit), "removeRecordRight")]
[JsonDerivedType(typeof(ReplaceSettingsEdit), "replaceSettings")]
[JsonDerivedType(typeof(ReplaceRolesNotInheritedByManagersEdit), "replaceRolesNotInheritedByManagers")]
public abstract class AccessModelEdit
{
    private protected AccessModelEdit()
    {
    }

    /// <summary>Applies the edit to a builder; returns why it does not apply (a row to remove is missing, one to add is
    /// there already, a row names another object) or <see langword="null"/> when it applied.</summary>
    internal abstract string? ApplyTo(AccessModelBuilder builder);

    private protected static IReadOnlyList<T> CopyOf<T>(IReadOnlyList<T> items, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, parameterName);
        var copy = new T[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i] ?? throw new ArgumentException($"Item {i} is null.", parameterName);
        }

        return copy;
    }

    private protected static int RemoveAll<T>(IList<T> list, Func<T, bool> match)
    {
        int removed = 0;
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (match(list[i]))
            {
                list.RemoveAt(i);
                removed++;
            }
        }

        return removed;
    }

    private protected static void Put<T>(IList<T> list, T item, Func<T, bool> sameKey)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (sameKey(list[i]))
            {
                list[i] = item;
                return;
            }
        }

        list.Add(item);
    }

    private protected static void AddAll<T>(IList<T> list, IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            list.Add(item);
        }
    }
}
