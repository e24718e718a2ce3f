using System.Collections.Frozen;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>A compiled, immutable access model that answers checks.</summary>
/// <remarks>
/// <para>Compiling computes everything a check needs: the effective role set <c>E(u)</c> of every user (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/effective-roles.md">effective roles</see>)
/// and the lookup tables of every step. A check is then a pure function of the snapshot, the request and the instant.</para>
/// <para>Resolve a user once per request with <see cref="GetPrincipal(UserId, DateTimeOffset)"/> and ask the returned
/// <see cref="AccessPrincipal"/> as many questions as needed: deciding is cheap, resolving ids is not.</para>
/// <para>This type is immutable and safe for concurrent use.</para>
/// </remarks>
public sealed partial class AccessSnapshot
{
    /// <summary>A snapshot of compiled tables; <see cref="SnapshotCompiler"/> builds them.</summary>
    internal AccessSnapshot(
        AccessModel model,
        long version,
        UnitTable units,
        EffectiveRoleTable roles,
        CompiledSystemOperations operations,
        FrozenDictionary<string, int> objectIndex,
        CompiledObject[] objects,
        SubjectsByUnit inverse,
        SubjectState[] states,
        AccessPrincipalIndex principals,
        CompiledSupportGrants supportGrants)
    {
        Model = model;
        Version = version;
        Units = units;
        Roles = roles;
        Operations = operations;
        ObjectIndex = objectIndex;
        Objects = objects;
        Inverse = inverse;
        States = states;
        Principals = principals;
        SupportGrants = supportGrants;
    }

    /// <summary>A snapshot equal to <paramref name="previous"/> but for the model, the version and the tables given: what
    /// an incremental change makes (a share or an object's rows replace objects; a membership, the tables indexed by
    /// subject), in time proportional to what it touched.</summary>
    private AccessSnapshot(
        AccessSnapshot previous,
        AccessModel model,
        long version,
        CompiledObject[]? objects = null,
        EffectiveRoleTable? roles = null,
        SubjectsByUnit? inverse = null,
        CompiledSystemOperations? operations = null,
        SubjectState[]? states = null)
    {
        Model = model;
        Version = version;
        Units = previous.Units;
        Roles = roles ?? previous.Roles;
        Operations = operations ?? previous.Operations;
        ObjectIndex = previous.ObjectIndex;
        Objects = objects ?? previous.Objects;
        States = states ?? previous.States;
        Principals = previous.Principals.With(previous.Roles, Roles, previous.States, States);
        Inverse = inverse ?? previous.Inverse;
        SupportGrants = previous.SupportGrants;
    }

    /// <summary>Gets a snapshot of the empty model: it knows no user, so it denies everything.</summary>
    public static AccessSnapshot Empty { get; } = SnapshotCompiler.Compile(AccessModel.Empty, 0);

    /// <summary>Gets the model this snapshot was compiled from.</summary>
    public AccessModel Model { get; }

    /// <summary>Gets the snapshot's version; every snapshot an evaluator publishes has a greater version than the one before.</summary>
    public long Version { get; }

    internal UnitTable Units { get; }

    internal EffectiveRoleTable Roles { get; }

    internal CompiledSystemOperations Operations { get; }

    internal FrozenDictionary<string, int> ObjectIndex { get; }

    internal CompiledObject[] Objects { get; }

    internal CompiledSupportGrants SupportGrants { get; }

    /// <summary>Gets, for each admin unit, the subjects whose <c>E(u)</c> contains it.</summary>
    internal SubjectsByUnit Inverse { get; }

    /// <summary>Gets each subject's packed state: active, external, and the super operations it holds.</summary>
    internal SubjectState[] States { get; }

    /// <summary>Gets the users by id, each with its subject, state and summary in one slot: what resolving a user reads.</summary>
    internal AccessPrincipalIndex Principals { get; }

    /// <summary>Compiles a model into a snapshot.</summary>
    /// <param name="model">The validated model.</param>
    /// <param name="version">The version to give the snapshot.</param>
    /// <returns>The compiled snapshot.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is negative.</exception>
    public static AccessSnapshot Compile(AccessModel model, long version = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return SnapshotCompiler.Compile(model, version);
    }

    /// <summary>Resolves a user for checks at an instant.</summary>
    /// <param name="user">The user.</param>
    /// <param name="now">The instant the checks are made at; it selects which time-limited delegations apply.</param>
    /// <returns>The principal; for an unknown user, one whose <see cref="AccessPrincipal.IsKnown"/> is <see langword="false"/>
    /// and which is denied everything.</returns>
    public AccessPrincipal GetPrincipal(UserId user, DateTimeOffset now)
    {
        ref readonly AccessPrincipalIndex.Slot slot = ref Principals.Find(user.Value);
        if (slot.UserPlusOne == 0)
        {
            return new AccessPrincipal(this, user, SubjectIndex.None);
        }

        return slot.SeveralSubjects
            ? new AccessPrincipal(this, user, new SubjectIndex(Roles.SubjectAt(slot.UserPlusOne - 1, now.UtcTicks)))
            : new AccessPrincipal(this, user, in slot);
    }

    /// <summary>Resolves a user for checks now, reading the clock only for a user whose effective roles change at an instant
    /// (a delegation with an end date reaches them): every other user has the same principal at every instant.</summary>
    /// <remarks>Support grants depend on time too, but only through <see cref="GetSupportPrincipal"/>, which is always
    /// given its instant.</remarks>
    internal AccessPrincipal GetPrincipal(UserId user, TimeProvider clock)
    {
        ref readonly AccessPrincipalIndex.Slot slot = ref Principals.Find(user.Value);
        if (slot.UserPlusOne == 0)
        {
            return new AccessPrincipal(this, user, SubjectIndex.None);
        }

        return slot.SeveralSubjects
            ? new AccessPrincipal(this, user, new SubjectIndex(Roles.SubjectAt(slot.UserPlusOne - 1, clock.GetUtcNow().UtcTicks)))
            : new AccessPrincipal(this, user, in slot);
    }

    /// <summary>Resolves an object once, for the checks of a request on it.</summary>
    /// <param name="objectName">The object.</param>
    /// <returns>The object, valid with the principals of this snapshot; for an unknown object, one whose
    /// <see cref="AccessObject.IsKnown"/> is <see langword="false"/> and on which every check is denied.</returns>
    /// <remarks>Like <see cref="GetPrincipal(UserId, DateTimeOffset)"/>: resolve once per request, check many times.
    /// Allocates nothing.</remarks>
    public AccessObject GetObject(ObjectName objectName) =>
        objectName.Value is not null && ObjectIndex.TryGetValue(objectName.Value, out int index)
            ? new AccessObject(this, objectName, Objects[index], index)
            : new AccessObject(this, objectName, null, -1);

    /// <summary>Finds an object by name: its compiled tables, or <see langword="null"/> for an unknown name.</summary>
    internal CompiledObject? FindObject(ObjectName objectName) =>
        objectName.Value is not null && ObjectIndex.TryGetValue(objectName.Value, out int index) ? Objects[index] : null;

    /// <summary>Resolves a support session: the grantor's permissions under a support grant, at an instant.</summary>
    /// <param name="grant">The support grant the session runs under.</param>
    /// <param name="now">The instant the checks are made at.</param>
    /// <returns>A principal whose every decision is the grantor's decision followed by the support overlay (<see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/support-access.md">support access</see>);
    /// for an unknown, inactive, expired or not-yet-started grant, or one for another environment, a principal denied
    /// everything with that reason.</returns>
    public AccessPrincipal GetSupportPrincipal(SupportGrantId grant, DateTimeOffset now)
    {
        if (!SupportGrants.Index.TryGetValue(grant.Value, out int index))
        {
            return new AccessPrincipal(this, default, SubjectIndex.None, -1, AccessReason.UnknownSupportGrant);
        }

        CompiledSupportGrant compiled = SupportGrants.Grants[index];
        SupportAccessGrant definition = compiled.Definition;
        AccessPrincipal grantor = GetPrincipal(definition.Grantor, now);
        AccessReason denial =
            !definition.IsActive ? AccessReason.SupportGrantInactive
            : now < compiled.Window.StartsAt ? AccessReason.SupportGrantNotStarted
            : now >= compiled.Window.EndsAt ? AccessReason.SupportGrantExpired
            : !SupportAccessRules.IsSameEnvironment(definition.Environment, Model.Settings.SupportAccess.Environment) ? AccessReason.SupportWrongEnvironment
            : AccessReason.None;
        return new AccessPrincipal(this, definition.Grantor, grantor.SubjectIndex, index, denial);
    }

    internal bool TryGetUnit(AdminUnitId unit, out int index) => Units.IndexOf.TryGetValue(unit, out index);

    /// <summary>Returns this snapshot with another model and one object's tables replaced, at the same version.</summary>
    internal AccessSnapshot WithObject(AccessModel model, int objectIndex, CompiledObject compiled)
    {
        var objects = (CompiledObject[])Objects.Clone();
        objects[objectIndex] = compiled;
        return new AccessSnapshot(this, model, Version, objects);
    }

    /// <summary>Returns this snapshot with another model and the tables indexed by subject replaced, at the same version.</summary>
    internal AccessSnapshot WithSubjectTables(AccessModel model, SubjectTables tables) =>
        new(this, model, Version, tables.Objects, tables.Roles, tables.Inverse, tables.Operations, tables.States);

    /// <summary>Gets the tables indexed by subject.</summary>
    internal SubjectTables SubjectTables => new(Roles, Inverse, Operations, States, Objects);

    /// <summary>Returns this snapshot at another version.</summary>
    internal AccessSnapshot WithVersion(long version) => new(this, Model, version);
}
