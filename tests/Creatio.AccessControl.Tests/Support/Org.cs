namespace Creatio.AccessControl.Tests.Support;

/// <summary>A terse way to write small models in tests: units are named, ids derive from names.</summary>
internal sealed class Org
{
    private readonly Dictionary<string, AdminUnitId> _names = new(StringComparer.Ordinal)
    {
        ["All employees"] = BuiltInRoles.AllEmployees,
        ["All portal users"] = BuiltInRoles.AllPortalUsers,
        ["System administrators"] = BuiltInRoles.SystemAdministrators,
    };

    private readonly Dictionary<AdminUnitId, string> _labels = [];

    public Org()
    {
        foreach ((string name, AdminUnitId id) in _names)
        {
            _labels[id] = name;
        }
    }

    public AccessModelBuilder Builder { get; } = new();

    public RoleId this[string role] => new(Unit(role).Value);

    public AdminUnitId Unit(string name) =>
        _names.TryGetValue(name, out AdminUnitId id) ? id : throw new KeyNotFoundException($"No unit named {name}.");

    public UserId UserId(string name) => new(Unit(name).Value);

    public string Label(AdminUnitId id) => _labels.TryGetValue(id, out string? name) ? name : id.ToString();

    public Org Role(string name, string? parent = null, AdminUnitKind kind = AdminUnitKind.Division)
    {
        RoleId id = Ids.Role(name);
        Register(name, id);
        Builder.Add(new RoleDefinition(id, name, kind, parent is null ? null : this[parent]));
        return this;
    }

    public Org Organization(string name, string? parent = null) => Role(name, parent, AdminUnitKind.Organization);

    public Org Functional(string name, string? parent = null) => Role(name, parent, AdminUnitKind.FunctionalRole);

    /// <summary>Adds the manager unit of <paramref name="role"/>, named "Managers of {role}".</summary>
    public Org Managers(string role) => Role("Managers of " + role, role, AdminUnitKind.Manager);

    public Org User(string name, params string[] roles) => AddUser(name, AdminUnitKind.User, roles);

    public Org Portal(string name, params string[] roles) => AddUser(name, AdminUnitKind.ExternalUser, roles);

    public Org Inactive(string name, params string[] roles)
    {
        UserId id = Ids.User(name);
        Register(name, id);
        Builder.Add(new UserDefinition(id, name) { IsActive = false });
        foreach (string role in roles)
        {
            Builder.Add(new RoleMembership(id, this[role]));
        }

        return this;
    }

    public Org Member(string user, string role)
    {
        Builder.Add(new RoleMembership(UserId(user), this[role]));
        return this;
    }

    public Org RemoveMember(string user, string role)
    {
        Builder.Memberships.Remove(new RoleMembership(UserId(user), this[role]));
        return this;
    }

    public Org Link(string functional, string organizational)
    {
        Builder.Add(new FunctionalRoleLink(this[functional], this[organizational]));
        return this;
    }

    public Org Delegate(string grantor, string recipient, DateTimeOffset? endsAt = null)
    {
        Builder.Add(new Delegation(Unit(grantor), Unit(recipient), endsAt));
        return this;
    }

    /// <summary>Replaces the roles not inherited by managers with <paramref name="roles"/>.</summary>
    public Org NotInheritedByManagers(params string[] roles)
    {
        Builder.RolesNotInheritedByManagers.Clear();
        foreach (string role in roles)
        {
            Builder.RolesNotInheritedByManagers.Add(this[role]);
        }

        return this;
    }

    /// <summary>Adds an object; <paramref name="columns"/> are its own columns besides the system columns.</summary>
    public Org Object(string name, bool operations = false, bool records = false, bool portal = false, params string[] columns)
    {
        Builder.Add(new ObjectDefinition(name)
        {
            UseOperationPermissions = operations,
            UseRecordPermissions = records,
            IsAvailableForPortal = portal,
            Columns = [.. columns.Select(c => new ColumnName(c))],
        });
        return this;
    }

    public Org ObjectRow(string objectName, string grantee, int position, ObjectOperations operations)
    {
        Builder.Add(new ObjectOperationRow(objectName, Unit(grantee), position, operations));
        return this;
    }

    public Org ColumnRow(string objectName, string column, string grantee, int position, ColumnRightLevel level)
    {
        Builder.Add(new ColumnRightRow(objectName, column, Unit(grantee), position, level));
        return this;
    }

    /// <summary>Adds record <paramref name="name"/> (id <see cref="Ids.Record"/>) with an optional author and owner.</summary>
    public Org Record(string objectName, string name, string? author = null, string? owner = null)
    {
        Builder.Add(new RecordDefinition(objectName, Ids.Record(name), author is null ? null : UserId(author), owner is null ? null : UserId(owner)));
        return this;
    }

    public Org Right(string objectName, string record, string grantee, RecordOperation operation, RecordRightLevel level = RecordRightLevel.Allow)
    {
        Builder.Add(new RecordRightRow(objectName, Ids.Record(record), Unit(grantee), operation, level));
        return this;
    }

    public Org Operation(SystemOperationCode code, string grantee, int position, bool canExecute = true)
    {
        Builder.Add(new SystemOperationRow(code, Unit(grantee), position, canExecute));
        return this;
    }

    public Org Settings(PortalAvailabilityMode mode)
    {
        Builder.Settings = new AccessSettings { PortalAvailabilityMode = mode };
        return this;
    }

    /// <summary>Compiles the model and resolves <paramref name="user"/> at <paramref name="now"/> (default: the Unix epoch).</summary>
    public AccessPrincipal Principal(string user, DateTimeOffset? now = null) =>
        Compile().GetPrincipal(UserId(user), now ?? DateTimeOffset.UnixEpoch);

    public AccessModel Build() => Builder.Build();

    public AccessSnapshot Compile() => AccessSnapshot.Compile(Build());

    /// <summary>The names of <c>E(u)</c> at <paramref name="now"/>, sorted.</summary>
    public IReadOnlyList<string> EffectiveRoles(AccessSnapshot snapshot, string user, DateTimeOffset? now = null)
    {
        var names = new List<string>();
        foreach (AdminUnitId unit in snapshot.GetPrincipal(UserId(user), now ?? DateTimeOffset.UnixEpoch).EffectiveRoles)
        {
            names.Add(Label(unit));
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private Org AddUser(string name, AdminUnitKind kind, string[] roles)
    {
        UserId id = Ids.User(name);
        Register(name, id);
        Builder.Add(new UserDefinition(id, name, kind));
        foreach (string role in roles)
        {
            Builder.Add(new RoleMembership(id, this[role]));
        }

        return this;
    }

    private void Register(string name, AdminUnitId id)
    {
        _names[name] = id;
        _labels[id] = name;
    }
}
