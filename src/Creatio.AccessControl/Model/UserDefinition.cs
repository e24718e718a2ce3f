namespace Creatio.AccessControl;

/// <summary>A user: a company employee or a portal (external) user.</summary>
/// <remarks>Employees are members of <see cref="BuiltInRoles.AllEmployees"/> without a membership row.
/// Portal users may only be members of <see cref="BuiltInRoles.AllPortalUsers"/> and the roles below it.</remarks>
public sealed record UserDefinition
{
    /// <summary>Creates an user.</summary>
    /// <param name="Id">The user's identifier.</param>
    /// <param name="Name">The user's display name.</param>
    /// <param name="Kind"><see cref="AdminUnitKind.User"/> for an employee, <see cref="AdminUnitKind.ExternalUser"/> for a portal user.</param>
    public UserDefinition(UserId Id, string Name, AdminUnitKind Kind = AdminUnitKind.User)
    {
        this.Id = Id;
        this.Name = Name;
        this.Kind = Kind;
    }

    /// <summary>Gets the user's identifier.</summary>
    public UserId Id { get; init; }

    /// <summary>Gets the user's display name.</summary>
    public string Name { get; init; }

    /// <summary>Gets the kind of user: <see cref="AdminUnitKind.User"/> for an employee, <see cref="AdminUnitKind.ExternalUser"/> for a portal user.</summary>
    public AdminUnitKind Kind { get; init; }

    /// <summary>Gets a value indicating whether the user is active; inactive users are denied everything.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool IsActive { get; init; } = true;

    /// <summary>Gets the user's contact, if any.</summary>
    public ContactId? Contact { get; init; }

    /// <summary>Gets the account of a portal user's portal organization, if any.</summary>
    public AccountId? Account { get; init; }

    /// <summary>Gets a value indicating whether this is a portal user.</summary>
    public bool IsExternal => Kind == AdminUnitKind.ExternalUser;
}
