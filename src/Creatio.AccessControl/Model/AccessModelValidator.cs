namespace Creatio.AccessControl;

/// <summary>Finds every problem of a model at once (DESIGN.md §11).</summary>
internal sealed class AccessModelValidator
{
    private static readonly HashSet<string> s_systemColumns =
        new(StringComparer.Ordinal) { "Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy" };

    private readonly AccessModelBuilder _model;
    private readonly List<AccessModelError> _errors = [];
    private readonly Dictionary<AdminUnitId, UserDefinition> _users = [];
    private readonly Dictionary<AdminUnitId, RoleDefinition> _roles = [];
    private readonly Dictionary<ObjectName, ObjectDefinition> _objects = [];
    private readonly HashSet<(ObjectName, RecordId)> _records = [];
    private readonly HashSet<SystemOperationCode> _operations = [];

    private AccessModelValidator(AccessModelBuilder model) => _model = model;

    internal static bool IsSystemColumn(string column) => s_systemColumns.Contains(column);

    public static IReadOnlyList<AccessModelError> Validate(AccessModelBuilder model)
    {
        var validator = new AccessModelValidator(model);
        validator.ValidateUnits();
        validator.ValidateHierarchy();
        validator.ValidateMemberships();
        validator.ValidateLinksAndDelegations();
        validator.ValidateObjects();
        validator.ValidateSystemOperations();
        validator.ValidateRecords();
        validator.ValidateSupportAccess();
        return validator._errors;
    }

    private void Add(AccessModelErrorCode code, string message, params string[] ids) =>
        _errors.Add(new AccessModelError(code, message, ids));

    private static string Q(object value) => $"`{value}`";

    private void ValidateUnits()
    {
        foreach (UserDefinition user in _model.Users)
        {
            AdminUnitId id = user.Id;
            if (user.Kind is not (AdminUnitKind.User or AdminUnitKind.ExternalUser))
            {
                Add(AccessModelErrorCode.InvalidKind, $"User {Q(id)} has kind {Q(user.Kind)}; a user is of kind User or ExternalUser.", id.ToString());
            }

            if (string.IsNullOrWhiteSpace(user.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, $"User {Q(id)} has no name.", id.ToString());
            }

            if (!_users.TryAdd(id, user))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by more than one user.", id.ToString());
            }
        }

        foreach (RoleDefinition role in _model.Roles)
        {
            AdminUnitId id = role.Id;
            if (role.Kind is AdminUnitKind.User or AdminUnitKind.ExternalUser || !Enum.IsDefined(role.Kind))
            {
                Add(AccessModelErrorCode.InvalidKind, $"Role {Q(id)} has kind {Q(role.Kind)}; a role is an organization, division, team, manager or functional role.", id.ToString());
            }

            if (string.IsNullOrWhiteSpace(role.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, $"Role {Q(id)} has no name.", id.ToString());
            }

            if (_users.ContainsKey(id))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by a user and a role.", id.ToString());
            }
            else if (!_roles.TryAdd(id, role))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Admin unit id {Q(id)} is used by more than one role.", id.ToString());
            }
        }
    }

    private static bool IsOrganizational(AdminUnitKind kind) =>
        kind is AdminUnitKind.Organization or AdminUnitKind.Division or AdminUnitKind.Team;

    private void ValidateHierarchy()
    {
        var managers = new Dictionary<AdminUnitId, AdminUnitId>();
        foreach (RoleDefinition role in _roles.Values)
        {
            AdminUnitId id = role.Id;
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

    private void ValidateMemberships()
    {
        foreach (RoleMembership membership in _model.Memberships)
        {
            AdminUnitId user = membership.User;
            AdminUnitId role = membership.Role;
            bool userKnown = _users.TryGetValue(user, out UserDefinition? userDefinition);
            if (!userKnown)
            {
                Add(AccessModelErrorCode.DanglingReference, $"Membership of {Q(user)} in {Q(role)} names user {Q(user)}, which is not defined.", user.ToString(), role.ToString());
            }

            if (!_roles.ContainsKey(role))
            {
                Add(AccessModelErrorCode.DanglingReference, $"Membership of {Q(user)} in {Q(role)} names role {Q(role)}, which is not defined.", user.ToString(), role.ToString());
                continue;
            }

            if (userDefinition is { IsExternal: true } && !IsUnderAllPortalUsers(role))
            {
                Add(AccessModelErrorCode.ExternalUserInNonPortalRole, $"Portal user {Q(user)} is a member of {Q(role)}, which is not All portal users or a role below it.", user.ToString(), role.ToString());
            }
        }

        foreach (RoleId role in _model.RolesNotInheritedByManagers)
        {
            if (!_roles.ContainsKey(role))
            {
                Add(AccessModelErrorCode.DanglingReference, $"Role {Q(role)} in the roles not inherited by managers is not defined.", role.ToString());
            }
        }
    }

    private void ValidateLinksAndDelegations()
    {
        foreach (FunctionalRoleLink link in _model.FunctionalLinks)
        {
            AdminUnitId functional = link.FunctionalRole;
            AdminUnitId organizational = link.OrganizationalRole;
            bool functionalOk = _roles.TryGetValue(functional, out RoleDefinition? f);
            bool organizationalOk = _roles.TryGetValue(organizational, out RoleDefinition? o);
            if (!functionalOk || !organizationalOk)
            {
                // Each missing end is its own problem, so that a link missing both ends names both.
                foreach (AdminUnitId missing in new[] { functional, organizational })
                {
                    if (!_roles.ContainsKey(missing))
                    {
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

        foreach (Delegation delegation in _model.Delegations)
        {
            CheckUnit(delegation.Grantor, $"Delegation from {Q(delegation.Grantor)} to {Q(delegation.Recipient)}");
            CheckUnit(delegation.Recipient, $"Delegation from {Q(delegation.Grantor)} to {Q(delegation.Recipient)}");
        }
    }

    private bool CheckUnit(AdminUnitId unit, string what)
    {
        if (_users.ContainsKey(unit) || _roles.ContainsKey(unit))
        {
            return true;
        }

        Add(AccessModelErrorCode.DanglingReference, $"{what} names admin unit {Q(unit)}, which is not defined.", unit.ToString());
        return false;
    }

    private bool CheckObject(ObjectName name, string what)
    {
        if (name.Value is not null && _objects.ContainsKey(name))
        {
            return true;
        }

        Add(AccessModelErrorCode.DanglingReference, $"{what} names object {Q(name)}, which is not defined.", name.ToString());
        return false;
    }

    private void CheckEnum<TEnum>(TEnum value, string what)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            Add(AccessModelErrorCode.InvalidValue, $"{what} has {typeof(TEnum).Name} {Q(value)}, which is not defined.", value.ToString());
        }
    }

    private void CheckPositions<TKey>(HashSet<(TKey, int)> seen, TKey key, int position, string what, string id)
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

    private void ValidateObjects()
    {
        var columns = new HashSet<(ObjectName, ColumnName)>();
        foreach (ObjectDefinition definition in _model.Objects)
        {
            if (definition.Name.Value is null)
            {
                Add(AccessModelErrorCode.InvalidValue, "An object has no name.");
                continue;
            }

            CheckEnum(definition.Category, $"Object {Q(definition.Name)}");
            if (!_objects.TryAdd(definition.Name, definition))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Object {Q(definition.Name)} is defined more than once.", definition.Name.ToString());
                continue;
            }

            foreach (ColumnName column in definition.Columns ?? [])
            {
                if (column.Value is null || !columns.Add((definition.Name, column)))
                {
                    Add(AccessModelErrorCode.DuplicateId, $"Object {Q(definition.Name)} lists column {Q(column)} more than once.", definition.Name.ToString(), column.ToString());
                }
            }
        }

        var objectPositions = new HashSet<(ObjectName, int)>();
        foreach (ObjectOperationRow row in _model.ObjectOperationRows)
        {
            string what = $"Object operation row of {Q(row.Object)} for {Q(row.Grantee)}";
            if (CheckObject(row.Object, what))
            {
                CheckPositions(objectPositions, row.Object, row.Position, $"Object operation row of {Q(row.Object)} for {Q(row.Grantee)}", row.Object.ToString());
            }

            CheckUnit(row.Grantee, what);
            if ((row.Operations & ~ObjectOperations.All) != 0)
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} has operations {Q((int)row.Operations)}, which are not defined.", row.Object.ToString());
            }
        }

        var columnPositions = new HashSet<((ObjectName, ColumnName), int)>();
        foreach (ColumnRightRow row in _model.ColumnRightRows)
        {
            string what = $"Column row of {Q(row.Object)}.{Q(row.Column)} for {Q(row.Grantee)}";
            if (CheckObject(row.Object, what))
            {
                if (row.Column.Value is null || (!columns.Contains((row.Object, row.Column)) && !IsSystemColumn(row.Column.Value)))
                {
                    Add(AccessModelErrorCode.DanglingReference, $"{what} names column {Q(row.Column)}, which object {Q(row.Object)} does not have.", row.Object.ToString(), row.Column.ToString());
                }
                else
                {
                    CheckPositions(columnPositions, (row.Object, row.Column), row.Position, what, row.Object.ToString());
                }
            }

            CheckUnit(row.Grantee, what);
            CheckEnum(row.Level, what);
        }

        foreach (DefaultRecordRightRule rule in _model.DefaultRecordRightRules)
        {
            string what = $"Default record rule of {Q(rule.Object)} for author {Q(rule.Author)}";
            CheckObject(rule.Object, what);
            CheckUnit(rule.Author, what);
            if (rule.Grantee is { } grantee)
            {
                CheckUnit(grantee, what);
            }

            CheckEnum(rule.Operation, what);
            CheckEnum(rule.Level, what);
        }

        CheckEnum(_model.Settings.PortalAvailabilityMode, "The settings");
    }

    private void ValidateSystemOperations()
    {
        foreach (SystemOperationDefinition operation in _model.SystemOperations)
        {
            if (operation.Code.Value is null)
            {
                Add(AccessModelErrorCode.InvalidValue, "A system operation has no code.");
            }
            else if (!_operations.Add(operation.Code))
            {
                Add(AccessModelErrorCode.DuplicateId, $"System operation {Q(operation.Code)} is defined more than once.", operation.Code.ToString());
            }
        }

        foreach (SystemOperationDefinition operation in _model.SystemOperations)
        {
            foreach (ObjectAccessGrant grant in operation.ObjectAccess ?? [])
            {
                CheckObject(grant.Object, $"System operation {Q(operation.Code)}");
            }
        }

        var positions = new HashSet<(SystemOperationCode, int)>();
        foreach (SystemOperationRow row in _model.SystemOperationRows)
        {
            string what = $"System operation row of {Q(row.Operation)} for {Q(row.Grantee)}";
            if (row.Operation.Value is null || !_operations.Contains(row.Operation))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} names operation {Q(row.Operation)}, which is not defined.", row.Operation.ToString());
            }
            else
            {
                CheckPositions(positions, row.Operation, row.Position, what, row.Operation.ToString());
            }

            CheckUnit(row.Grantee, what);
        }
    }

    private void ValidateRecords()
    {
        HashSet<SupportGrantId> grantIds = [.. _model.SupportGrants.Select(g => g.Id)];
        foreach (RecordDefinition record in _model.Records)
        {
            string what = $"Record {Q(record.Id)} of {Q(record.Object)}";
            CheckObject(record.Object, what);
            if (!_records.Add((record.Object, record.Id)))
            {
                Add(AccessModelErrorCode.DuplicateId, $"{what} is defined more than once.", record.Object.ToString(), record.Id.ToString());
            }

            if (record.Author is { } author && !_users.ContainsKey(author))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} has author {Q(author)}, which is not a defined user.", record.Id.ToString(), author.ToString());
            }

            if (record.CreatedInSupportGrant is { } grant && !grantIds.Contains(grant))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} was created in support grant {Q(grant)}, which is not defined.", record.Id.ToString(), grant.ToString());
            }

            if (record.Owner is { } owner && !_users.ContainsKey(owner))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} has owner {Q(owner)}, which is not a defined user.", record.Id.ToString(), owner.ToString());
            }
        }

        foreach (RecordRightRow row in _model.RecordRightRows)
        {
            string what = $"Record right of {Q(row.Object)} record {Q(row.Record)} for {Q(row.Grantee)}";
            if (!_records.Contains((row.Object, row.Record)))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} names a record that is not defined.", row.Object.ToString(), row.Record.ToString());
            }

            CheckUnit(row.Grantee, what);
            CheckEnum(row.Operation, what);
            CheckEnum(row.Level, what);
            CheckEnum(row.Source, what);
        }
    }

    private void ValidateSupportAccess()
    {
        var workplaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (WorkplaceDefinition workplace in _model.Workplaces)
        {
            if (string.IsNullOrWhiteSpace(workplace.Name))
            {
                Add(AccessModelErrorCode.InvalidValue, "A workplace has no name.");
                continue;
            }

            if (!workplaces.Add(workplace.Name))
            {
                Add(AccessModelErrorCode.DuplicateId, $"Workplace {Q(workplace.Name)} is defined more than once.", workplace.Name);
            }

            foreach (ObjectName objectName in workplace.Objects ?? [])
            {
                CheckObject(objectName, $"Workplace {Q(workplace.Name)}");
            }
        }

        var grants = new HashSet<SupportGrantId>();
        foreach (SupportAccessGrant grant in _model.SupportGrants)
        {
            string what = $"Support grant {Q(grant.Id)}";
            if (!grants.Add(grant.Id))
            {
                Add(AccessModelErrorCode.DuplicateId, $"{what} is defined more than once.", grant.Id.ToString());
            }

            if (string.IsNullOrWhiteSpace(grant.Reason))
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} has no reason.", grant.Id.ToString());
            }

            if (grant.CloseDate < grant.StartDate)
            {
                Add(AccessModelErrorCode.InvalidValue, $"{what} closes on {grant.CloseDate:yyyy-MM-dd}, before it starts on {grant.StartDate:yyyy-MM-dd}.", grant.Id.ToString());
            }

            if (!_users.ContainsKey(grant.Grantor))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} has grantor {Q(grant.Grantor)}, which is not a defined user.", grant.Id.ToString(), grant.Grantor.ToString());
            }

            if (!_users.ContainsKey(grant.GrantedBy))
            {
                Add(AccessModelErrorCode.DanglingReference, $"{what} was granted by {Q(grant.GrantedBy)}, which is not a defined user.", grant.Id.ToString(), grant.GrantedBy.ToString());
            }

            foreach (string workplace in grant.Workplaces ?? [])
            {
                if (!workplaces.Contains(workplace))
                {
                    Add(AccessModelErrorCode.DanglingReference, $"{what} names workplace {Q(workplace)}, which is not defined.", grant.Id.ToString(), workplace);
                }
            }

            CheckEnum(grant.Level, what);
        }

        SupportAccessSettings settings = _model.Settings.SupportAccess ?? SupportAccessSettings.Default;
        if (!SupportAccessWindow.TryFindTimeZone(settings.TimeZoneId, out _))
        {
            Add(AccessModelErrorCode.InvalidValue, $"The support access time zone {Q(settings.TimeZoneId)} is not known.", settings.TimeZoneId ?? string.Empty);
        }

        CheckEnum(settings.License, "The support access settings");
    }
}
