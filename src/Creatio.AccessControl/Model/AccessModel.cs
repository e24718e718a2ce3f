using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Creatio.AccessControl;

/// <summary>A whole, validated access model: admin units, memberships, permissions and settings.</summary>
/// <remarks>
/// <para>A model is obtained from <see cref="AccessModelBuilder.Build"/>, which validates it whole; an invalid model
/// never exists. It always contains the built-in roles of <see cref="BuiltInRoles"/> and the built-in operations
/// of <see cref="SystemOperations"/>.</para>
/// <para>This type is immutable and safe for concurrent use.</para>
/// </remarks>
public sealed class AccessModel
{
    // Record right rows and memberships are the lists too long to copy on every share or membership change: they are
    // held as edits on a base array, materialized (once) when read.
    private readonly RecordRightEdits _recordRights;
    private readonly MembershipEdits _memberships;
    private readonly ObjectRowEdits _objectOperationRows;

    // What validation resolved of the record right rows; null once the rows, or what they name, differ from those it was
    // made for.
    private readonly ResolvedRecordRights? _resolvedRights;

    internal AccessModel(ModelRows rows, ModelIndex index, ResolvedRecordRights? resolvedRights = null)
    {
        // The rows' arrays are the model's own from here on: nothing else holds them to write to.
        Index = index;
        _resolvedRights = resolvedRights;
        Users = Own(rows.Users);
        Roles = Own(rows.Roles);
        _memberships = MembershipList.Over(Own(rows.Memberships));
        FunctionalLinks = Own(rows.FunctionalLinks);
        Delegations = Own(rows.Delegations);
        RolesNotInheritedByManagers = Own(rows.RolesNotInheritedByManagers);
        Objects = Own(rows.Objects);
        _objectOperationRows = ObjectRowEdits.Over(Own(rows.ObjectOperationRows));
        ColumnRightRows = Own(rows.ColumnRightRows);
        Records = Own(rows.Records);
        _recordRights = RecordRightList.Over(Own(rows.RecordRightRows));
        DefaultRecordRightRules = Own(rows.DefaultRecordRightRules);
        SystemOperations = Own(rows.SystemOperations);
        SystemOperationRows = Own(rows.SystemOperationRows);
        Workplaces = Own(rows.Workplaces);
        SupportGrants = Own(rows.SupportGrants);
        Settings = rows.Settings;
    }

    /// <summary>A model equal to <paramref name="model"/> except for the lists given; the caller has checked that it is
    /// valid (the incremental path of the administration API).</summary>
    private AccessModel(
        AccessModel model,
        MembershipEdits? memberships,
        ObjectRowEdits? objectOperationRows,
        RecordRightEdits? recordRights)
    {
        Index = model.Index;
        Users = model.Users;
        Roles = model.Roles;
        _memberships = memberships ?? model._memberships;

        FunctionalLinks = model.FunctionalLinks;
        Delegations = model.Delegations;
        RolesNotInheritedByManagers = model.RolesNotInheritedByManagers;
        Objects = model.Objects;
        _objectOperationRows = objectOperationRows ?? model._objectOperationRows;
        ColumnRightRows = model.ColumnRightRows;
        Records = model.Records;
        _recordRights = recordRights ?? model._recordRights;

        // Users, roles and records are the model's: what the resolved rights name holds while the rows are the same.
        _resolvedRights = recordRights is null ? model._resolvedRights : null;

        DefaultRecordRightRules = model.DefaultRecordRightRules;
        SystemOperations = model.SystemOperations;
        SystemOperationRows = model.SystemOperationRows;
        Workplaces = model.Workplaces;
        SupportGrants = model.SupportGrants;
        Settings = model.Settings;
    }

    /// <summary>Gets the users, roles, objects and records by id, as the validator found them.</summary>
    internal ModelIndex Index { get; }

    /// <summary>Gets an empty model: only the built-in roles and operations, no users.</summary>
    public static AccessModel Empty { get; } = new AccessModelBuilder().Build();

    /// <summary>Gets the users.</summary>
    public ImmutableArray<UserDefinition> Users { get; }

    /// <summary>Gets the roles, built-in roles included.</summary>
    public ImmutableArray<RoleDefinition> Roles { get; }

    /// <summary>Gets the direct role memberships of users.</summary>
    public ImmutableArray<RoleMembership> Memberships => _memberships.Materialize();

    /// <summary>Gets the memberships as edits on a base array, for the incremental path of the administration API.</summary>
    internal MembershipEdits MembershipEdits => _memberships;

    /// <summary>Gets the links from functional roles to organizational roles.</summary>
    public ImmutableArray<FunctionalRoleLink> FunctionalLinks { get; }

    /// <summary>Gets the delegations of permissions.</summary>
    public ImmutableArray<Delegation> Delegations { get; }

    /// <summary>Gets the roles a manager does not inherit from the employees they manage ("User roles not inherited by managers").</summary>
    public ImmutableArray<RoleId> RolesNotInheritedByManagers { get; }

    /// <summary>Gets the objects.</summary>
    public ImmutableArray<ObjectDefinition> Objects { get; }

    /// <summary>Gets the object operation rows.</summary>
    public ImmutableArray<ObjectOperationRow> ObjectOperationRows => _objectOperationRows.Materialize();

    /// <summary>Gets the object operation rows as a list one object's rows can be replaced in cheaply.</summary>
    internal ObjectRowEdits ObjectRowEdits => _objectOperationRows;

    /// <summary>Gets the column permission rows.</summary>
    public ImmutableArray<ColumnRightRow> ColumnRightRows { get; }

    /// <summary>Gets the records of objects with record permissions.</summary>
    public ImmutableArray<RecordDefinition> Records { get; }

    /// <summary>Gets the record right rows.</summary>
    public ImmutableArray<RecordRightRow> RecordRightRows => _recordRights.Materialize();

    /// <summary>Gets what validation resolved of each of <see cref="RecordRightRows"/>, or <see langword="null"/> when this
    /// model was derived with other rows.</summary>
    internal ResolvedRecordRights? ResolvedRecordRights => _resolvedRights;

    /// <summary>Gets the record right rows as a list that shares and unshares can be applied to cheaply.</summary>
    internal RecordRightEdits RecordRights => _recordRights;

    /// <summary>Gets the default record permission rules.</summary>
    public ImmutableArray<DefaultRecordRightRule> DefaultRecordRightRules { get; }

    /// <summary>Gets the system operations, built-in operations included.</summary>
    public ImmutableArray<SystemOperationDefinition> SystemOperations { get; }

    /// <summary>Gets the system operation rows.</summary>
    public ImmutableArray<SystemOperationRow> SystemOperationRows { get; }

    /// <summary>Gets the workplaces: named sets of objects support grants may be scoped to.</summary>
    public ImmutableArray<WorkplaceDefinition> Workplaces { get; }

    /// <summary>Gets the support-access grants, active or not; grants are never deleted.</summary>
    public ImmutableArray<SupportAccessGrant> SupportGrants { get; }

    /// <summary>Gets the system settings that change decisions.</summary>
    public AccessSettings Settings { get; }

    /// <summary>Returns a builder holding a copy of this model, to derive a changed model from it.</summary>
    /// <returns>A new builder.</returns>
    public AccessModelBuilder ToBuilder() => new(this);

    /// <summary>Returns the model a delta makes of this one, validated whole: the same rules as
    /// <see cref="AccessModelBuilder.Build"/>, with the same errors.</summary>
    /// <param name="delta">The delta.</param>
    /// <returns>The next model; this model when the delta is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="delta"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">An edit does not apply
    /// (<see cref="AccessModelErrorCode.EditDoesNotApply"/>), or the model after the delta would be invalid; nothing is
    /// changed.</exception>
    public AccessModel Apply(AccessModelDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        if (delta.IsEmpty)
        {
            return this;
        }

        return ModelDeltas.TryApplyLocally(this, delta) ?? ApplyInFull(delta);
    }

    /// <summary>Applies a delta to a copy of the whole model and validates it whole.</summary>
    internal AccessModel ApplyInFull(AccessModelDelta delta)
    {
        AccessModelBuilder builder = ToBuilder();
        var errors = new List<AccessModelError>();
        for (int i = 0; i < delta.Edits.Count; i++)
        {
            AccessModelEdit edit = delta.Edits[i];
            if (edit.ApplyTo(builder) is { } problem)
            {
                errors.Add(new AccessModelError(AccessModelErrorCode.EditDoesNotApply, $"Edit {i} ({edit.GetType().Name}) does not apply: {problem}.", []));
            }
        }

        return errors.Count > 0 ? throw new AccessModelValidationException(errors) : builder.Build();
    }

    /// <summary>Returns this model with other memberships; the caller has checked that they are valid.</summary>
    internal AccessModel WithMemberships(MembershipEdits memberships) => new(this, memberships, null, null);

    /// <summary>Returns this model with other object operation rows; the caller has checked that they are valid.</summary>
    internal AccessModel WithObjectOperationRows(ObjectRowEdits rows) => new(this, null, rows, null);

    /// <summary>Returns this model with other record rights; the caller has checked that they are valid.</summary>
    internal AccessModel WithRecordRights(RecordRightEdits rights) => new(this, null, null, rights);

    private static ImmutableArray<T> Own<T>(T[] rows) => ImmutableCollectionsMarshal.AsImmutableArray(rows);
}
