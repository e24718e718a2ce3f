using System.Runtime.CompilerServices;

namespace Creatio.AccessControl;

/// <summary>The rows of a builder copied once into arrays, built-in roles and operations added: what validating reads and
/// what the model then keeps, without copying them again.</summary>
/// <remarks>The arrays are this object's own; nothing writes to them once it is made.</remarks>
internal sealed class ModelRows
{
    private ModelRows(AccessModelBuilder builder)
    {
        Users = CopyNonNull(builder.Users, nameof(AccessModelBuilder.Users));
        Roles = CopyNonNull(builder.Roles, nameof(AccessModelBuilder.Roles), BuiltInRolesMissing(builder.Roles));
        Memberships = CopyNonNull(builder.Memberships, nameof(AccessModelBuilder.Memberships));
        FunctionalLinks = CopyNonNull(builder.FunctionalLinks, nameof(AccessModelBuilder.FunctionalLinks));
        Delegations = CopyNonNull(builder.Delegations, nameof(AccessModelBuilder.Delegations));
        RolesNotInheritedByManagers = [.. builder.RolesNotInheritedByManagers];
        Objects = CopyNonNull(builder.Objects, nameof(AccessModelBuilder.Objects));
        ObjectOperationRows = CopyNonNull(builder.ObjectOperationRows, nameof(AccessModelBuilder.ObjectOperationRows));
        ColumnRightRows = CopyNonNull(builder.ColumnRightRows, nameof(AccessModelBuilder.ColumnRightRows));
        Records = CopyNonNull(builder.Records, nameof(AccessModelBuilder.Records));
        RecordRightRows = CopyNonNull(builder.RecordRightRows, nameof(AccessModelBuilder.RecordRightRows));
        DefaultRecordRightRules = CopyNonNull(builder.DefaultRecordRightRules, nameof(AccessModelBuilder.DefaultRecordRightRules));
        SystemOperations = CopyNonNull(builder.SystemOperations, nameof(AccessModelBuilder.SystemOperations), BuiltInOperationsMissing(builder.SystemOperations));
        SystemOperationRows = CopyNonNull(builder.SystemOperationRows, nameof(AccessModelBuilder.SystemOperationRows));
        Workplaces = CopyNonNull(builder.Workplaces, nameof(AccessModelBuilder.Workplaces));
        SupportGrants = CopyNonNull(builder.SupportGrants, nameof(AccessModelBuilder.SupportGrants));
        Settings = builder.Settings ?? throw new InvalidOperationException("Settings must not be null.");
    }

    /// <summary>Gets rows of no model: for a validator that checks single rows against an index.</summary>
    public static ModelRows Empty { get; } = new(new AccessModelBuilder());

    public UserDefinition[] Users { get; }

    public RoleDefinition[] Roles { get; }

    public RoleMembership[] Memberships { get; }

    public FunctionalRoleLink[] FunctionalLinks { get; }

    public Delegation[] Delegations { get; }

    public RoleId[] RolesNotInheritedByManagers { get; }

    public ObjectDefinition[] Objects { get; }

    public ObjectOperationRow[] ObjectOperationRows { get; }

    public ColumnRightRow[] ColumnRightRows { get; }

    public RecordDefinition[] Records { get; }

    public RecordRightRow[] RecordRightRows { get; }

    public DefaultRecordRightRule[] DefaultRecordRightRules { get; }

    public SystemOperationDefinition[] SystemOperations { get; }

    public SystemOperationRow[] SystemOperationRows { get; }

    public WorkplaceDefinition[] Workplaces { get; }

    public SupportAccessGrant[] SupportGrants { get; }

    public AccessSettings Settings { get; }

    /// <summary>Copies a builder's rows, adding the built-in roles and operations it lacks after its own.</summary>
    /// <exception cref="InvalidOperationException">A row is <see langword="null"/> (the first one, by list and place), or the
    /// settings are.</exception>
    public static ModelRows From(AccessModelBuilder builder) => new(builder);

    /// <summary>The built-in roles a builder lacks, in the order they are added.</summary>
    private static List<RoleDefinition> BuiltInRolesMissing(IList<RoleDefinition> roles)
    {
        var ids = new HashSet<RoleId>();
        foreach (RoleDefinition? role in roles)
        {
            if (role is not null)
            {
                ids.Add(role.Id);
            }
        }

        var missing = new List<RoleDefinition>();
        foreach ((RoleId id, string name) in new[]
        {
            (BuiltInRoles.AllEmployees, "All employees"),
            (BuiltInRoles.AllPortalUsers, AccessModelErrorNames.AllExternalUsers),
            (BuiltInRoles.SystemAdministrators, "System administrators"),
        })
        {
            if (ids.Add(id))
            {
                missing.Add(new RoleDefinition(id, name, AdminUnitKind.Organization));
            }
        }

        return missing;
    }

    /// <summary>The built-in system operations a builder lacks, in the order they are added.</summary>
    private static List<SystemOperationDefinition> BuiltInOperationsMissing(IList<SystemOperationDefinition> operations)
    {
        var codes = new HashSet<SystemOperationCode>();
        foreach (SystemOperationDefinition? operation in operations)
        {
            if (operation is not null)
            {
                codes.Add(operation.Code);
            }
        }

        var missing = new List<SystemOperationDefinition>();
        foreach (SystemOperationDefinition builtIn in AccessControl.SystemOperations.BuiltIn)
        {
            if (codes.Add(builtIn.Code))
            {
                missing.Add(builtIn);
            }
        }

        return missing;
    }

    /// <summary>A list's rows in a new array, then <paramref name="added"/>; throws naming the first null row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T[] CopyNonNull<T>(IList<T> rows, string listName, List<T>? added = null)
        where T : class
    {
        int count = rows.Count;
        var copy = new T[count + (added?.Count ?? 0)];
        if (rows is List<T> list)
        {
            list.CopyTo(copy);
        }
        else
        {
            rows.CopyTo(copy, 0);
        }

        for (int i = 0; i < count; i++)
        {
            if (copy[i] is null)
            {
                throw new InvalidOperationException($"{listName}[{i}] is null.");
            }
        }

        added?.CopyTo(copy, count);
        return copy;
    }
}
