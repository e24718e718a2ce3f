using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.SupportAccess;

/// <summary>A small model for support-session checks (DESIGN.md §8).</summary>
/// <remarks>
/// Users: Grantor (System administrators: every built-in system operation by default), Limited (no role), Dormant (inactive).
/// Objects: Deal (business data, record permissions, column Amount; records Mine by Grantor, Ours created in grant
/// <see cref="G"/>, Theirs created in grant <see cref="Other"/>), Country (lookup), SysSettings (configuration),
/// SysExternalAccess (configuration), Secret (business data with operation permissions and no rows: nobody may use it).
/// Workplace Sales holds Deal and Country. Grants are valid from <see cref="Start"/> to <see cref="Close"/> in UTC.
/// </remarks>
internal static class SupportModel
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Start = new(2026, 3, 1);

    public static readonly DateOnly Close = new(2026, 3, 5);

    public static readonly ObjectName Deal = "Deal";

    public static readonly ObjectName Country = "Country";

    public static readonly ObjectName Settings = "SysSettings";

    public static readonly ObjectName ExternalAccess = "SysExternalAccess";

    public static readonly ObjectName Secret = "Secret";

    public static readonly ColumnName Amount = "Amount";

    public static readonly RecordId Mine = Ids.Record("deal: the grantor's");

    public static readonly RecordId Ours = Ids.Record("deal: created in G");

    public static readonly RecordId Theirs = Ids.Record("deal: created in Other");

    public static readonly SupportGrantId G = new(Ids.Guid("grant:G"));

    public static readonly SupportGrantId Other = new(Ids.Guid("grant:Other"));

    public static readonly UserId Grantor = Ids.User("Grantor");

    public static readonly UserId Limited = Ids.User("Limited");

    public static readonly UserId Dormant = Ids.User("Dormant");

    public static readonly string Workplace = "Sales";

    /// <summary>The seven system operations that administer users, roles, permissions and grants.</summary>
    public static readonly SystemOperationCode[] AdministrationOperations =
    [
        SystemOperations.CanManageUsers,
        SystemOperations.CanManageAdministration,
        SystemOperations.CanChangeAdminOperationGrantee,
        SystemOperations.CanChangeAdminUnitGrantedRight,
        SystemOperations.CanChangeEntitySchemaRecordRight,
        SystemOperations.CanDelegateExternalAccess,
        SystemOperations.CanAdministratePortalUsers,
    ];

    /// <summary>A grant of Grantor's permissions under <see cref="G"/> with the defaults (both modes on, level Admin).</summary>
    public static SupportAccessGrant Grant(SupportGrantId? id = null) =>
        new(id ?? G, "Investigate ticket 4711", Start, Close, Grantor, Grantor);

    /// <summary>A grant with both modes cleared.</summary>
    public static SupportAccessGrant Unrestricted(SupportGrantId? id = null) =>
        Grant(id) with { DenyDataAccess = false, DenyConfiguration = false };

    public static AccessModelBuilder Builder(IEnumerable<SupportAccessGrant> grants, SupportAccessSettings? settings = null)
    {
        var builder = new AccessModelBuilder();
        builder.Add(new UserDefinition(Grantor, "Grantor"));
        builder.Add(new UserDefinition(Limited, "Limited"));
        builder.Add(new UserDefinition(Dormant, "Dormant") { IsActive = false });
        builder.Add(new RoleMembership(Grantor, new RoleId(BuiltInRoles.SystemAdministrators.Value)));
        builder.Add(new ObjectDefinition(Deal) { UseRecordPermissions = true, Columns = [Amount] });
        builder.Add(new ObjectDefinition(Country, ObjectCategory.Lookup) { Columns = ["Code"] });
        builder.Add(new ObjectDefinition(Settings, ObjectCategory.Configuration));
        builder.Add(new ObjectDefinition(ExternalAccess, ObjectCategory.Configuration));
        builder.Add(new ObjectDefinition(Secret) { UseOperationPermissions = true });
        builder.Add(new WorkplaceDefinition(Workplace, [Deal, Country]));

        List<SupportAccessGrant> all = [.. grants];
        if (!all.Any(g => g.Id == Other))
        {
            all.Add(Grant(Other));
        }

        if (!all.Any(g => g.Id == G))
        {
            all.Add(Grant(G));
        }

        foreach (SupportAccessGrant grant in all)
        {
            builder.Add(grant);
        }

        builder.Add(new RecordDefinition(Deal, Mine, Grantor, Grantor));
        builder.Add(new RecordDefinition(Deal, Ours, Grantor, Grantor) { CreatedInSupportGrant = G });
        builder.Add(new RecordDefinition(Deal, Theirs, Grantor, Grantor) { CreatedInSupportGrant = Other });
        if (settings is not null)
        {
            builder.Settings = builder.Settings with { SupportAccess = settings };
        }

        return builder;
    }

    public static AccessSnapshot Compile(SupportAccessGrant grant, SupportAccessSettings? settings = null) =>
        AccessSnapshot.Compile(Builder([grant], settings).Build());

    /// <summary>The support principal of <paramref name="grant"/> at <paramref name="now"/> (default <see cref="Now"/>).</summary>
    public static AccessPrincipal Session(SupportAccessGrant grant, SupportAccessSettings? settings = null, DateTimeOffset? now = null) =>
        Compile(grant, settings).GetSupportPrincipal(grant.Id, now ?? Now);

    /// <summary>One request of every kind, on every object, as a support session might ask.</summary>
    public static IEnumerable<AccessRequest> EveryRequest()
    {
        foreach (ObjectName o in new[] { Deal, Country, Settings, ExternalAccess })
        {
            foreach (ObjectOperation op in Enum.GetValues<ObjectOperation>())
            {
                yield return AccessRequest.ForObject(o, op);
            }

            foreach (ColumnOperation op in Enum.GetValues<ColumnOperation>())
            {
                yield return AccessRequest.ForColumn(o, "Id", op);
            }
        }

        foreach (RecordId record in new[] { Mine, Ours, Theirs })
        {
            foreach (RecordOperation op in Enum.GetValues<RecordOperation>())
            {
                yield return AccessRequest.ForRecord(Deal, record, op);
                yield return AccessRequest.ForShare(Deal, record, op);
            }

            yield return AccessRequest.ForColumn(Deal, Amount, ColumnOperation.Read, record);
            yield return AccessRequest.ForColumn(Deal, Amount, ColumnOperation.Edit, record);
        }

        foreach (SystemOperationDefinition operation in SystemOperations.BuiltIn)
        {
            yield return AccessRequest.ForSystemOperation(operation.Code);
        }
    }

    public static void AssertSupportDenied(AccessReason reason, AccessDecision decision) =>
        Assert.Equal((AccessOutcome.Deny, AccessStage.SupportAccess, reason), (decision.Outcome, decision.Stage, decision.Reason));

    public static void AssertAllowed(AccessDecision decision) => Assert.True(decision.IsAllowed, $"expected allow, got {decision}");
}
