namespace Creatio.AccessControl;

/// <summary>A system operation (Creatio's <c>SysAdminOperation</c>).</summary>
/// <remarks>The built-in operations of <see cref="SystemOperations"/> exist in every model; defining one replaces its
/// configuration mark and object access grants.</remarks>
public sealed record SystemOperationDefinition
{
    /// <summary>Creates a system operation.</summary>
    /// <param name="Code">The operation's code.</param>
    /// <param name="IsConfiguration">Whether the operation changes the system (users, roles, permissions, settings,
    /// processes, lookups, solution); support sessions under configuration restriction are denied such operations.</param>
    public SystemOperationDefinition(SystemOperationCode Code, bool IsConfiguration = false)
    {
        this.Code = Code;
        this.IsConfiguration = IsConfiguration;
    }

    /// <summary>Gets the operation's code.</summary>
    public SystemOperationCode Code { get; init; }

    /// <summary>Gets a value indicating whether the operation changes the system (users, roles, permissions, settings,
    /// processes, lookups, solution); support sessions under configuration restriction are denied such operations.</summary>
    public bool IsConfiguration { get; init; }

    /// <summary>Gets the object operations the system operation grants to the users allowed it.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ObjectAccessGrant> ObjectAccess { get; init; } = [];
}
