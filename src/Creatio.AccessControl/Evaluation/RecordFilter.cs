namespace Creatio.AccessControl;

/// <summary>Which records of an object a user may perform one operation on, in a form a host can turn into a query.</summary>
/// <remarks>
/// <para>A <see cref="RecordFilterKind.Conditional"/> filter allows a record when, for a support session under data
/// isolation, it was created in <see cref="CreatedInSupportGrant"/>, and <em>any</em> of these holds: <see cref="AnyGrantee"/>;
/// it has a record right row for <see cref="Operation"/> with level Allow or AllowAndGrant whose grantee is in
/// <see cref="Grantees"/>; or its author or owner is in <see cref="AuthorsAndOwners"/> (the users in the user's
/// <c>E(u)</c> — the user, the users they manage, the users who delegated to them — and the direct members of the
/// organizational roles whose manager unit is in <c>E(u)</c>).</para>
/// <para>As SQL: <c>EXISTS (SELECT 1 FROM Rights r WHERE r.RecordId = x.Id AND r.Operation = @op AND r.Level IN (1, 2) AND
/// r.GranteeId IN @grantees) OR x.AuthorId IN @authors OR x.OwnerId IN @authors</c>.</para>
/// <para>This type is immutable and safe for concurrent use.</para>
/// </remarks>
public sealed class RecordFilter
{
    private RecordFilter(
        RecordFilterKind kind,
        ObjectName objectName,
        RecordOperation operation,
        AccessDecision decision,
        IReadOnlySet<AdminUnitId> grantees,
        IReadOnlySet<UserId> authorsAndOwners,
        bool anyGrantee,
        SupportGrantId? createdInSupportGrant,
        bool grant = false)
    {
        AnyGrantee = anyGrantee;
        IsGrant = grant;
        CreatedInSupportGrant = createdInSupportGrant;
        Kind = kind;
        Object = objectName;
        Operation = operation;
        Decision = decision;
        Grantees = grantees;
        AuthorsAndOwners = authorsAndOwners;
    }

    /// <summary>Gets the filter's shape.</summary>
    public RecordFilterKind Kind { get; }

    /// <summary>Gets the object.</summary>
    public ObjectName Object { get; }

    /// <summary>Gets the operation.</summary>
    public RecordOperation Operation { get; }

    /// <summary>Gets the decision that made the filter <see cref="RecordFilterKind.All"/> or <see cref="RecordFilterKind.None"/>;
    /// for a conditional filter, the decision of the steps before the record step.</summary>
    public AccessDecision Decision { get; }

    /// <summary>Gets the grantees whose record rights qualify a record; empty unless conditional.</summary>
    public IReadOnlySet<AdminUnitId> Grantees { get; }

    /// <summary>Gets the users whose authored or owned records qualify; empty unless conditional.</summary>
    public IReadOnlySet<UserId> AuthorsAndOwners { get; }

    /// <summary>Gets a value indicating whether every record qualifies by rights (the object does not use record
    /// permissions), so that only <see cref="CreatedInSupportGrant"/> restricts a conditional filter.</summary>
    public bool AnyGrantee { get; }

    /// <summary>Gets, for a support session under data isolation, the grant a record must have been created in, in
    /// addition to the other conditions; <see langword="null"/> otherwise.</summary>
    public SupportGrantId? CreatedInSupportGrant { get; }

    /// <summary>Gets a value indicating whether the filter asks for the right to share <see cref="Operation"/> (only
    /// AllowAndGrant rights qualify) rather than to perform it; only the administration's database share check builds one.</summary>
    internal bool IsGrant { get; }

    /// <summary>Evaluates the filter on one record held in memory.</summary>
    /// <param name="record">The record.</param>
    /// <param name="rights">The record's right rows (rows of other records are ignored).</param>
    /// <returns><see langword="true"/> if the filter allows the record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="rights"/> is <see langword="null"/>.</exception>
    public bool Matches(RecordDefinition record, IEnumerable<RecordRightRow> rights) => Decide(record, rights).IsAllowed;

    /// <summary>Decides the filter's operation on one record, read from memory or from a database: the record step (and,
    /// in a support session, the overlay) for a record whose author, owner, support grant and rights are given.</summary>
    /// <param name="record">The record.</param>
    /// <param name="rights">The record's right rows (rows of other records, objects or operations are ignored).</param>
    /// <returns>For an <see cref="RecordFilterKind.All"/> or <see cref="RecordFilterKind.None"/> filter, <see cref="Decision"/>;
    /// otherwise an allow naming the rule that qualified the record (its author or owner, or a right), or a deny
    /// (<see cref="AccessReason.SupportDataIsolation"/> for a record not created in the session's grant,
    /// <see cref="AccessReason.NoRecordRight"/> for one no rule qualifies).</returns>
    /// <remarks>An allow or a deny is what <see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/>
    /// decides for the record; when several rules allow, the reason may name another of them than the in-memory check does.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="rights"/> is <see langword="null"/>.</exception>
    public AccessDecision Decide(RecordDefinition record, IEnumerable<RecordRightRow> rights)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(rights);
        if (Kind != RecordFilterKind.Conditional)
        {
            return Decision;
        }

        if (CreatedInSupportGrant is { } grant && record.CreatedInSupportGrant != grant)
        {
            return AccessDecision.Deny(AccessStage.SupportAccess, AccessReason.SupportDataIsolation);
        }

        if (AnyGrantee)
        {
            return Decision;
        }

        if (record.Author is { } author && AuthorsAndOwners.Contains(author))
        {
            return Implicit(author, IsGrant ? AccessReason.CanGrant : AccessReason.RecordAuthor);
        }

        if (record.Owner is { } owner && AuthorsAndOwners.Contains(owner))
        {
            return Implicit(owner, IsGrant ? AccessReason.CanGrant : AccessReason.RecordOwner);
        }

        foreach (RecordRightRow row in rights)
        {
            if (row.Record == record.Id && row.Object == record.Object && row.Operation == Operation &&
                (row.Level == RecordRightLevel.AllowAndGrant || (row.Level == RecordRightLevel.Allow && !IsGrant)) && Grantees.Contains(row.Grantee))
            {
                return new AccessDecision(AccessOutcome.Allow, AccessStage.Record, IsGrant ? AccessReason.CanGrant : AccessReason.RecordRight, [row.Grantee], 0);
            }
        }

        return AccessDecision.Deny(AccessStage.Record, IsGrant ? AccessReason.NoGrantRight : AccessReason.NoRecordRight);
    }

    // The author or owner is in E(u) (the user, a user they manage, a user who delegated to them), or a direct member of
    // an organizational role whose manager unit is in E(u).
    private AccessDecision Implicit(UserId user, AccessReason reason) =>
        Grantees.Contains(new AdminUnitId(user.Value))
            ? new AccessDecision(AccessOutcome.Allow, AccessStage.Record, reason, [new AdminUnitId(user.Value)], 0)
            : AccessDecision.Allow(AccessStage.Record, IsGrant ? AccessReason.CanGrant : AccessReason.ManagerOfAuthorOrOwner);

    internal static RecordFilter All(ObjectName objectName, RecordOperation operation, AccessDecision decision) =>
        new(RecordFilterKind.All, objectName, operation, decision, new HashSet<AdminUnitId>(), new HashSet<UserId>(), true, null);

    internal static RecordFilter None(ObjectName objectName, RecordOperation operation, AccessDecision decision) =>
        new(RecordFilterKind.None, objectName, operation, decision, new HashSet<AdminUnitId>(), new HashSet<UserId>(), false, null);

    internal static RecordFilter CreatedIn(ObjectName objectName, RecordOperation operation, SupportGrantId grant) =>
        new(RecordFilterKind.Conditional, objectName, operation, AccessDecision.Allow(AccessStage.Record, AccessReason.RecordPermissionsOff), new HashSet<AdminUnitId>(), new HashSet<UserId>(), true, grant);

    internal static RecordFilter Conditional(
        ObjectName objectName, RecordOperation operation, AccessDecision decision, HashSet<AdminUnitId> grantees, HashSet<UserId> authorsAndOwners, SupportGrantId? createdInSupportGrant, bool grant) =>
        new(RecordFilterKind.Conditional, objectName, operation, decision, grantees, authorsAndOwners, false, createdInSupportGrant, grant);
}
