namespace Creatio.AccessControl;

/// <summary>What the changes of one batch read to turn themselves into deltas: the snapshot before the batch and the model
/// as the earlier changes of the batch left it.</summary>
/// <remarks>While no earlier change of the batch made an edit, rows are read from the model before the batch through
/// its indexes (what keeps a single share or membership cheap); after one, from a copy of the model with those edits
/// applied, made on first need.
/// For a batch on records an object keeps in the database, the records and rights the batch names are read beforehand into
/// <c>stored</c>: changes read them there, and the batch's edits are applied there; the rest is read from the model, which
/// such a batch does not change.</remarks>
internal sealed class ChangeContext(AccessSnapshot before, DateTimeOffset now, AccessActor actor, AccessModelBuilder? stored = null)
{
    private readonly List<AccessModelEdit> _earlier = [];
    private readonly AccessModelBuilder? _stored = stored;
    private AccessModelBuilder? _builder;

    public AccessActor Actor { get; } = actor;

    /// <summary>Gets the snapshot before the batch: effective roles for default record rights are taken from it.</summary>
    public AccessSnapshot Snapshot { get; } = before;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Gets what the current change replaces or removes, as text, for the audit trail.</summary>
    public List<string> Before { get; } = [];

    private bool ReadsTheModel => _stored is not null || _earlier.Count == 0;

    /// <summary>Gets the model as the earlier changes of the batch left it, as a builder (not validated).</summary>
    private AccessModelBuilder Builder
    {
        get
        {
            if (_builder is null)
            {
                _builder = Snapshot.Model.ToBuilder();
                foreach (AccessModelEdit edit in _earlier)
                {
                    edit.ApplyTo(_builder);
                }
            }

            return _builder;
        }
    }

    public IReadOnlyList<UserDefinition> Users => ReadsTheModel ? Snapshot.Model.Users : (List<UserDefinition>)Builder.Users;

    public IReadOnlyList<RoleDefinition> Roles => ReadsTheModel ? Snapshot.Model.Roles : (List<RoleDefinition>)Builder.Roles;

    public IReadOnlyList<RoleMembership> Memberships => ReadsTheModel ? Snapshot.Model.Memberships : (List<RoleMembership>)Builder.Memberships;

    public IReadOnlyList<FunctionalRoleLink> FunctionalLinks => ReadsTheModel ? Snapshot.Model.FunctionalLinks : (List<FunctionalRoleLink>)Builder.FunctionalLinks;

    public IReadOnlyList<Delegation> Delegations => ReadsTheModel ? Snapshot.Model.Delegations : (List<Delegation>)Builder.Delegations;

    public IReadOnlyList<RoleId> RolesNotInheritedByManagers => ReadsTheModel ? Snapshot.Model.RolesNotInheritedByManagers : (List<RoleId>)Builder.RolesNotInheritedByManagers;

    public IReadOnlyList<ObjectOperationRow> ObjectOperationRows => ReadsTheModel ? Snapshot.Model.ObjectOperationRows : (List<ObjectOperationRow>)Builder.ObjectOperationRows;

    public IReadOnlyList<ColumnRightRow> ColumnRightRows => ReadsTheModel ? Snapshot.Model.ColumnRightRows : (List<ColumnRightRow>)Builder.ColumnRightRows;

    public IReadOnlyList<RecordDefinition> Records =>
        _stored is not null ? (List<RecordDefinition>)_stored.Records : ReadsTheModel ? Snapshot.Model.Records : (List<RecordDefinition>)Builder.Records;

    public IReadOnlyList<RecordRightRow> RecordRightRows =>
        _stored is not null ? (List<RecordRightRow>)_stored.RecordRightRows : ReadsTheModel ? Snapshot.Model.RecordRightRows : (List<RecordRightRow>)Builder.RecordRightRows;

    public IReadOnlyList<DefaultRecordRightRule> DefaultRecordRightRules => ReadsTheModel ? Snapshot.Model.DefaultRecordRightRules : (List<DefaultRecordRightRule>)Builder.DefaultRecordRightRules;

    public IReadOnlyList<SystemOperationDefinition> SystemOperations => ReadsTheModel ? Snapshot.Model.SystemOperations : (List<SystemOperationDefinition>)Builder.SystemOperations;

    public IReadOnlyList<SystemOperationRow> SystemOperationRows => ReadsTheModel ? Snapshot.Model.SystemOperationRows : (List<SystemOperationRow>)Builder.SystemOperationRows;

    public IReadOnlyList<SupportAccessGrant> SupportGrants => ReadsTheModel ? Snapshot.Model.SupportGrants : (List<SupportAccessGrant>)Builder.SupportGrants;

    public AccessSettings Settings => ReadsTheModel ? Snapshot.Model.Settings : Builder.Settings;

    public static void Refuse(AccessChangeRefusal refusal, string message) => throw new AccessChangeRefusedException(refusal, message);

    /// <summary>Whether the membership is there; through the model's index while no earlier change made an edit.</summary>
    public bool HasMembership(RoleMembership membership)
    {
        if (!ReadsTheModel)
        {
            return Builder.Memberships.Contains(membership);
        }

        var rows = new List<RoleMembership>();
        Snapshot.Model.MembershipEdits.RowsOf(membership, rows);
        return rows.Count > 0;
    }

    /// <summary>A grantee's rights for an operation on a record; through the model's index while no earlier change made an edit.</summary>
    public List<RecordRightRow> RecordRightsOf(ObjectName objectName, RecordId record, AdminUnitId grantee, RecordOperation operation)
    {
        if (_stored is not null || !ReadsTheModel)
        {
            return [.. RecordRightRows.Where(r => r.Object == objectName && r.Record == record && r.Grantee == grantee && r.Operation == operation)];
        }

        var rows = new List<RecordRightRow>();
        Snapshot.Model.RecordRights.RowsOf(new RecordRightKey(objectName, record, grantee, operation), rows);
        return rows;
    }

    public bool HasObject(ObjectName name) =>
        ReadsTheModel ? name.Value is not null && Snapshot.Model.Index.Objects.ContainsKey(name) : Builder.Objects.Any(o => o.Name == name);

    /// <summary>Takes a change's delta into account for the changes after it in the batch.</summary>
    public void Made(AccessModelDelta delta)
    {
        foreach (AccessModelEdit edit in delta.Edits)
        {
            if (_stored is not null)
            {
                // A batch on records kept in the database edits only them.
                if (edit.ApplyTo(_stored) is { } storedProblem)
                {
                    Refuse(AccessChangeRefusal.Conflict, $"The change conflicts with an earlier change of the batch: {storedProblem}.");
                }

                continue;
            }

            if (_builder is not null && edit.ApplyTo(_builder) is { } problem)
            {
                Refuse(AccessChangeRefusal.Conflict, $"The change conflicts with an earlier change of the batch: {problem}.");
            }

            _earlier.Add(edit);
        }
    }

    /// <summary>Notes the text of rows the current change replaces or removes.</summary>
    public void Replaced<T>(IEnumerable<T> rows)
        where T : notnull
    {
        foreach (T row in rows)
        {
            Before.Add(row.ToString() ?? string.Empty);
        }
    }

    /// <summary>The edits that remove every row naming an admin unit, for a unit being deleted.</summary>
    public List<AccessModelEdit> RemoveReferencesTo(AdminUnitId unit)
    {
        var edits = new List<AccessModelEdit>();
        foreach (RoleMembership membership in Memberships.Where(m => m.User == unit || m.Role == unit).Distinct())
        {
            edits.Add(new RemoveMembershipEdit(membership));
        }

        foreach (FunctionalRoleLink link in FunctionalLinks.Where(l => l.FunctionalRole == unit || l.OrganizationalRole == unit).Distinct())
        {
            edits.Add(new RemoveFunctionalLinkEdit(link));
        }

        foreach (Delegation delegation in Delegations.Where(d => d.Grantor == unit || d.Recipient == unit).DistinctBy(d => (d.Grantor, d.Recipient)))
        {
            edits.Add(new RemoveDelegationEdit(delegation.Grantor, delegation.Recipient));
        }

        if (RolesNotInheritedByManagers.Any(r => r == unit))
        {
            edits.Add(new ReplaceRolesNotInheritedByManagersEdit([.. RolesNotInheritedByManagers.Where(r => r != unit)]));
        }

        foreach (ObjectName name in ObjectOperationRows.Where(r => r.Grantee == unit).Select(r => r.Object).Distinct())
        {
            edits.Add(new ReplaceObjectOperationRowsEdit(name, [.. ObjectOperationRows.Where(r => r.Object == name && r.Grantee != unit)]));
        }

        foreach ((ObjectName name, ColumnName column) in ColumnRightRows.Where(r => r.Grantee == unit).Select(r => (r.Object, r.Column)).Distinct())
        {
            edits.Add(new ReplaceColumnRightRowsEdit(name, column, [.. ColumnRightRows.Where(r => r.Object == name && r.Column == column && r.Grantee != unit)]));
        }

        foreach (SystemOperationCode code in SystemOperationRows.Where(r => r.Grantee == unit).Select(r => r.Operation).Distinct())
        {
            edits.Add(new ReplaceSystemOperationRowsEdit(code, [.. SystemOperationRows.Where(r => r.Operation == code && r.Grantee != unit)]));
        }

        foreach (ObjectName name in DefaultRecordRightRules.Where(r => r.Author == unit || r.Grantee == unit).Select(r => r.Object).Distinct())
        {
            edits.Add(new ReplaceDefaultRecordRightRulesEdit(name, [.. DefaultRecordRightRules.Where(r => r.Object == name && r.Author != unit && r.Grantee != unit)]));
        }

        foreach (RecordRightRow row in RecordRightRows.Where(r => r.Grantee == unit).DistinctBy(r => (r.Object, r.Record, r.Operation)))
        {
            edits.Add(new RemoveRecordRightEdit(row.Object, row.Record, unit, row.Operation));
        }

        foreach (RecordDefinition record in Records.Where(r => r.Author == unit || r.Owner == unit))
        {
            edits.Add(new PutRecordEdit(record with
            {
                Author = record.Author == unit ? null : record.Author,
                Owner = record.Owner == unit ? null : record.Owner,
            }));
        }

        return edits;
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
        UserDefinition? definition = Users.FirstOrDefault(u => u.Id == user);
        foreach (DefaultRecordRightRule rule in DefaultRecordRightRules)
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
            ? Roles.Where(r => r.Kind == AdminUnitKind.Organization && r.Account == account).Select(r => r.Id)
            : [];
}
