namespace Creatio.AccessControl;

public readonly partial struct AccessPrincipal
{
    /// <summary>The conditional record filter of this principal: the units whose rights qualify a record (<c>E(u)</c>) and the
    /// users whose authored or owned records qualify; for sharing (<paramref name="grant"/>), only AllowAndGrant rights
    /// qualify, as in the in-memory share step.</summary>
    /// <param name="objectName">The object.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="decision">The decision of the steps before the record step.</param>
    /// <param name="createdIn">For a support session under data isolation, the grant a record must have been created in.</param>
    /// <param name="grant">Whether the filter asks for the right to share the operation rather than to perform it.</param>
    private RecordFilter HoldersFilter(ObjectName objectName, RecordOperation operation, AccessDecision decision, SupportGrantId? createdIn, bool grant)
    {
        var grantees = new HashSet<AdminUnitId>();
        foreach (AdminUnitId unit in EffectiveRoles)
        {
            grantees.Add(unit);
        }

        // Users whose records the user holds implicitly: every user in E(u) (themselves, those they manage,
        // those who delegated to them), and the direct members of every organizational role whose manager unit is in E(u).
        var authors = new HashSet<UserId> { User };
        AccessSnapshot snapshot = _snapshot!;
        var managed = new HashSet<AdminUnitId>();
        foreach (AdminUnitId unit in grantees)
        {
            if (!snapshot.TryGetUnit(unit, out int index))
            {
                continue;
            }

            if (!snapshot.Units.IsRole(index))
            {
                authors.Add(new UserId(unit.Value));
            }
            else if (snapshot.Units.Roles[index].Kind == AdminUnitKind.Manager && snapshot.Units.Parent[index] >= 0)
            {
                managed.Add(snapshot.Units.Ids[snapshot.Units.Parent[index]]);
            }
        }

        RecordFilterIndex members = RecordFilterIndex.Of(snapshot);
        foreach (AdminUnitId role in managed)
        {
            members.AddMembers(role, authors);
        }

        return RecordFilter.Conditional(objectName, operation, decision, grantees, authors, createdIn, grant);
    }

    /// <summary>The end of the share step: without AllowAndGrant on the operation (<paramref name="grant"/> denies), a user
    /// allowed <c>CanChangeEntitySchemaRecordRight</c> may share any record they can read.</summary>
    private AccessDecision OrChangeRecordRights(AccessDecision grant)
    {
        if (grant.IsAllowed)
        {
            return grant;
        }

        AccessSnapshot snapshot = _snapshot!;
        AccessDecision change = Pipeline.SystemOperation(snapshot, _subject, snapshot.Operations.ChangeRecordRights);
        return change.IsAllowed ? change.As(AccessOutcome.Allow, AccessStage.Record, AccessReason.CanChangeRecordRights) : grant;
    }
}
