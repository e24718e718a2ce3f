namespace Creatio.AccessControl.Tests.Reference;

/// <summary>What the reference decides: the outcome, the step, the reason, and the rule that decided.</summary>
/// <param name="Outcome">Allowed or denied.</param>
/// <param name="Stage">The step that decided.</param>
/// <param name="Reason">Why.</param>
/// <param name="Grantees">The grantees the engine may name: empty when no row decides (the engine names none); one
/// element when the deciding row is determined; several when any of several rows may be named (record rights are
/// unordered, so any matching row explains an allow).</param>
/// <param name="Position">The position of the deciding row, for positioned rows.</param>
internal sealed record ReferenceDecision(AccessOutcome Outcome, AccessStage Stage, AccessReason Reason, IReadOnlySet<AdminUnitId> Grantees, int? Position)
{
    public bool IsAllowed => Outcome == AccessOutcome.Allow;

    public static ReferenceDecision Deny(AccessStage stage, AccessReason reason) =>
        new(AccessOutcome.Deny, stage, reason, new HashSet<AdminUnitId>(), null);

    public static ReferenceDecision Allow(AccessStage stage, AccessReason reason) =>
        new(AccessOutcome.Allow, stage, reason, new HashSet<AdminUnitId>(), null);

    public static ReferenceDecision Row(bool allowed, AccessStage stage, AccessReason reason, AdminUnitId grantee, int? position) =>
        new(allowed ? AccessOutcome.Allow : AccessOutcome.Deny, stage, reason, new HashSet<AdminUnitId> { grantee }, position);

    /// <summary>Whether the engine's decision is this one: same outcome, step and reason, and a grantee and position
    /// the reference accepts.</summary>
    public bool Accepts(AccessDecision actual) =>
        actual.Outcome == Outcome && actual.Stage == Stage && actual.Reason == Reason && actual.Position == Position &&
        (Grantees.Count == 0 ? actual.Grantee is null : actual.Grantee is { } g && Grantees.Contains(g));

    public override string ToString() =>
        $"{Outcome} at {Stage}: {Reason} (grantee {string.Join(" or ", Grantees)}, position {Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"})";
}

/// <summary>
/// A deliberately naive transcription of DESIGN.md §3–§7 and §9 over the raw rows of an <see cref="AccessModel"/>:
/// LINQ over the row lists, no precomputed tables, nothing shared with the library's compiler.
/// </summary>
/// <remarks>
/// <para>The effective roles <c>E(u)</c> come from a function the caller passes (normally
/// <see cref="ReferenceEffectiveRoles.Compute"/>), so this class decides only §3–§7.</para>
/// <para>Decisions the engine takes where DESIGN.md leaves room, and which this reference follows: the system-column rule for
/// portal users comes before the super operations; unknown object, column or operation codes deny before the super
/// operations; employees' record checks on an object without record permissions do not look the record up; System
/// administrators hold every built-in operation through a row below all explicit rows; sharing needs reading the record,
/// a known record, then AllowAndGrant or <c>CanChangeEntitySchemaRecordRight</c>; record rights are looked at author and
/// owner in person, rows, then the implicit rights: manager units, the author, the owner in <c>E(u)</c>.</para>
/// </remarks>
internal sealed class ReferenceEvaluator
{
    private static readonly string[] s_systemColumns = ["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy"];

    private static readonly SystemOperationCode[] s_super =
    [
        SystemOperations.CanSelectEverything,
        SystemOperations.CanInsertEverything,
        SystemOperations.CanUpdateEverything,
        SystemOperations.CanDeleteEverything,
    ];

    private readonly AccessModel _model;
    private readonly Func<UserId, IReadOnlySet<AdminUnitId>> _effectiveRoles;

    public ReferenceEvaluator(AccessModel model, Func<UserId, IReadOnlySet<AdminUnitId>> effectiveRoles)
    {
        _model = model;
        _effectiveRoles = effectiveRoles;
    }

    /// <summary>A reference over <see cref="ReferenceEffectiveRoles"/> at <paramref name="now"/>.</summary>
    public static ReferenceEvaluator At(AccessModel model, DateTimeOffset now) =>
        new(model, user => ReferenceEffectiveRoles.Compute(model, user, now));

    public ReferenceDecision Check(UserId user, AccessRequest request) => request.Kind switch
    {
        AccessRequestKind.Object => CheckObject(user, request.Object, request.ObjectOperation),
        AccessRequestKind.Record => CheckRecord(user, request.Object, request.Record!.Value, request.RecordOperation),
        AccessRequestKind.Column => CheckColumn(user, request.Object, request.Column, request.ColumnOperation, request.Record),
        AccessRequestKind.SystemOperation => CheckSystemOperation(user, request.SystemOperation),
        AccessRequestKind.Share => CheckShare(user, request.Object, request.Record!.Value, request.RecordOperation),
        _ => ReferenceDecision.Deny(AccessStage.None, AccessReason.InvalidRequest),
    };

    public ReferenceDecision CheckSystemOperation(UserId user, SystemOperationCode code)
    {
        if (UserStep(user) is { } denied)
        {
            return denied;
        }

        if (!_model.SystemOperations.Any(o => o.Code == code))
        {
            return ReferenceDecision.Deny(AccessStage.SystemOperation, AccessReason.UnknownSystemOperation);
        }

        return SystemOperation(user, code);
    }

    public ReferenceDecision CheckObject(UserId user, ObjectName objectName, ObjectOperation operation)
    {
        if (Begin(user, objectName, out ObjectDefinition? definition) is { } decided)
        {
            return decided;
        }

        if (!Enum.IsDefined(operation))
        {
            return ReferenceDecision.Deny(AccessStage.Object, AccessReason.InvalidRequest);
        }

        return Super(user, operation) ?? ObjectStep(user, definition!, operation);
    }

    public ReferenceDecision CheckRecord(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        if (Begin(user, objectName, out ObjectDefinition? definition) is { } decided)
        {
            return decided;
        }

        if (!Enum.IsDefined(operation))
        {
            return ReferenceDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
        }

        ObjectOperation objectOperation = ToObjectOperation(operation);
        if (Super(user, objectOperation) is { } super)
        {
            return super;
        }

        ReferenceDecision objectStep = ObjectStep(user, definition!, objectOperation);
        return objectStep.IsAllowed ? RecordStep(user, definition!, objectStep, record, operation) : objectStep;
    }

    public ReferenceDecision CheckColumn(UserId user, ObjectName objectName, ColumnName column, ColumnOperation operation, RecordId? record)
    {
        if (Begin(user, objectName, out ObjectDefinition? definition) is { } decided)
        {
            return decided;
        }

        if (!Enum.IsDefined(operation))
        {
            return ReferenceDecision.Deny(AccessStage.Column, AccessReason.InvalidRequest);
        }

        bool system = s_systemColumns.Contains(column.Value);
        if (column.Value is null || (!system && !definition!.Columns.Contains(column)))
        {
            return ReferenceDecision.Deny(AccessStage.Column, AccessReason.UnknownColumn);
        }

        // §6: portal users never read or write the system columns, whatever else they hold.
        if (IsExternal(user) && system)
        {
            return ReferenceDecision.Deny(AccessStage.Column, AccessReason.SystemColumnForPortalUser);
        }

        ObjectOperation objectOperation = operation == ColumnOperation.Read ? ObjectOperation.Read : ObjectOperation.Edit;
        if (Super(user, objectOperation) is { } super)
        {
            return super;
        }

        ReferenceDecision previous = ObjectStep(user, definition!, objectOperation);
        if (!previous.IsAllowed)
        {
            return previous;
        }

        if (record is { } id)
        {
            previous = RecordStep(user, definition!, previous, id, operation == ColumnOperation.Read ? RecordOperation.Read : RecordOperation.Edit);
            if (!previous.IsAllowed)
            {
                return previous;
            }
        }

        // §6: a column without rows follows the object (and record) step; otherwise the first matching row decides.
        List<ColumnRightRow> rows = [.. _model.ColumnRightRows.Where(r => r.Object == objectName && r.Column == column).OrderBy(r => r.Position)];
        if (rows.Count == 0)
        {
            return previous;
        }

        IReadOnlySet<AdminUnitId> roles = _effectiveRoles(user);
        ColumnRightRow? first = rows.FirstOrDefault(r => roles.Contains(r.Grantee));
        if (first is null)
        {
            return ReferenceDecision.Deny(AccessStage.Column, AccessReason.NoMatchingColumnRow);
        }

        return first.Level switch
        {
            ColumnRightLevel.ReadEdit => ReferenceDecision.Row(true, AccessStage.Column, AccessReason.ColumnRowAllows, first.Grantee, first.Position),
            ColumnRightLevel.Read when operation == ColumnOperation.Read =>
                ReferenceDecision.Row(true, AccessStage.Column, AccessReason.ColumnRowAllows, first.Grantee, first.Position),
            ColumnRightLevel.Read => ReferenceDecision.Row(false, AccessStage.Column, AccessReason.ColumnReadOnly, first.Grantee, first.Position),
            _ => ReferenceDecision.Row(false, AccessStage.Column, AccessReason.ColumnRowDenies, first.Grantee, first.Position),
        };
    }

    public ReferenceDecision CheckShare(UserId user, ObjectName objectName, RecordId record, RecordOperation operation)
    {
        ReferenceDecision read = CheckRecord(user, objectName, record, RecordOperation.Read);
        if (!read.IsAllowed)
        {
            return read;
        }

        if (!Enum.IsDefined(operation))
        {
            return ReferenceDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest);
        }

        RecordDefinition? definition = _model.Records.FirstOrDefault(r => r.Object == objectName && r.Id == record);
        if (definition is null)
        {
            return ReferenceDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord);
        }

        ReferenceDecision grant = Rights(user, definition, operation, grant: true);
        if (grant.IsAllowed)
        {
            return grant;
        }

        ReferenceDecision change = SystemOperation(user, SystemOperations.CanChangeEntitySchemaRecordRight);
        return change.IsAllowed ? change with { Stage = AccessStage.Record, Reason = AccessReason.CanChangeRecordRights } : grant;
    }

    /// <summary>Whether <see cref="CheckRecord"/> allows; the answer a record filter must give for a known record.</summary>
    public bool AllowsRecord(UserId user, RecordDefinition record, RecordOperation operation) =>
        CheckRecord(user, record.Object, record.Id, operation).IsAllowed;

    private ReferenceDecision? UserStep(UserId user)
    {
        UserDefinition? definition = _model.Users.FirstOrDefault(u => u.Id == user);
        if (definition is null)
        {
            return ReferenceDecision.Deny(AccessStage.User, AccessReason.UnknownUser);
        }

        return definition.IsActive ? null : ReferenceDecision.Deny(AccessStage.User, AccessReason.InactiveUser);
    }

    private bool IsExternal(UserId user) => _model.Users.Single(u => u.Id == user).IsExternal;

    /// <summary>§3 steps 1 and 2, and resolving the object.</summary>
    private ReferenceDecision? Begin(UserId user, ObjectName objectName, out ObjectDefinition? definition)
    {
        definition = null;
        if (UserStep(user) is { } denied)
        {
            return denied;
        }

        definition = _model.Objects.FirstOrDefault(o => o.Name == objectName);
        if (objectName.Value is null || definition is null)
        {
            return ReferenceDecision.Deny(AccessStage.Object, AccessReason.UnknownObject);
        }

        // §9: portal availability applies to portal users only.
        if (IsExternal(user))
        {
            bool available = _model.Settings.PortalAvailabilityMode == PortalAvailabilityMode.Lookup
                ? definition.IsAvailableForPortal
                : definition.UseOperationPermissions;
            if (!available)
            {
                return ReferenceDecision.Deny(AccessStage.PortalAvailability, AccessReason.NotAvailableForPortal);
            }
        }

        return null;
    }

    /// <summary>§3 step 3: the super operation of <paramref name="operation"/> allows, or null when not held.</summary>
    private ReferenceDecision? Super(UserId user, ObjectOperation operation)
    {
        ReferenceDecision decision = SystemOperation(user, s_super[(int)operation]);
        return decision.IsAllowed ? decision with { Stage = AccessStage.SuperOperation, Reason = AccessReason.SuperOperation } : null;
    }

    /// <summary>§4.</summary>
    private ReferenceDecision ObjectStep(UserId user, ObjectDefinition definition, ObjectOperation operation)
    {
        ReferenceDecision byRows;
        if (!definition.UseOperationPermissions)
        {
            if (!IsExternal(user))
            {
                return ReferenceDecision.Allow(AccessStage.Object, AccessReason.OperationPermissionsOff);
            }

            byRows = ReferenceDecision.Deny(AccessStage.Object, AccessReason.PortalUserLeastAccess);
        }
        else
        {
            IReadOnlySet<AdminUnitId> roles = _effectiveRoles(user);
            ObjectOperationRow? first = _model.ObjectOperationRows
                .Where(r => r.Object == definition.Name)
                .OrderBy(r => r.Position)
                .FirstOrDefault(r => roles.Contains(r.Grantee));
            if (first is null)
            {
                byRows = ReferenceDecision.Deny(AccessStage.Object, AccessReason.NoMatchingObjectRow);
            }
            else
            {
                bool allowed = first.Operations.HasFlag(ToFlag(operation));
                byRows = ReferenceDecision.Row(
                    allowed, AccessStage.Object, allowed ? AccessReason.ObjectRowAllows : AccessReason.ObjectRowDenies, first.Grantee, first.Position);
            }
        }

        if (byRows.IsAllowed)
        {
            return byRows;
        }

        // §4: object access granted by a system operation the user is allowed; the union with the row decision.
        bool granted = _model.SystemOperations.Any(o =>
            o.ObjectAccess.Any(g => g.Object == definition.Name && g.Operations.HasFlag(ToFlag(operation))) &&
            SystemOperation(user, o.Code).IsAllowed);
        return granted ? ReferenceDecision.Allow(AccessStage.Object, AccessReason.GrantedBySystemOperation) : byRows;
    }

    /// <summary>§5 for a request that passed the object step.</summary>
    private ReferenceDecision RecordStep(UserId user, ObjectDefinition definition, ReferenceDecision objectStep, RecordId record, RecordOperation operation)
    {
        // §9: portal users get least access whatever the switch; employees skip the step when the switch is off, allowed
        // by what allowed the object step (its row, when a row did).
        if (!IsExternal(user) && !definition.UseRecordPermissions)
        {
            return objectStep with { Outcome = AccessOutcome.Allow, Stage = AccessStage.Record, Reason = AccessReason.RecordPermissionsOff };
        }

        RecordDefinition? found = _model.Records.FirstOrDefault(r => r.Object == definition.Name && r.Id == record);
        return found is null
            ? ReferenceDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord)
            : Rights(user, found, operation, grant: false);
    }

    /// <summary>§5: whether the user holds <paramref name="operation"/> on the record (with <paramref name="grant"/>, at level
    /// AllowAndGrant): author, owner, any right row, then the implicit rights, which are rows matched like any row (grantee in
    /// <c>E(u)</c>): any manager unit of an organizational role the author or owner directly belongs to, the author, the
    /// owner.</summary>
    private ReferenceDecision Rights(UserId user, RecordDefinition record, RecordOperation operation, bool grant)
    {
        if (record.Author == user)
        {
            return ReferenceDecision.Row(true, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.RecordAuthor, user, null);
        }

        if (record.Owner == user)
        {
            return ReferenceDecision.Row(true, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.RecordOwner, user, null);
        }

        IReadOnlySet<AdminUnitId> roles = _effectiveRoles(user);
        RecordRightLevel needed = grant ? RecordRightLevel.AllowAndGrant : RecordRightLevel.Allow;
        var byRows = _model.RecordRightRows
            .Where(r => r.Object == record.Object && r.Record == record.Id && r.Operation == operation && r.Level >= needed && roles.Contains(r.Grantee))
            .Select(r => r.Grantee)
            .ToHashSet();
        if (byRows.Count > 0)
        {
            return new ReferenceDecision(AccessOutcome.Allow, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.RecordRight, byRows, null);
        }

        var managers = new[] { record.Author, record.Owner }
            .OfType<UserId>()
            .SelectMany(DirectOrganizationalRoles)
            .SelectMany(ManagerUnitsOf)
            .Where(roles.Contains)
            .ToHashSet();
        if (managers.Count > 0)
        {
            return new ReferenceDecision(
                AccessOutcome.Allow, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.ManagerOfAuthorOrOwner, managers, null);
        }

        // The author and the owner held through E(u): by a manager above them (§2 rule 5) or a delegation (rule 6).
        if (record.Author is { } author && roles.Contains(author))
        {
            return ReferenceDecision.Row(true, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.RecordAuthor, author, null);
        }

        if (record.Owner is { } owner && roles.Contains(owner))
        {
            return ReferenceDecision.Row(true, AccessStage.Record, grant ? AccessReason.CanGrant : AccessReason.RecordOwner, owner, null);
        }

        return ReferenceDecision.Deny(AccessStage.Record, grant ? AccessReason.NoGrantRight : AccessReason.NoRecordRight);
    }

    /// <summary>The organizational roles a user directly belongs to; employees belong to All employees without a row.</summary>
    private IEnumerable<AdminUnitId> DirectOrganizationalRoles(UserId user)
    {
        UserDefinition definition = _model.Users.Single(u => u.Id == user);
        IEnumerable<RoleId> direct = _model.Memberships.Where(m => m.User == user).Select(m => m.Role);
        if (!definition.IsExternal)
        {
            direct = direct.Append(BuiltInRoles.AllEmployees);
        }

        return direct.Where(r => _model.Roles.Single(d => d.Id == r).IsOrganizational).Select(r => (AdminUnitId)r);
    }

    private IEnumerable<AdminUnitId> ManagerUnitsOf(AdminUnitId role) =>
        _model.Roles.Where(r => r.Kind == AdminUnitKind.Manager && r.Parent is { } parent && (AdminUnitId)parent == role).Select(r => (AdminUnitId)r.Id);

    /// <summary>§7: the first row by position whose grantee is in <c>E(u)</c> decides; System administrators hold every
    /// built-in operation through a row below all others; no row denies.</summary>
    private ReferenceDecision SystemOperation(UserId user, SystemOperationCode code)
    {
        IReadOnlySet<AdminUnitId> roles = _effectiveRoles(user);
        SystemOperationRow? first = _model.SystemOperationRows
            .Where(r => r.Operation == code)
            .OrderBy(r => r.Position)
            .FirstOrDefault(r => roles.Contains(r.Grantee));
        if (first is not null)
        {
            return ReferenceDecision.Row(
                first.CanExecute,
                AccessStage.SystemOperation,
                first.CanExecute ? AccessReason.SystemOperationRowAllows : AccessReason.SystemOperationRowDenies,
                first.Grantee,
                first.Position);
        }

        if (SystemOperations.BuiltIn.Any(o => o.Code == code) && roles.Contains(BuiltInRoles.SystemAdministrators))
        {
            return ReferenceDecision.Row(true, AccessStage.SystemOperation, AccessReason.SystemAdministratorsByDefault, BuiltInRoles.SystemAdministrators, null);
        }

        return ReferenceDecision.Deny(AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow);
    }

    private static ObjectOperation ToObjectOperation(RecordOperation operation) => operation switch
    {
        RecordOperation.Read => ObjectOperation.Read,
        RecordOperation.Edit => ObjectOperation.Edit,
        _ => ObjectOperation.Delete,
    };

    private static ObjectOperations ToFlag(ObjectOperation operation) => operation switch
    {
        ObjectOperation.Read => ObjectOperations.Read,
        ObjectOperation.Create => ObjectOperations.Create,
        ObjectOperation.Edit => ObjectOperations.Edit,
        _ => ObjectOperations.Delete,
    };
}
