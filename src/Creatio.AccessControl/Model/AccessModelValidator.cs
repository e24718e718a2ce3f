using System.Globalization;
using System.Runtime.CompilerServices;

namespace Creatio.AccessControl;

/// <summary>Finds every problem of a model at once (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/bad-input.md">bad input</see>).</summary>
internal sealed class AccessModelValidator
{
    private readonly ModelRows _model;
    private readonly AccessModelErrorList _errors = new();
    private readonly Dictionary<AdminUnitId, UserDefinition> _users;
    private readonly Dictionary<AdminUnitId, RoleDefinition> _roles;
    private readonly Dictionary<ObjectName, ObjectDefinition> _objects;
    private readonly GuidTable _knownUnits;
    private readonly Dictionary<ObjectName, GuidTable> _records;
    private readonly HashSet<SystemOperationCode> _operations = [];
    private readonly Dictionary<AdminUnitId, int> _roleIndexes = [];

    // The row (and member of it) the next errors are about. A member given as a property name is camel-cased only when an
    // error is reported, so that valid rows cost no string.
    private bool _atSet;
    private ModelList _atList;
    private int _atIndex;
    private string? _atMember;
    private bool _atMemberIsProperty;

    // The records of the object the last record lookup was about, and whether that object keeps them in the database.
    private string? _lastRecordObject;
    private GuidTable? _lastRecordSet;
    private bool _lastKeptInDatabase;

    // The records of the object the last record added was of.
    private string? _addedRecordObject;
    private GuidTable? _addedRecords;
    private static readonly GuidTable s_noRecords = new();

    // The record right rows one task resolves when they are resolved in parallel.
    private const int RightsPerChunk = 1 << 16;

    // The objects whose record tables resolving rights keeps at hand (a power of two).
    private const int CachedObjects = 1024;

    // What the whole-model validation resolved of each record right row, for the compiler (ValidateRecords).
    private ResolvedRecordRights? _resolvedRights;

    // The ids of the model's support grants, which records name (set when records are checked).
    private HashSet<SupportGrantId>? _grantIds;

    private AccessModelValidator(ModelRows model, ModelIndex index)
    {
        _model = model;
        _users = index.Users;
        _roles = index.Roles;
        _objects = index.Objects;
        _knownUnits = index.Units;
        _records = index.Records;
    }

    /// <summary>Gets a value indicating whether a rule has reported a problem.</summary>
    public bool HasErrors => _errors.Count > 0;

    public static IReadOnlyList<AccessModelError> Validate(ModelRows model) => Validate(model, out _, out _);

    /// <summary>Validates a whole model; <paramref name="index"/> is what the validator looked rows up in, which a valid
    /// model keeps for checking edits locally (<see cref="ForEdits"/>), and <paramref name="rights"/> what it resolved
    /// of each record right row while checking it, which the compiler reads instead of looking every row up again.</summary>
    public static IReadOnlyList<AccessModelError> Validate(ModelRows model, out ModelIndex index, out ResolvedRecordRights rights)
    {
        index = new ModelIndex();
        var validator = new AccessModelValidator(model, index);
        using (LoadPhases.Begin("validate: users and roles"))
        {
            validator.ValidateUnits();
        }

        using (LoadPhases.Begin("validate: hierarchy, memberships, links"))
        {
            validator.ValidateHierarchy();
            validator.ValidateBuiltInRoles();
            validator.ValidateMemberships();
            validator.ValidateLinksAndDelegations();
        }

        using (LoadPhases.Begin("validate: objects and their rows"))
        {
            validator.ValidateObjects();
            validator.ValidateSystemOperations();
        }

        using (LoadPhases.Begin("validate: records"))
        {
            validator.ValidateRecords();
        }

        using (LoadPhases.Begin("validate: record rights"))
        {
            validator.ValidateRecordRights();
        }

        validator.ValidateSupportAccess();
        rights = validator._resolvedRights!;
        return validator.Errors;
    }

    /// <summary>A validator over the index of a valid model, for the rules of single rows (<see cref="CheckMembership"/>,
    /// <see cref="CheckObjectOperationRow"/>, <see cref="CheckRecordRightRow(RecordRightRow, int)"/>) applied to edited rows: the rules the
    /// whole-model validation applies to every row.</summary>
    public static AccessModelValidator ForEdits(ModelIndex index) => new(ModelRows.Empty, index);

    /// <summary>A validator over a valid model, for the rules of the records and record rights of an object that keeps them
    /// in the database, which the model does not hold (<see cref="CheckDatabaseRecord"/>,
    /// <see cref="CheckDatabaseRecordRightRow"/>): the rules the whole-model validation applies to every record and record
    /// right row of the model, with the same messages, codes and ids.</summary>
    /// <remarks>Its errors name no row of the model (<see cref="AccessModelError.Row"/> is <see langword="null"/>): the rows
    /// are in the database.</remarks>
    public static AccessModelValidator ForDatabaseRecords(AccessModel model) =>
        new(ModelRows.Empty, model.Index) { _grantIds = [.. model.SupportGrants.Select(g => g.Id)] };

    /// <summary>Gets the problems reported so far, the admin units they quote named as the whole-model validation names
    /// them.</summary>
    public AccessModelErrorList Errors => AccessModelErrorNames.Apply(_errors, NameOf);

    /// <summary>The name of an admin unit of the model, or <see langword="null"/>.</summary>
    private string? NameOf(Guid id) =>
        _users.TryGetValue(new AdminUnitId(id), out UserDefinition? user) ? user.Name
            : _roles.TryGetValue(new AdminUnitId(id), out RoleDefinition? role) ? role.Name : null;

    private void Add(AccessModelErrorCode code, string message, params string[] ids) =>
        _errors.Add(new AccessModelError(code, message, ids)
        {
            Row = _atSet ? new ModelRowReference(_atList, _atIndex, _atMemberIsProperty ? Member(_atMember!) : _atMember) : null,
        });

    /// <summary>Says which row (and member of it) the next errors are about.</summary>
    private void At(ModelList list, int index, string? member = null)
    {
        _atSet = true;
        _atList = list;
        _atIndex = index;
        _atMember = member;
        _atMemberIsProperty = false;
    }

    /// <summary>Says which row, and which member of it by model property name, the next errors are about.</summary>
    private void AtProperty(ModelList list, int index, string propertyName)
    {
        At(list, index, propertyName);
        _atMemberIsProperty = true;
    }

    /// <summary>Keeps the current row and names the member of it the next errors are about.</summary>
    private void AtMember(string member)
    {
        _atMember = member;
        _atMemberIsProperty = false;
    }

    /// <summary>Keeps the current row and names the member of it, by model property name, the next errors are about.</summary>
    private void AtMemberProperty(string propertyName)
    {
        _atMember = propertyName;
        _atMemberIsProperty = true;
    }

    /// <summary>The camel-cased name of a model property, as policy documents spell it.</summary>
    private static string Member(string propertyName) => string.Concat(char.ToLowerInvariant(propertyName[0]).ToString(), propertyName.AsSpan(1));

    private static string Q(object value) => $"`{value}`";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateUnits()
    {
        for (int i = 0; i < _model.Users.Length; i++)
        {
            UserDefinition user = _model.Users[i];
            AdminUnitId id = user.Id;
            AtProperty(ModelList.Users, i, nameof(UserDefinition.Kind));
            if (user.Kind is not (AdminUnitKind.User or AdminUnitKind.ExternalUser))
            {
                Add(AccessModelErrorCode.InvalidKind, $"User {Q(id)} has kind {Q(user.Kind)}; a user is of kind User or ExternalUser.", id.ToString());
            }

            AtMemberProperty(nameof(UserDefinition.Name));
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, $"User {Q(id)} has no name.", id.ToString());
            }

            AtMemberProperty(nameof(UserDefinition.Id));
            if (id.Value == Guid.Empty)
            {
                ReportEmpty($"User {Q(user.Name)} has an empty id");
            }
            AtMemberProperty(nameof(UserDefinition.Contact));
            if (user.Contact?.Value == Guid.Empty)
            {
                ReportEmpty($"User {Q(id)} has an empty contact id");
            }
            AtMemberProperty(nameof(UserDefinition.Account));
            if (user.Account?.Value == Guid.Empty)
            {
                ReportEmpty($"User {Q(id)} has an empty account id");
            }
            AtMemberProperty(nameof(UserDefinition.Id));
            if (_users.TryAdd(id, user))
            {
                _knownUnits.TryAdd(id.Value, i);
            }
            else
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by more than one user.", id.ToString());
            }
        }

        for (int i = 0; i < _model.Roles.Length; i++)
        {
            RoleDefinition role = _model.Roles[i];
            AdminUnitId id = role.Id;
            AtProperty(ModelList.Roles, i, nameof(RoleDefinition.Kind));
            if (role.Kind is AdminUnitKind.User or AdminUnitKind.ExternalUser || !Enum.IsDefined(role.Kind))
            {
                Add(AccessModelErrorCode.InvalidKind, $"Role {Q(id)} has kind {Q(role.Kind)}; a role is an organization, division, team, manager or functional role.", id.ToString());
            }

            AtMemberProperty(nameof(RoleDefinition.Name));
            if (string.IsNullOrWhiteSpace(role.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, $"Role {Q(id)} has no name.", id.ToString());
            }

            AtMemberProperty(nameof(RoleDefinition.Account));
            if (role.Account?.Value == Guid.Empty)
            {
                ReportEmpty($"Role {Q(id)} has an empty account id");
            }
            AtMemberProperty(nameof(RoleDefinition.Id));
            if (id.Value == Guid.Empty)
            {
                ReportEmpty($"Role {Q(role.Name)} has an empty id");
            }
            if (_users.ContainsKey(id))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by a user and a role.", id.ToString());
            }
            else if (!_roles.TryAdd(id, role))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by more than one role.", id.ToString());
            }
            else
            {
                _knownUnits.TryAdd(id.Value, _model.Users.Length + i);
                _roleIndexes.Add(id, i);
            }
        }
    }

    private static bool IsOrganizational(AdminUnitKind kind) =>
        kind is AdminUnitKind.Organization or AdminUnitKind.Division or AdminUnitKind.Team;

    /// <summary>The built-in roles are organizational roles, and neither All employees nor All portal users may sit below
    /// the other: portal users would inherit employees' permissions, or employees portal users'.</summary>
    private void ValidateBuiltInRoles()
    {
        foreach (RoleId builtIn in new[] { BuiltInRoles.AllEmployees, BuiltInRoles.AllPortalUsers, BuiltInRoles.SystemAdministrators })
        {
            if (_roles.TryGetValue(builtIn, out RoleDefinition? role) && !IsOrganizational(role.Kind))
            {
                At(ModelList.Roles, _roleIndexes[builtIn], Member(nameof(RoleDefinition.Kind)));
                Add(AccessModelErrorCode.InvalidKind, $"Built-in role {Q(builtIn)} has kind {Q(role.Kind)}; built-in roles are organizational roles.", builtIn.ToString());
            }
        }

        foreach ((RoleId lower, RoleId upper) in new[] { (BuiltInRoles.AllPortalUsers, BuiltInRoles.AllEmployees), (BuiltInRoles.AllEmployees, BuiltInRoles.AllPortalUsers) })
        {
            if (IsBelow(lower, upper))
            {
                At(ModelList.Roles, _roleIndexes[lower], Member(nameof(RoleDefinition.Parent)));
                Add(AccessModelErrorCode.InvalidParent, $"Built-in role {Q(lower)} is below {Q(upper)}; All employees and All external users must stay apart.", lower.ToString(), upper.ToString());
            }
        }
    }

    private bool IsBelow(AdminUnitId role, AdminUnitId ancestor)
    {
        var seen = new HashSet<AdminUnitId>();
        AdminUnitId? current = _roles.TryGetValue(role, out RoleDefinition? start) ? start.Parent : null;
        while (current is { } id && seen.Add(id) && _roles.TryGetValue(id, out RoleDefinition? definition))
        {
            if (id == ancestor)
            {
                return true;
            }

            current = definition.Parent;
        }

        return false;
    }

    private void ValidateHierarchy()
    {
        var managers = new Dictionary<AdminUnitId, AdminUnitId>();
        foreach (RoleDefinition role in _roles.Values)
        {
            AdminUnitId id = role.Id;
            AtProperty(ModelList.Roles, _roleIndexes[id], nameof(RoleDefinition.Parent));
            RoleDefinition? parent = null;
            if (role.Parent is { } parentId)
            {
                if (_users.ContainsKey(parentId))
                {
                    Add(AccessModelErrorCode.InvalidParent, $"Role {Q(id)} has user {Q(parentId)} as its parent; a parent must be a role.", id.ToString(), parentId.ToString());
                    continue;
                }

                if (!_roles.TryGetValue(parentId, out parent))
                {
                    Add(AccessModelErrorCode.DanglingReference, $"Role {Q(id)} has parent {Q(parentId)}, which is not defined.", id.ToString(), parentId.ToString());
                    continue;
                }
            }

            switch (role.Kind)
            {
                case AdminUnitKind.Manager:
                    if (parent is null || !IsOrganizational(parent.Kind))
                    {
                        Add(
                            AccessModelErrorCode.ManagerWithoutOrganizationalParent,
                            parent is null
                                ? $"Manager role {Q(id)} has no parent; a manager role's parent is the organizational role it manages."
                                : $"Manager role {Q(id)} has parent {Q(parent.Id)} of kind {Q(parent.Kind)}; a manager role's parent must be an organizational role.",
                            parent is null ? [id.ToString()] : [id.ToString(), parent.Id.ToString()]);
                    }
                    else if (managers.TryGetValue(parent.Id, out AdminUnitId other))
                    {
                        Add(AccessModelErrorCode.DuplicateManager, $"Organizational role {Q(parent.Id)} has two manager roles, {Q(other)} and {Q(id)}.", parent.Id.ToString(), other.ToString(), id.ToString());
                    }
                    else
                    {
                        managers.Add(parent.Id, id);
                    }

                    break;
                case AdminUnitKind.FunctionalRole:
                    if (parent is not null && parent.Kind != AdminUnitKind.FunctionalRole)
                    {
                        Add(AccessModelErrorCode.InvalidParent, $"Functional role {Q(id)} has parent {Q(parent.Id)} of kind {Q(parent.Kind)}; functional roles form their own tree.", id.ToString(), parent.Id.ToString());
                    }

                    break;
                default:
                    if (parent is not null && !IsOrganizational(parent.Kind))
                    {
                        Add(AccessModelErrorCode.InvalidParent, $"Organizational role {Q(id)} has parent {Q(parent.Id)} of kind {Q(parent.Kind)}; organizational roles form their own tree.", id.ToString(), parent.Id.ToString());
                    }

                    break;
            }
        }

        FindCycles();
    }

    private void FindCycles()
    {
        // 0 = unvisited, 1 = on the current path, 2 = done.
        var state = new Dictionary<AdminUnitId, byte>();
        var path = new List<AdminUnitId>();
        foreach (RoleDefinition start in _model.Roles)
        {
            if (state.ContainsKey(start.Id))
            {
                continue;
            }

            path.Clear();
            AdminUnitId? current = start.Id;
            while (current is { } id && _roles.TryGetValue(id, out RoleDefinition? role))
            {
                if (state.TryGetValue(id, out byte seen))
                {
                    if (seen == 1)
                    {
                        int from = path.IndexOf(id);
                        List<AdminUnitId> cycle = path.GetRange(from, path.Count - from);
                        At(ModelList.Roles, _roleIndexes[id], Member(nameof(RoleDefinition.Parent)));
                        string chain = string.Join(" → ", cycle.Append(id).Select(c => Q(c)));
                        Add(AccessModelErrorCode.Cycle, $"Roles form a parent cycle: {chain}.", [.. cycle.Select(c => c.ToString())]);
                    }

                    break;
                }

                state[id] = 1;
                path.Add(id);
                current = role.Parent is { } parent ? parent : null;
            }

            foreach (AdminUnitId visited in path)
            {
                state[visited] = 2;
            }
        }
    }

    private bool IsUnderAllPortalUsers(AdminUnitId roleId)
    {
        var seen = new HashSet<AdminUnitId>();
        AdminUnitId? current = roleId;
        while (current is { } id && seen.Add(id) && _roles.TryGetValue(id, out RoleDefinition? role))
        {
            if (id == BuiltInRoles.AllPortalUsers)
            {
                return true;
            }

            current = role.Parent is { } parent ? parent : null;
        }

        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateMemberships()
    {
        for (int i = 0; i < _model.Memberships.Length; i++)
        {
            CheckMembership(_model.Memberships[i], i);
        }

        for (int i = 0; i < _model.RolesNotInheritedByManagers.Length; i++)
        {
            RoleId role = _model.RolesNotInheritedByManagers[i];
            At(ModelList.RolesNotInheritedByManagers, i);
            if (!_roles.ContainsKey(role))
            {
                Add(AccessModelErrorCode.DanglingReference, $"Role {Q(role)} in the roles not inherited by managers is not defined.", role.ToString());
            }
        }
    }

    /// <summary>The rules of one membership: its user and role are defined, and a portal user's role is All portal users
    /// or below it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckMembership(RoleMembership membership, int index)
    {
        AdminUnitId user = membership.User;
        AdminUnitId role = membership.Role;
        AtProperty(ModelList.Memberships, index, nameof(RoleMembership.User));
        bool userKnown = _users.TryGetValue(user, out UserDefinition? userDefinition);
        if (!userKnown)
        {
            Add(AccessModelErrorCode.DanglingReference, $"Membership of {Q(user)} in {Q(role)} names user {Q(user)}, which is not defined.", user.ToString(), role.ToString());
        }

        AtMemberProperty(nameof(RoleMembership.Role));
        if (!_roles.ContainsKey(role))
        {
            Add(AccessModelErrorCode.DanglingReference, $"Membership of {Q(user)} in {Q(role)} names role {Q(role)}, which is not defined.", user.ToString(), role.ToString());
            return;
        }

        if (userDefinition is { IsExternal: true } && !IsUnderAllPortalUsers(role))
        {
            Add(AccessModelErrorCode.ExternalUserInNonPortalRole, $"External user {Q(user)} is a member of {Q(role)}, which is not All external users or a role below it.", user.ToString(), role.ToString());
        }
    }

    private void ValidateLinksAndDelegations()
    {
        for (int i = 0; i < _model.FunctionalLinks.Length; i++)
        {
            FunctionalRoleLink link = _model.FunctionalLinks[i];
            AdminUnitId functional = link.FunctionalRole;
            AdminUnitId organizational = link.OrganizationalRole;
            At(ModelList.FunctionalLinks, i);
            bool functionalOk = _roles.TryGetValue(functional, out RoleDefinition? f);
            bool organizationalOk = _roles.TryGetValue(organizational, out RoleDefinition? o);
            if (!functionalOk || !organizationalOk)
            {
                // Each missing end is its own problem, so that a link missing both ends names both.
                foreach ((AdminUnitId missing, string member) in new[] { (functional, nameof(FunctionalRoleLink.FunctionalRole)), (organizational, nameof(FunctionalRoleLink.OrganizationalRole)) })
                {
                    if (!_roles.ContainsKey(missing))
                    {
                        AtMember(Member(member));
                        Add(AccessModelErrorCode.DanglingReference, $"Functional link from {Q(functional)} to {Q(organizational)} names role {Q(missing)}, which is not defined.", functional.ToString(), organizational.ToString());
                    }
                }

                continue;
            }

            if (f!.Kind != AdminUnitKind.FunctionalRole || !IsOrganizational(o!.Kind))
            {
                Add(AccessModelErrorCode.InvalidFunctionalLink, $"Functional link from {Q(functional)} ({Q(f.Kind)}) to {Q(organizational)} ({Q(o!.Kind)}) must link a functional role to an organizational role.", functional.ToString(), organizational.ToString());
            }
        }

        for (int i = 0; i < _model.Delegations.Length; i++)
        {
            Delegation delegation = _model.Delegations[i];
            AtProperty(ModelList.Delegations, i, nameof(Delegation.Grantor));
            CheckUnit(delegation.Grantor, new What(WhatKind.Delegation, delegation));
            AtMemberProperty(nameof(Delegation.Recipient));
            CheckUnit(delegation.Recipient, new What(WhatKind.Delegation, delegation));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckUnit(AdminUnitId unit, What what) => CheckUnit(unit, what, out _);

    /// <summary>Whether an admin unit is defined, reporting it when not; <paramref name="number"/> is its number in
    /// <see cref="ModelIndex.Units"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckUnit(AdminUnitId unit, What what, out int number)
    {
        if (_knownUnits.TryGetValue(unit.Value, out number))
        {
            return true;
        }

        number = -1;
        Add(AccessModelErrorCode.DanglingReference, $"{what} names admin unit {Q(unit)}, which is not defined.", unit.ToString());
        return false;
    }

    /// <summary>Reports an id that is the empty GUID. No id may be: the engine must never meet a value a caller can produce
    /// that could be read as "none".</summary>
    private void ReportEmpty(string what) =>
        Add(AccessModelErrorCode.InvalidValue, $"{what} {Q(Guid.Empty)}; ids must not be the empty GUID.", Guid.Empty.ToString());

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CheckObject(ObjectName name, What what)
    {
        if (name.Value is not null && _objects.ContainsKey(name))
        {
            return true;
        }

        string? near = name.Value is null || _errors.IsFull ? null : NameSuggestions.Nearest(_objects.Keys.Select(o => o.Value), name.Value);
        Add(AccessModelErrorCode.DanglingReference, $"{what} names object {Q(name)}, which is not defined{(near is null ? "." : $"; did you mean {Q(near)}?")}", name.ToString());
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckEnum<TEnum>(TEnum value, What what)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(AccessModelErrorCode.InvalidValue, $"{what} has {typeof(TEnum).Name} {Q(value)}, which is not defined.", value.ToString());
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckPositions<TKey>(HashSet<(TKey, int)> seen, TKey key, int position, What what, string id)
    {
        if (position < 0)
        {
            Add(AccessModelErrorCode.InvalidPosition, $"{what} has position {position}; positions are 0 or more.", id);
        }
        else if (!seen.Add((key, position)))
        {
            Add(AccessModelErrorCode.InvalidPosition, $"{what} has position {position}, which another row of it already has.", id);
        }
    }

    /// <summary>Makes the object of <paramref name="name"/> the one record lookups are about; looks the object up only when
    /// it differs from the last one (rows of one object usually follow one another).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SelectRecordObject(ObjectName name)
    {
        if (_lastRecordSet is not null && ReferenceEquals(name.Value, _lastRecordObject))
        {
            return;
        }

        _lastRecordObject = name.Value;
        _lastRecordSet = _records.TryGetValue(name, out GuidTable? records) ? records : s_noRecords;
        _lastKeptInDatabase = KeptInDatabase(name);
    }

    /// <summary>Adds a record of an object (at <paramref name="index"/> among the model's records); false when the object
    /// already has it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool AddRecord(ObjectName name, RecordId record, int index)
    {
        if (_addedRecords is null || !ReferenceEquals(name.Value, _addedRecordObject))
        {
            if (!_records.TryGetValue(name, out _addedRecords))
            {
                _addedRecords = new GuidTable();
                _records.Add(name, _addedRecords);
            }

            _addedRecordObject = name.Value;
            _lastRecordSet = null;
        }

        return _addedRecords.TryAdd(record.Value, index);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateObjects()
    {
        var columns = new HashSet<(ObjectName, ColumnName)>();
        for (int i = 0; i < _model.Objects.Length; i++)
        {
            ObjectDefinition definition = _model.Objects[i];
            AtProperty(ModelList.Objects, i, nameof(ObjectDefinition.Name));
            if (definition.Name.Value is null)
            {
                Add(AccessModelErrorCode.InvalidValue, "An object has no name.");
                continue;
            }

            AtMemberProperty(nameof(ObjectDefinition.Category));
            CheckEnum(definition.Category, $"Object {Q(definition.Name)}");
            AtMemberProperty(nameof(ObjectDefinition.Name));
            if (!_objects.TryAdd(definition.Name, definition))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Object {Q(definition.Name)} is defined more than once.", definition.Name.ToString());
                continue;
            }

            IReadOnlyList<ColumnName> definedColumns = definition.Columns ?? [];
            for (int c = 0; c < definedColumns.Count; c++)
            {
                ColumnName column = definedColumns[c];
                AtMember($"{Member(nameof(ObjectDefinition.Columns))}[{c}]");
                if (column.Value is null || !columns.Add((definition.Name, column)))
                {
                    Add(AccessModelErrorCode.DuplicateId, $"Object {Q(definition.Name)} lists column {Q(column)} more than once.", definition.Name.ToString(), column.ToString());
                }
            }
        }

        var objectPositions = new HashSet<(ObjectName, int)>();
        for (int i = 0; i < _model.ObjectOperationRows.Length; i++)
        {
            CheckObjectOperationRow(_model.ObjectOperationRows[i], i, objectPositions);
        }

        var columnPositions = new HashSet<((ObjectName, ColumnName), int)>();
        for (int i = 0; i < _model.ColumnRightRows.Length; i++)
        {
            ColumnRightRow row = _model.ColumnRightRows[i];
            var what = new What(WhatKind.ColumnRightRow, row);
            AtProperty(ModelList.ColumnRightRows, i, nameof(ColumnRightRow.Object));
            if (CheckObject(row.Object, what))
            {
                AtMemberProperty(nameof(ColumnRightRow.Column));
                if (row.Column.Value is null || (!columns.Contains((row.Object, row.Column)) && !SystemColumns.Contains(row.Column.Value)))
                {
                    Add(AccessModelErrorCode.DanglingReference, $"{what} names column {Q(row.Column)}, which object {Q(row.Object)} does not have.", row.Object.ToString(), row.Column.ToString());
                }
                else
                {
                    AtMemberProperty(nameof(ColumnRightRow.Position));
                    CheckPositions(columnPositions, (row.Object, row.Column), row.Position, what, row.Object.ToString());
                }
            }

            AtMemberProperty(nameof(ColumnRightRow.Grantee));
            CheckUnit(row.Grantee, what);
            AtMemberProperty(nameof(ColumnRightRow.Level));
            CheckEnum(row.Level, what);
        }

        for (int i = 0; i < _model.DefaultRecordRightRules.Length; i++)
        {
            DefaultRecordRightRule rule = _model.DefaultRecordRightRules[i];
            var what = new What(WhatKind.DefaultRecordRightRule, rule);
            AtProperty(ModelList.DefaultRecordRightRules, i, nameof(DefaultRecordRightRule.Object));
            CheckObject(rule.Object, what);
            AtMemberProperty(nameof(DefaultRecordRightRule.Author));
            CheckUnit(rule.Author, what);
            if (rule.Grantee is { } grantee)
            {
                AtMemberProperty(nameof(DefaultRecordRightRule.Grantee));
                CheckUnit(grantee, what);
            }

            AtMemberProperty(nameof(DefaultRecordRightRule.Operation));
            CheckEnum(rule.Operation, what);
            AtMemberProperty(nameof(DefaultRecordRightRule.Level));
            CheckEnum(rule.Level, what);
        }

        AtProperty(ModelList.Settings, 0, nameof(AccessSettings.PortalAvailabilityMode));
        CheckEnum(_model.Settings.PortalAvailabilityMode, "The settings");
    }

    /// <summary>The rules of one object operation row: its object and grantee are defined, its position is 0 or more
    /// and unique among the object's rows (<paramref name="positions"/> holds those seen), its operations are defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void CheckObjectOperationRow(ObjectOperationRow row, int index, HashSet<(ObjectName, int)> positions)
    {
        var what = new What(WhatKind.ObjectOperationRow, row);
        AtProperty(ModelList.ObjectOperationRows, index, nameof(ObjectOperationRow.Object));
        if (CheckObject(row.Object, what))
        {
            AtMemberProperty(nameof(ObjectOperationRow.Position));
            CheckPositions(positions, row.Object, row.Position, what, row.Object.ToString());
        }

        AtMemberProperty(nameof(ObjectOperationRow.Grantee));
        CheckUnit(row.Grantee, what);
        AtMemberProperty(nameof(ObjectOperationRow.Operations));
        if ((row.Operations & ~ObjectOperations.All) != 0)
        {
            Add(AccessModelErrorCode.InvalidValue, $"{what} has operations {Q((int)row.Operations)}, which are not defined.", row.Object.ToString());
        }
    }

    private void ValidateSystemOperations()
    {
        for (int i = 0; i < _model.SystemOperations.Length; i++)
        {
            SystemOperationDefinition operation = _model.SystemOperations[i];
            AtProperty(ModelList.SystemOperations, i, nameof(SystemOperationDefinition.Code));
            if (operation.Code.Value is null)
            {
                Add(AccessModelErrorCode.InvalidValue, "A system operation has no code.");
            }
            else if (!_operations.Add(operation.Code))
            {
                Add(AccessModelErrorCode.DuplicateId, $"System operation {Q(operation.Code)} is defined more than once.", operation.Code.ToString());
            }
        }

        for (int i = 0; i < _model.SystemOperations.Length; i++)
        {
            SystemOperationDefinition operation = _model.SystemOperations[i];
            IReadOnlyList<ObjectAccessGrant> grants = operation.ObjectAccess ?? [];
            for (int g = 0; g < grants.Count; g++)
            {
                ObjectAccessGrant grant = grants[g];
                string member = $"{Member(nameof(SystemOperationDefinition.ObjectAccess))}[{g}]";
                At(ModelList.SystemOperations, i, $"{member}.{Member(nameof(ObjectAccessGrant.Object))}");
                CheckObject(grant.Object, $"System operation {Q(operation.Code)}");
                if ((grant.Operations & ~ObjectOperations.All) != 0)
                {
                    AtMember($"{member}.{Member(nameof(ObjectAccessGrant.Operations))}");
                    Add(AccessModelErrorCode.InvalidValue, $"System operation {Q(operation.Code)} grants operations {Q((int)grant.Operations)} on {Q(grant.Object)}, which are not defined.", operation.Code.ToString());
                }
            }
        }

        var positions = new HashSet<(SystemOperationCode, int)>();
        for (int i = 0; i < _model.SystemOperationRows.Length; i++)
        {
            SystemOperationRow row = _model.SystemOperationRows[i];
            var what = new What(WhatKind.SystemOperationRow, row);
            AtProperty(ModelList.SystemOperationRows, i, nameof(SystemOperationRow.Operation));
            if (row.Operation.Value is null || !_operations.Contains(row.Operation))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} names operation {Q(row.Operation)}, which is not defined.", row.Operation.ToString());
            }
            else
            {
                AtMemberProperty(nameof(SystemOperationRow.Position));
                CheckPositions(positions, row.Operation, row.Position, what, row.Operation.ToString());
            }

            AtMemberProperty(nameof(SystemOperationRow.Grantee));
            CheckUnit(row.Grantee, what);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateRecords()
    {
        _grantIds = [.. _model.SupportGrants.Select(g => g.Id)];
        RecordDefinition[] records = _model.Records;

        // The object of the last record, when it is defined, and whether it keeps its records in the database: records of
        // one object usually follow one another, so that its name is looked up once, not once per record.
        string? definedObject = null;
        bool keptInDatabase = false;
        for (int i = 0; i < records.Length; i++)
        {
            RecordDefinition record = records[i];
            var what = new What(WhatKind.Record, record);
            AtProperty(ModelList.Records, i, nameof(RecordDefinition.Object));
            if (definedObject is null || !ReferenceEquals(record.Object.Value, definedObject))
            {
                definedObject = CheckObject(record.Object, what) ? record.Object.Value : null;
                keptInDatabase = KeptInDatabase(record.Object);
            }

            CheckRecordId(record);
            if (keptInDatabase)
            {
                Add(AccessModelErrorCode.RecordKeptInDatabase, $"{what} is given in the model, but {Q(record.Object)} keeps its records in the database; leave it there and check it with CheckRecordAsync.", record.Object.ToString(), record.Id.ToString());
            }

            if (!AddRecord(record.Object, record.Id, i))
            {
                Add(AccessModelErrorCode.DuplicateId, $"{what} is defined more than once.", record.Object.ToString(), record.Id.ToString());
            }

            CheckRecordReferences(record, what);
        }
    }

    /// <summary>The rules of a record an object keeps in the database (which the model does not hold): the rules of every
    /// record of the model that do not depend on the other records (<see cref="CheckRecordId"/>,
    /// <see cref="CheckRecordReferences"/>).</summary>
    public void CheckDatabaseRecord(RecordDefinition record)
    {
        CheckRecordId(record);
        CheckRecordReferences(record, new What(WhatKind.Record, record));
    }

    /// <summary>The rule of a record's id: it is not the empty GUID.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckRecordId(RecordDefinition record)
    {
        AtMemberProperty(nameof(RecordDefinition.Id));
        if (record.Id.Value == Guid.Empty)
        {
            ReportEmpty($"A record of {Q(record.Object)} has an empty id");
        }
    }

    /// <summary>The rules of what a record names: its author and owner are defined users, the support grant it was created
    /// in is defined.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRecordReferences(RecordDefinition record, What what)
    {
        AtMemberProperty(nameof(RecordDefinition.Author));
        if (record.Author is { } author && !_users.ContainsKey(author))
        {
            Add(AccessModelErrorCode.DanglingReference, $"{what} has author {Q(author)}, which is not a defined user.", record.Id.ToString(), author.ToString());
        }

        AtMemberProperty(nameof(RecordDefinition.CreatedInSupportGrant));
        if (record.CreatedInSupportGrant is { } grant && !_grantIds!.Contains(grant))
        {
            Add(AccessModelErrorCode.DanglingReference, $"{what} was created in support grant {Q(grant)}, which is not defined.", record.Id.ToString(), grant.ToString());
        }

        AtMemberProperty(nameof(RecordDefinition.Owner));
        if (record.Owner is { } owner && !_users.ContainsKey(owner))
        {
            Add(AccessModelErrorCode.DanglingReference, $"{what} has owner {Q(owner)}, which is not a defined user.", record.Id.ToString(), owner.ToString());
        }
    }

    /// <summary>Checks every record right row and resolves each one's record and grantee for the compiler.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ValidateRecordRights()
    {
        // Each right's record and grantee as the compiler numbers them, found while checking that they are defined: first
        // every row resolved without reporting (in parallel chunks when there are many: the tables it reads are complete
        // and no longer change), then the rows that did not resolve checked again in order, which reports their problems
        // exactly as checking every row in order would.
        RecordRightRow[] rights = _model.RecordRightRows;
        var rightRecord = new int[rights.Length];
        var rightUnit = new int[rights.Length];
        var rightOperation = new byte[rights.Length];
        var unresolved = new bool[rights.Length];
        int chunks = (rights.Length + RightsPerChunk - 1) / RightsPerChunk;
        if (chunks > 1 && Environment.ProcessorCount > 1)
        {
            Parallel.For(0, chunks, chunk => ResolveRights(rights, chunk * RightsPerChunk, Math.Min(rights.Length, (chunk + 1) * RightsPerChunk), rightRecord, rightUnit, rightOperation, unresolved));
        }
        else
        {
            ResolveRights(rights, 0, rights.Length, rightRecord, rightUnit, rightOperation, unresolved);
        }

        for (int i = 0; i < rights.Length; i++)
        {
            if (unresolved[i])
            {
                CheckRecordRightRow(rights[i], i, out rightRecord[i], out rightUnit[i]);
            }
        }

        _resolvedRights = new ResolvedRecordRights(rightRecord, rightUnit, rightOperation);
    }

    /// <summary>Resolves the record right rows of <c>[start, end)</c> as <see cref="CheckRecordRightRow(RecordRightRow, int, out int, out int)"/>
    /// does, reporting nothing: a row it would report a problem of is marked in <paramref name="unresolved"/>. Reads only
    /// tables complete by now, so that chunks may run at once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ResolveRights(RecordRightRow[] rights, int start, int end, int[] record, int[] unit, byte[] operation, bool[] unresolved)
    {
        // The record table of each object the rows name, and whether it keeps its records in the database, in a small
        // table by the name: rows in random order over a few hundred objects would each cost two lookups by value.
        var names = new string?[CachedObjects];
        var tables = new GuidTable?[CachedObjects];
        var kept = new bool[CachedObjects];
        for (int i = start; i < end; i++)
        {
            RecordRightRow row = rights[i];
            string? name = row.Object.Value;
            int slot = NameSlot(name);
            GuidTable? records = tables[slot];
            if (records is null || !(ReferenceEquals(names[slot], name) || string.Equals(names[slot], name, StringComparison.Ordinal)))
            {
                records = tables[slot] = _records.TryGetValue(row.Object, out GuidTable? found) ? found : s_noRecords;
                names[slot] = name;
                kept[slot] = KeptInDatabase(row.Object);
            }

            operation[i] = ResolvedRecordRights.Of(row);
            unresolved[i] = kept[slot]
                | !records.TryGetValue(row.Record.Value, out record[i])
                | !_knownUnits.TryGetValue(row.Grantee.Value, out unit[i])
                | !ResolvedRecordRights.IsDefined(row);
        }
    }

    /// <summary>The slot of an object name in <see cref="ResolveRights"/>' table: a hash of its characters (FNV-1a), the
    /// same for equal names; 0 for none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NameSlot(string? name)
    {
        if (name is null)
        {
            return 0;
        }

        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = unchecked((hash ^ c) * 16777619);
        }

        return unchecked((int)(hash ^ (hash >> 15))) & (CachedObjects - 1);
    }

    /// <summary>Whether a defined object keeps its records and rights in the database.</summary>
    private bool KeptInDatabase(ObjectName name) =>
        name.Value is not null && _objects.TryGetValue(name, out ObjectDefinition? definition) && definition.KeepsRecordsInDatabase;

    /// <summary>The rules of one record right row: its record and grantee are defined, its operation, level and source
    /// are defined values.</summary>
    public void CheckRecordRightRow(RecordRightRow row, int index) => CheckRecordRightRow(row, index, out _, out _);

    /// <summary><see cref="CheckRecordRightRow(RecordRightRow, int)"/>, giving the record's place among the model's records
    /// and the grantee's number in <see cref="ModelIndex.Units"/> (-1 for either when it is not defined).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRecordRightRow(RecordRightRow row, int index, out int record, out int unit)
    {
        var what = new What(WhatKind.RecordRightRow, row);
        AtProperty(ModelList.RecordRightRows, index, nameof(RecordRightRow.Record));
        SelectRecordObject(row.Object);
        record = -1;
        if (_lastKeptInDatabase)
        {
            Add(AccessModelErrorCode.RecordKeptInDatabase, $"{what} is given in the model, but {Q(row.Object)} keeps its records and rights in the database; write it there.", row.Object.ToString(), row.Record.ToString());
        }
        else if (!_lastRecordSet!.TryGetValue(row.Record.Value, out record))
        {
            record = -1;
            ReportUndefinedRecord(row, what);
        }

        CheckRecordRightValues(row, what, out unit);
    }

    /// <summary>The rules of a record right row of an object that keeps its records in the database (which the model does
    /// not hold): those of <see cref="CheckRecordRightRow(RecordRightRow, int)"/>, its record looked up among
    /// <paramref name="records"/>, the object's records in the database, instead of the model's.</summary>
    public void CheckDatabaseRecordRightRow(RecordRightRow row, IReadOnlySet<RecordId> records)
    {
        var what = new What(WhatKind.RecordRightRow, row);
        AtMemberProperty(nameof(RecordRightRow.Record));
        if (!records.Contains(row.Record))
        {
            ReportUndefinedRecord(row, what);
        }

        CheckRecordRightValues(row, what, out _);
    }

    private void ReportUndefinedRecord(RecordRightRow row, What what) =>
        Add(AccessModelErrorCode.DanglingReference, $"{what} names a record that is not defined.", row.Object.ToString(), row.Record.ToString());

    /// <summary>The rules of a record right row besides its record: its grantee is defined, its operation, level and source
    /// are defined values; <paramref name="unit"/> is the grantee's number in <see cref="ModelIndex.Units"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckRecordRightValues(RecordRightRow row, What what, out int unit)
    {
        AtMemberProperty(nameof(RecordRightRow.Grantee));
        CheckUnit(row.Grantee, what, out unit);
        AtMemberProperty(nameof(RecordRightRow.Operation));
        CheckEnum(row.Operation, what);
        AtMemberProperty(nameof(RecordRightRow.Level));
        CheckEnum(row.Level, what);
        AtMemberProperty(nameof(RecordRightRow.Source));
        CheckEnum(row.Source, what);
    }

    private void ValidateSupportAccess()
    {
        var workplaces = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < _model.Workplaces.Length; i++)
        {
            WorkplaceDefinition workplace = _model.Workplaces[i];
            AtProperty(ModelList.Workplaces, i, nameof(WorkplaceDefinition.Name));
            if (string.IsNullOrWhiteSpace(workplace.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, "A workplace has no name.");
                continue;
            }

            if (!workplaces.Add(workplace.Name))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Workplace {Q(workplace.Name)} is defined more than once.", workplace.Name);
            }

            IReadOnlyList<ObjectName> objects = workplace.Objects ?? [];
            for (int o = 0; o < objects.Count; o++)
            {
                AtMember($"{Member(nameof(WorkplaceDefinition.Objects))}[{o}]");
                CheckObject(objects[o], $"Workplace {Q(workplace.Name)}");
            }
        }

        SupportAccessSettings settings = _model.Settings.SupportAccess ?? SupportAccessSettings.Default;
        var grants = new HashSet<SupportGrantId>();
        for (int i = 0; i < _model.SupportGrants.Length; i++)
        {
            SupportAccessGrant grant = _model.SupportGrants[i];
            var what = new What(WhatKind.SupportGrant, grant);
            AtProperty(ModelList.SupportGrants, i, nameof(SupportAccessGrant.Id));
            if (grant.Id.Value == Guid.Empty)
            {
                ReportEmpty($"A support grant (reason {Q(grant.Reason)}) has an empty id");
            }
            if (!grants.Add(grant.Id))
            {
                Add(AccessModelErrorCode.DuplicateId, $"{what} is defined more than once.", grant.Id.ToString());
            }

            AtMemberProperty(nameof(SupportAccessGrant.Reason));
            if (string.IsNullOrWhiteSpace(grant.Reason))
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} has no reason.", grant.Id.ToString());
            }

            AtMemberProperty(nameof(SupportAccessGrant.CloseDate));
            if ((SupportAccessRules.Period(grant) ?? SupportAccessRules.Duration(grant, settings)) is { } period)
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} {period}", grant.Id.ToString());
            }

            AtMemberProperty(nameof(SupportAccessGrant.Grantor));
            if (!_users.ContainsKey(grant.Grantor))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} has grantor {Q(grant.Grantor)}, which is not a defined user.", grant.Id.ToString(), grant.Grantor.ToString());
            }

            AtMemberProperty(nameof(SupportAccessGrant.GrantedBy));
            if (!_users.ContainsKey(grant.GrantedBy))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} was granted by {Q(grant.GrantedBy)}, which is not a defined user.", grant.Id.ToString(), grant.GrantedBy.ToString());
            }

            IReadOnlyList<string> scope = grant.Workplaces ?? [];
            for (int w = 0; w < scope.Count; w++)
            {
                string workplace = scope[w];
                AtMember($"{Member(nameof(SupportAccessGrant.Workplaces))}[{w}]");
                if (!workplaces.Contains(workplace))
                {
                    Add(AccessModelErrorCode.DanglingReference, $"{what} names workplace {Q(workplace)}, which is not defined.", grant.Id.ToString(), workplace);
                }
            }

            AtMemberProperty(nameof(SupportAccessGrant.Level));
            CheckEnum(grant.Level, what);
            AtMember(Member(nameof(SupportAccessGrant.Environment)));
            if (string.IsNullOrWhiteSpace(grant.Environment))
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} has no environment.", grant.Id.ToString());
            }
        }

        // Members of settings are paths inside the settings object, as policy documents nest them.
        string support = Member(nameof(AccessSettings.SupportAccess));
        if (_model.Settings.SupportAccess is null)
        {
            At(ModelList.Settings, 0, support);
            Add(AccessModelErrorCode.InvalidValue, "The settings have no support access settings.");
        }

        if (_model.Settings.EnabledAuditEvents is null)
        {
            At(ModelList.Settings, 0, Member(nameof(AccessSettings.EnabledAuditEvents)));
            Add(AccessModelErrorCode.InvalidValue, "The settings have no list of enabled audit events.");
        }

        At(ModelList.Settings, 0, $"{support}.{Member(nameof(SupportAccessSettings.ExternalAccessObject))}");
        if (string.IsNullOrWhiteSpace(settings.ExternalAccessObject))
        {
            Add(AccessModelErrorCode.InvalidValue, "The support access settings name no external access object.");
        }

        At(ModelList.Settings, 0, $"{support}.{Member(nameof(SupportAccessSettings.TimeZoneId))}");
        if (!SupportAccessWindow.TryFindTimeZone(settings.TimeZoneId, out _))
        {
            Add(AccessModelErrorCode.InvalidValue, $"The support access time zone {Q(settings.TimeZoneId)} is not known.", settings.TimeZoneId ?? string.Empty);
        }

        string maxName = Member(nameof(SupportAccessSettings.MaxDurationDays));
        At(ModelList.Settings, 0, $"{support}.{maxName}");
        if (SupportAccessRules.MaxDuration(settings.MaxDurationDays) is { } max)
        {
            Add(AccessModelErrorCode.InvalidValue, $"The support access setting {Q(maxName)} {max}", settings.MaxDurationDays.ToString(CultureInfo.InvariantCulture));
        }

        string defaultName = Member(nameof(SupportAccessSettings.DefaultDurationDays));
        At(ModelList.Settings, 0, $"{support}.{defaultName}");
        if (SupportAccessRules.DefaultDuration(settings.DefaultDurationDays, settings.MaxDurationDays, Q(maxName)) is { } defaultDuration)
        {
            Add(AccessModelErrorCode.InvalidValue, $"The support access setting {Q(defaultName)} {defaultDuration}", settings.DefaultDurationDays.ToString(CultureInfo.InvariantCulture));
        }

        At(ModelList.Settings, 0, $"{support}.{Member(nameof(SupportAccessSettings.License))}");
        CheckEnum(settings.License, "The support access settings");
        At(ModelList.Settings, 0, $"{support}.{Member(nameof(SupportAccessSettings.Environment))}");
        if (string.IsNullOrWhiteSpace(settings.Environment))
        {
            Add(AccessModelErrorCode.InvalidValue, "The support access settings have no environment.");
        }

        IReadOnlyList<AccessAuditEventType> audited = _model.Settings.EnabledAuditEvents ?? [];
        for (int e = 0; e < audited.Count; e++)
        {
            At(ModelList.Settings, 0, $"{Member(nameof(AccessSettings.EnabledAuditEvents))}[{e}]");
            CheckEnum(audited[e], "The list of enabled audit events");
        }
    }

    /// <summary>What a row is, as messages name it; the text is built only when an error is reported.</summary>
    private readonly struct What
    {
        private readonly WhatKind _kind;
        private readonly object _source;

        public What(WhatKind kind, object source)
        {
            _kind = kind;
            _source = source;
        }

        public static implicit operator What(string text) => new(WhatKind.Text, text);

        public override string ToString() => _kind switch
        {
            WhatKind.Delegation when _source is Delegation d => $"Delegation from {Q(d.Grantor)} to {Q(d.Recipient)}",
            WhatKind.ObjectOperationRow when _source is ObjectOperationRow r => $"Object operation row of {Q(r.Object)} for {Q(r.Grantee)}",
            WhatKind.ColumnRightRow when _source is ColumnRightRow r => $"Column row of {Q(r.Object)}.{Q(r.Column)} for {Q(r.Grantee)}",
            WhatKind.DefaultRecordRightRule when _source is DefaultRecordRightRule r => $"Default record rule of {Q(r.Object)} for author {Q(r.Author)}",
            WhatKind.SystemOperationRow when _source is SystemOperationRow r => $"System operation row of {Q(r.Operation)} for {Q(r.Grantee)}",
            WhatKind.Record when _source is RecordDefinition r => $"Record {Q(r.Id)} of {Q(r.Object)}",
            WhatKind.RecordRightRow when _source is RecordRightRow r => $"Record right of {Q(r.Object)} record {Q(r.Record)} for {Q(r.Grantee)}",
            WhatKind.SupportGrant when _source is SupportAccessGrant g => $"Support grant {Q(g.Id)}",
            _ => (string)_source,
        };
    }
}

/// <summary>The kinds of row a validator message names.</summary>
internal enum WhatKind
{
    Text,
    Delegation,
    ObjectOperationRow,
    ColumnRightRow,
    DefaultRecordRightRule,
    SystemOperationRow,
    Record,
    RecordRightRow,
    SupportGrant,
}
