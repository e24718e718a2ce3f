namespace Creatio.AccessControl;

/// <summary>Collects the rows of an access model and validates them whole into an <see cref="AccessModel"/>.</summary>
/// <remarks>A builder is mutable and not thread-safe. <see cref="Build"/> may be called more than once; each call
/// validates what the builder holds at that moment.</remarks>
public sealed class AccessModelBuilder
{
    /// <summary>Creates an empty builder.</summary>
    public AccessModelBuilder()
    {
    }

    internal AccessModelBuilder(AccessModel model)
    {
        AddAll(Users, model.Users);
        AddAll(Roles, model.Roles);
        AddAll(Memberships, model.Memberships);
        AddAll(FunctionalLinks, model.FunctionalLinks);
        AddAll(Delegations, model.Delegations);
        SetRolesNotInheritedByManagers(model.RolesNotInheritedByManagers);
        AddAll(Objects, model.Objects);
        AddAll(ObjectOperationRows, model.ObjectOperationRows);
        AddAll(ColumnRightRows, model.ColumnRightRows);
        AddAll(Records, model.Records);
        AddAll(RecordRightRows, model.RecordRightRows);
        AddAll(DefaultRecordRightRules, model.DefaultRecordRightRules);
        AddAll(SystemOperations, model.SystemOperations);
        AddAll(SystemOperationRows, model.SystemOperationRows);
        AddAll(Workplaces, model.Workplaces);
        AddAll(SupportGrants, model.SupportGrants);
        Settings = model.Settings;
    }

    /// <summary>Gets the users.</summary>
    public IList<UserDefinition> Users { get; } = new List<UserDefinition>();

    /// <summary>Gets the roles; the built-in roles are added by <see cref="Build"/> when missing.</summary>
    public IList<RoleDefinition> Roles { get; } = new List<RoleDefinition>();

    /// <summary>Gets the direct role memberships.</summary>
    public IList<RoleMembership> Memberships { get; } = new List<RoleMembership>();

    /// <summary>Gets the functional links.</summary>
    public IList<FunctionalRoleLink> FunctionalLinks { get; } = new List<FunctionalRoleLink>();

    /// <summary>Gets the delegations.</summary>
    public IList<Delegation> Delegations { get; } = new List<Delegation>();

    /// <summary>Gets the roles not inherited by managers.</summary>
    /// <value>The default value holds <see cref="BuiltInRoles.SystemAdministrators"/>.</value>
    public IList<RoleId> RolesNotInheritedByManagers { get; } = new List<RoleId> { BuiltInRoles.SystemAdministrators };

    /// <summary>Gets the objects.</summary>
    public IList<ObjectDefinition> Objects { get; } = new List<ObjectDefinition>();

    /// <summary>Gets the object operation rows.</summary>
    public IList<ObjectOperationRow> ObjectOperationRows { get; } = new List<ObjectOperationRow>();

    /// <summary>Gets the column permission rows.</summary>
    public IList<ColumnRightRow> ColumnRightRows { get; } = new List<ColumnRightRow>();

    /// <summary>Gets the records.</summary>
    public IList<RecordDefinition> Records { get; } = new List<RecordDefinition>();

    /// <summary>Gets the record right rows.</summary>
    public IList<RecordRightRow> RecordRightRows { get; } = new List<RecordRightRow>();

    /// <summary>Gets the default record permission rules.</summary>
    public IList<DefaultRecordRightRule> DefaultRecordRightRules { get; } = new List<DefaultRecordRightRule>();

    /// <summary>Gets the system operations; the built-in operations are added by <see cref="Build"/> when missing.</summary>
    public IList<SystemOperationDefinition> SystemOperations { get; } = new List<SystemOperationDefinition>();

    /// <summary>Gets the system operation rows.</summary>
    public IList<SystemOperationRow> SystemOperationRows { get; } = new List<SystemOperationRow>();

    /// <summary>Gets the workplaces.</summary>
    public IList<WorkplaceDefinition> Workplaces { get; } = new List<WorkplaceDefinition>();

    /// <summary>Gets the support-access grants.</summary>
    public IList<SupportAccessGrant> SupportGrants { get; } = new List<SupportAccessGrant>();

    /// <summary>Gets or sets the system settings.</summary>
    /// <value>The default value is <see cref="AccessSettings.Default"/>.</value>
    public AccessSettings Settings { get; set; } = AccessSettings.Default;

    /// <summary>Adds a user.</summary>
    /// <param name="user">The user.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(UserDefinition user) => AddTo(Users, user);

    /// <summary>Adds a role.</summary>
    /// <param name="role">The role.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="role"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(RoleDefinition role) => AddTo(Roles, role);

    /// <summary>Adds a direct role membership.</summary>
    /// <param name="membership">The membership.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="membership"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(RoleMembership membership) => AddTo(Memberships, membership);

    /// <summary>Replaces the roles not inherited by managers with <paramref name="roles"/>: the list then holds exactly
    /// those roles, in that order, System administrators only if listed.</summary>
    /// <param name="roles">The roles a manager never obtains from the people they manage; empty to let managers inherit
    /// every role.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is <see langword="null"/>.</exception>
    /// <remarks>The list starts with <see cref="BuiltInRoles.SystemAdministrators"/>, as Creatio's setting does;
    /// adding to <see cref="RolesNotInheritedByManagers"/> keeps it, this method replaces it.</remarks>
    public AccessModelBuilder SetRolesNotInheritedByManagers(IEnumerable<RoleId> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        RoleId[] replacement = [.. roles];
        RolesNotInheritedByManagers.Clear();
        foreach (RoleId role in replacement)
        {
            RolesNotInheritedByManagers.Add(role);
        }

        return this;
    }

    /// <summary>Adds a functional link.</summary>
    /// <param name="link">The link.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(FunctionalRoleLink link) => AddTo(FunctionalLinks, link);

    /// <summary>Adds a delegation.</summary>
    /// <param name="delegation">The delegation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="delegation"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(Delegation delegation) => AddTo(Delegations, delegation);

    /// <summary>Adds an object.</summary>
    /// <param name="definition">The object.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(ObjectDefinition definition) => AddTo(Objects, definition);

    /// <summary>Adds an object operation row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(ObjectOperationRow row) => AddTo(ObjectOperationRows, row);

    /// <summary>Adds a column permission row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(ColumnRightRow row) => AddTo(ColumnRightRows, row);

    /// <summary>Adds a record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(RecordDefinition record) => AddTo(Records, record);

    /// <summary>Adds a record right row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(RecordRightRow row) => AddTo(RecordRightRows, row);

    /// <summary>Adds a default record permission rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(DefaultRecordRightRule rule) => AddTo(DefaultRecordRightRules, rule);

    /// <summary>Adds a system operation.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operation"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(SystemOperationDefinition operation) => AddTo(SystemOperations, operation);

    /// <summary>Adds a system operation row.</summary>
    /// <param name="row">The row.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(SystemOperationRow row) => AddTo(SystemOperationRows, row);

    /// <summary>Adds a workplace.</summary>
    /// <param name="workplace">The workplace.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="workplace"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(WorkplaceDefinition workplace) => AddTo(Workplaces, workplace);

    /// <summary>Adds a support-access grant.</summary>
    /// <param name="grant">The grant.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="grant"/> is <see langword="null"/>.</exception>
    public AccessModelBuilder Add(SupportAccessGrant grant) => AddTo(SupportGrants, grant);

    /// <summary>Validates what the builder holds and returns it as a model.</summary>
    /// <returns>The validated model, with any missing built-in roles and operations added.</returns>
    /// <exception cref="AccessModelValidationException">The model is invalid; the exception lists every problem.</exception>
    public AccessModel Build()
    {
        ModelRows rows;
        using (LoadPhases.Begin("build: copy the rows"))
        {
            rows = ModelRows.From(this);
        }

        IReadOnlyList<AccessModelError> errors = AccessModelValidator.Validate(rows, out ModelIndex index, out ResolvedRecordRights rights);
        if (errors.Count > 0)
        {
            throw new AccessModelValidationException(errors);
        }

        return new AccessModel(rows, index, rights);
    }

    private static void AddAll<T>(IList<T> list, IEnumerable<T> items)
    {
        foreach (T item in items)
        {
            list.Add(item);
        }
    }

    private AccessModelBuilder AddTo<T>(IList<T> list, T item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        list.Add(item);
        return this;
    }
}
