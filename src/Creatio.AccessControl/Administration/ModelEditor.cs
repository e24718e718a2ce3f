namespace Creatio.AccessControl;

/// <summary>Edits a copy of the model on behalf of the changes of one batch.</summary>
internal sealed class ModelEditor(AccessModelBuilder builder, AccessSnapshot before, DateTimeOffset now, AccessActor actor)
{
    public AccessActor Actor { get; } = actor;

    public AccessModelBuilder Builder { get; } = builder;

    /// <summary>Gets the snapshot before the batch: effective roles for default record rights are taken from it.</summary>
    public AccessSnapshot Snapshot { get; } = before;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Objects whose records or record rights the batch touched.</summary>
    public HashSet<string> TouchedRecordObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets what the current change replaced or removed, as text, for the audit trail.</summary>
    public List<string> Before { get; } = [];

    public static void Refuse(AccessChangeRefusal refusal, string message) => throw new AccessChangeRefusedException(refusal, message);

    public static void Add<T>(IList<T> list, T item, Func<T, bool> sameKey, string what)
    {
        if (list.Any(sameKey))
        {
            Refuse(AccessChangeRefusal.Conflict, $"{what} already exists.");
        }

        list.Add(item);
    }

    public void Replace<T>(IList<T> list, T item, Func<T, bool> sameKey, string what)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (sameKey(list[i]))
            {
                Before.Add(list[i]?.ToString() ?? string.Empty);
                list[i] = item;
                return;
            }
        }

        Refuse(AccessChangeRefusal.NotFound, $"{what} does not exist.");
    }

    public void Remove<T>(IList<T> list, Func<T, bool> match, string what)
    {
        foreach (T item in list.Where(match))
        {
            Before.Add(item?.ToString() ?? string.Empty);
        }

        if (RemoveAll(list, match) == 0)
        {
            Refuse(AccessChangeRefusal.NotFound, $"{what} does not exist.");
        }
    }

    public static int RemoveAll<T>(IList<T> list, Func<T, bool> match)
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

    /// <summary>Removes every row that names the admin unit, for a unit being deleted.</summary>
    public void RemoveReferencesTo(AdminUnitId unit)
    {
        RemoveAll(Builder.Memberships, m => m.User == unit || m.Role == unit);
        RemoveAll(Builder.FunctionalLinks, l => l.FunctionalRole == unit || l.OrganizationalRole == unit);
        RemoveAll(Builder.Delegations, d => d.Grantor == unit || d.Recipient == unit);
        RemoveAll(Builder.RolesNotInheritedByManagers, r => r == unit);
        RemoveAll(Builder.ObjectOperationRows, r => r.Grantee == unit);
        RemoveAll(Builder.ColumnRightRows, r => r.Grantee == unit);
        RemoveAll(Builder.SystemOperationRows, r => r.Grantee == unit);
        RemoveAll(Builder.DefaultRecordRightRules, r => r.Author == unit || r.Grantee == unit);
        foreach (RecordRightRow row in Builder.RecordRightRows.Where(r => r.Grantee == unit).ToList())
        {
            TouchedRecordObjects.Add(row.Object.Value);
        }

        RemoveAll(Builder.RecordRightRows, r => r.Grantee == unit);
        for (int i = 0; i < Builder.Records.Count; i++)
        {
            RecordDefinition record = Builder.Records[i];
            if (record.Author == unit || record.Owner == unit)
            {
                Builder.Records[i] = record with
                {
                    Author = record.Author == unit ? null : record.Author,
                    Owner = record.Owner == unit ? null : record.Owner,
                };
                TouchedRecordObjects.Add(record.Object.Value);
            }
        }
    }

    /// <summary>The Default rows the current rules write for a record created by <paramref name="creator"/> (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/record-rights.md#default-record-rules">default record rules</see>).</summary>
    /// <remarks>A rule without a grantee grants the author's portal organization: the organization linked to the author's
    /// account (one row for each, should several be linked to it). An author without an account, or whose account no
    /// organization is linked to, has none, whatever roles they belong to.</remarks>
    public IEnumerable<RecordRightRow> DefaultRights(RecordDefinition record, UserId? creator)
    {
        if (creator is not { } user)
        {
            yield break;
        }

        AccessPrincipal principal = Snapshot.GetPrincipal(user, Now);
        UserDefinition? definition = Builder.Users.FirstOrDefault(u => u.Id == user);
        foreach (DefaultRecordRightRule rule in Builder.DefaultRecordRightRules)
        {
            if (rule.Object != record.Object || !principal.HasEffectiveRole(rule.Author))
            {
                continue;
            }

            if (rule.Grantee is { } grantee)
            {
                yield return new RecordRightRow(record.Object, record.Id, grantee, rule.Operation, rule.Level, RecordRightSource.Default);
                continue;
            }

            foreach (RoleId organization in PortalOrganizationsOf(definition))
            {
                yield return new RecordRightRow(record.Object, record.Id, organization, rule.Operation, rule.Level, RecordRightSource.Default);
            }
        }
    }

    /// <summary>The portal organizations linked to a user's account: organizations whose account is the user's.</summary>
    private IEnumerable<RoleId> PortalOrganizationsOf(UserDefinition? user) =>
        user?.Account is { } account
            ? Builder.Roles.Where(r => r.Kind == AdminUnitKind.Organization && r.Account == account).Select(r => r.Id)
            : [];
}
