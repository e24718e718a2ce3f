namespace Creatio.AccessControl;

/// <summary>Time-limited remote access for a vendor's support specialists under a user's permissions (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>).</summary>
/// <remarks>Access is valid in the half-open window [start of <see cref="StartDate"/>, start of the day after
/// <see cref="CloseDate"/>), both in the system's configured time zone. Grants are never deleted; deactivating one ends it.</remarks>
public sealed record SupportAccessGrant
{
    /// <summary>Creates a grant.</summary>
    /// <param name="Id">The grant's identifier.</param>
    /// <param name="Reason">Why access is granted; required.</param>
    /// <param name="StartDate">The first day of access, in the system's time zone.</param>
    /// <param name="CloseDate">The last day of access, in the system's time zone: access ends at the end of this day.</param>
    /// <param name="Grantor">The user whose permissions support uses: an active employee.</param>
    /// <param name="GrantedBy">The user who made the grant.</param>
    public SupportAccessGrant(
        SupportGrantId Id,
        string Reason,
        DateOnly StartDate,
        DateOnly CloseDate,
        UserId Grantor,
        UserId GrantedBy)
    {
        this.Id = Id;
        this.Reason = Reason;
        this.StartDate = StartDate;
        this.CloseDate = CloseDate;
        this.Grantor = Grantor;
        this.GrantedBy = GrantedBy;
    }

    /// <summary>Gets the grant's identifier.</summary>
    public SupportGrantId Id { get; init; }

    /// <summary>Gets why access is granted; required.</summary>
    public string Reason { get; init; }

    /// <summary>Gets the first day of access, in the system's time zone.</summary>
    public DateOnly StartDate { get; init; }

    /// <summary>Gets the last day of access, in the system's time zone: access ends at the end of this day.</summary>
    public DateOnly CloseDate { get; init; }

    /// <summary>Gets the user whose permissions support uses: an active employee.</summary>
    public UserId Grantor { get; init; }

    /// <summary>Gets the user who made the grant.</summary>
    public UserId GrantedBy { get; init; }

    /// <summary>Gets a value indicating whether records of business-data objects are hidden ("Deny access to data").</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DenyDataAccess { get; init; } = true;

    /// <summary>Gets a value indicating whether configuration is read-only ("Deny configuration").</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool DenyConfiguration { get; init; } = true;

    /// <summary>Gets a value indicating whether the grant is active; deactivating ends it at once.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IsActive { get; init; } = true;

    /// <summary>Gets the workplaces the grant is scoped to; empty for the whole system.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Workplaces { get; init; } = [];

    /// <summary>Gets what support may do.</summary>
    /// <value>The default value is <see cref="SupportAccessLevel.Admin"/>: everything the grantor may do, within the modes.</value>
    public SupportAccessLevel Level { get; init; } = SupportAccessLevel.Admin;

    /// <summary>Gets the environment the grant was given for (for example <c>production</c>).</summary>
    /// <value>The default value is <c>production</c>.</value>
    public string Environment { get; init; } = "production";
}
