using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The tracer of <see cref="AccessPrincipal.Explain(in AccessRequest)"/>: records what each step of the one
/// walk looked at and decided, with the rows it considered and which effective role matched. It decides nothing.</summary>
internal sealed class Explainer : IStepTracer
{
    private readonly AccessSnapshot? _snapshot;
    private readonly SubjectIndex _subject;
    private readonly UserId _user;
    private readonly AccessRequest _request;
    private readonly List<AccessExplanationStep> _steps = [];
    private bool _grantAllowsNothing;
    private IReadOnlyList<EffectiveRoleOrigin>? _effectiveRoles;
    private Dictionary<AdminUnitId, EffectiveRoleOrigin>? _origins;

    public Explainer(AccessSnapshot? snapshot, SubjectIndex subject, UserId user, in AccessRequest request)
    {
        _snapshot = snapshot;
        _subject = subject;
        _user = user;
        _request = request;
    }

    /// <summary>Gets the steps recorded, in the order they were taken.</summary>
    public IReadOnlyList<AccessExplanationStep> Steps => _steps;

    /// <summary>Gets the user's effective roles with their origins, computed once by the compiler of <c>E(u)</c>.</summary>
    public IReadOnlyList<EffectiveRoleOrigin> EffectiveRoles =>
        _effectiveRoles ??= _snapshot is not null && _subject.IsKnown ? EffectiveRoleOrigins.Of(_snapshot, _subject) : [];

    private AccessSnapshot Snapshot => _snapshot!;

    public void SupportDenied(AccessDecision decision)
    {
        _grantAllowsNothing = true;
        SupportStep(decision, "the grant allows nothing");
    }

    public void User(AccessDecision decision)
    {
        if (_snapshot is null || !_subject.IsKnown)
        {
            _steps.Add(new AccessExplanationStep(AccessStage.User, AccessStepResult.Denied, decision.Reason, $"user {_user} is unknown", []));
            return;
        }

        UserDefinition definition = _snapshot.Units.Users[_snapshot.Roles.UserOf(_subject).Value];
        Add(
            AccessStage.User,
            decision,
            $"{(definition.IsExternal ? "external user" : "employee")} {definition.Name}, {(definition.IsActive ? "active" : "inactive")}, {_snapshot.Roles.Count(_subject.Value)} effective roles");
    }

    public void UnknownObject(AccessDecision decision) =>
        Add(AccessStage.Object, decision, decision.Reason == AccessReason.UnknownObject
            ? $"object {_request.Object} is unknown"
            : $"object {_request.Object} was resolved in another snapshot");

    public void Portal(AccessDecision decision, bool external)
    {
        if (external)
        {
            Add(AccessStage.PortalAvailability, decision, $"mode {Snapshot.Model.Settings.PortalAvailabilityMode}");
        }
        else
        {
            NotApplicable(AccessStage.PortalAvailability, "employees are not subject to portal availability");
        }
    }

    public void InvalidOperation(AccessDecision decision) =>
        Add(decision.Stage, decision, $"the operation of {_request} is not defined");

    public void ColumnRefused(AccessDecision decision, CompiledColumn? column) =>
        Add(AccessStage.Column, decision, column is null ? $"column {_request.Column} is unknown" : $"{column.Name} is a system column");

    public void Super(ObjectOperation operation, AccessDecision decision, bool allows)
    {
        int super = Snapshot.Operations.SuperOperations[(int)operation];
        string superCode = Snapshot.Operations.Definitions[super].Code.Value;
        List<AccessExplanationRow> superRows = Rows(Snapshot.Operations.Rows[super], v => v != 0 ? "CanExecute" : "Cannot execute");
        if (!allows)
        {
            _steps.Add(new AccessExplanationStep(AccessStage.SuperOperation, AccessStepResult.NotApplicable, AccessReason.None, $"{superCode} is not held", superRows));
            return;
        }

        if (_request.Kind == AccessRequestKind.Share)
        {
            Add(AccessStage.SuperOperation, decision, $"{superCode} allows reading the record to share", superRows);
            return;
        }

        Add(AccessStage.SuperOperation, decision, $"{superCode} allows {operation}", superRows);
        Skipped(AccessStage.Object);
        if (_request.Record is not null || _request.Kind == AccessRequestKind.Record)
        {
            Skipped(AccessStage.Record);
        }

        if (_request.Kind == AccessRequestKind.Column)
        {
            Skipped(AccessStage.Column);
        }
    }

    public void Object(AccessDecision decision, CompiledObject compiled, ObjectOperation operation)
    {
        string detail = compiled.Rows is null
            ? "Use operation permissions is off"
            : $"first row by position whose grantee is in E(u) decides {operation}";
        Add(AccessStage.Object, decision, detail, compiled.Rows is null ? null : Rows(compiled.Rows, v => ((ObjectOperations)v).ToString()));
    }

    public void Record(AccessDecision decision, CompiledObject compiled, bool external, RecordId record, int operationBit)
    {
        RecordIndex recordIndex = compiled.Records.IndexOf(record);

        // A step that does not look at the record lists none of its rights: the object row that allowed decides.
        List<AccessExplanationRow> rows = !external && !compiled.UseRecordPermissions ? [] : RecordRows(compiled.Records, recordIndex, grant: false, operationBit);
        Add(AccessStage.Record, decision, RecordDetail(compiled, external, recordIndex), rows);
    }

    public void Column(AccessDecision decision, CompiledColumn column)
    {
        if (column.Rows is null)
        {
            NotApplicable(AccessStage.Column, $"{column.Name} has no rows; the object and record steps decide");
        }
        else
        {
            Add(AccessStage.Column, decision, $"first row by position whose grantee is in E(u) decides {column.Name}", Rows(column.Rows, v => ((ColumnRightLevel)v).ToString()));
        }
    }

    public void ShareRefused(AccessDecision decision) =>
        Add(AccessStage.Record, decision, decision.Reason == AccessReason.InvalidRequest
            ? $"operation value {(int)_request.RecordOperation} is not defined"
            : "sharing needs a known record");

    public void Share(AccessDecision grant, AccessDecision decision, CompiledObject compiled, RecordIndex record, int operationBit)
    {
        if (grant.IsAllowed)
        {
            Add(AccessStage.Record, grant, "AllowAndGrant on the operation", RecordRows(compiled.Records, record, grant: true, operationBit));
            return;
        }

        CompiledSystemOperations operations = Snapshot.Operations;
        Add(
            AccessStage.Record,
            decision,
            "no AllowAndGrant; CanChangeEntitySchemaRecordRight " + (decision.IsAllowed ? "is held" : "is not held"),
            Rows(operations.Rows[operations.ChangeRecordRights], v => v != 0 ? "CanExecute" : "Cannot execute"));
    }

    public void SystemOperation(AccessDecision decision, int operation)
    {
        if (operation < 0)
        {
            Add(AccessStage.SystemOperation, decision, $"operation {_request.SystemOperation} is unknown");
            return;
        }

        Add(
            AccessStage.SystemOperation,
            decision,
            $"first row by position whose grantee is in E(u) decides {_request.SystemOperation}",
            Rows(Snapshot.Operations.Rows[operation], v => v != 0 ? "CanExecute" : "Cannot execute"));
    }

    public void Support(AccessDecision decision)
    {
        if (_grantAllowsNothing)
        {
            return;
        }

        SupportStep(decision, decision.Stage == AccessStage.SupportAccess
            ? "the support overlay denies what the grantor may do"
            : decision.IsAllowed ? "the support overlay keeps the grantor's decision" : "the grantor's steps decided");
    }

    private void SupportStep(AccessDecision decision, string detail) =>
        _steps.Add(new AccessExplanationStep(
            AccessStage.SupportAccess,
            decision.Stage == AccessStage.SupportAccess ? AccessStepResult.Denied
            : decision.IsAllowed ? AccessStepResult.Allowed : AccessStepResult.NotApplicable,
            decision.Stage == AccessStage.SupportAccess ? decision.Reason : AccessReason.None,
            detail,
            []));

    private void Add(AccessStage stage, AccessDecision decision, string detail, IReadOnlyList<AccessExplanationRow>? rows = null) =>
        _steps.Add(new AccessExplanationStep(
            stage,
            decision.IsAllowed ? AccessStepResult.Allowed : AccessStepResult.Denied,
            decision.Reason,
            detail,
            rows ?? []));

    private void NotApplicable(AccessStage stage, string detail) =>
        _steps.Add(new AccessExplanationStep(stage, AccessStepResult.NotApplicable, AccessReason.None, detail, []));

    private void Skipped(AccessStage stage) =>
        _steps.Add(new AccessExplanationStep(stage, AccessStepResult.Skipped, AccessReason.None, "skipped by the super operation", []));

    private string Name(int unit) => EffectiveRoleOrigins.Name(Snapshot.Units, unit);

    /// <summary>How a unit came into the user's effective roles, or <see langword="null"/> when it is not among them.</summary>
    private EffectiveRoleOrigin? Origin(int unit)
    {
        _origins ??= EffectiveRoles.ToDictionary(o => o.Unit);
        return _origins.GetValueOrDefault(Snapshot.Units.Ids[unit]);
    }

    private List<AccessExplanationRow> Rows(FirstMatchRows rows, Func<byte, string> value)
    {
        int deciding = rows.DecidingRow(_subject).Value;
        var list = new List<AccessExplanationRow>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            int unit = rows.Unit[i];
            list.Add(new AccessExplanationRow(
                Snapshot.Units.Ids[unit],
                Name(unit),
                rows.Position[i] >= 0 ? rows.Position[i] : null,
                value(rows.Value[i]),
                Snapshot.Roles.Contains(_subject, new UnitIndex(unit)),
                i == deciding) { Origin = Origin(unit) });
        }

        return list;
    }

    private static string RecordDetail(CompiledObject compiled, bool external, RecordIndex recordIndex) =>
        !external && !compiled.Definition.UseRecordPermissions ? "Use record permissions is off"
        : !recordIndex.IsFound ? "the record is unknown"
        : external ? "external users get least access: own records and records granted to their roles"
        : "record rights are additive: any matching right allows";

    private List<AccessExplanationRow> RecordRows(CompiledRecords records, RecordIndex record, bool grant, int operationBit)
    {
        var list = new List<AccessExplanationRow>();
        var allows = new List<bool>();
        if (!record.IsFound)
        {
            return list;
        }

        int roleCount = Snapshot.Units.RoleCount;
        RecordHeader header = records.Header(record);
        int self = Snapshot.Roles.UserOf(_subject).Value;

        // The author and the owner in person first, as the step looks at them; held through E(u), they are implicit rights.
        foreach ((int user, string what) in new[] { (header.Author, "author"), (header.Owner, "owner") })
        {
            if (user >= 0 && user == self)
            {
                int unit = roleCount + user;
                list.Add(new AccessExplanationRow(Snapshot.Units.Ids[unit], Name(unit), null, $"{what}: AllowAndGrant on all operations", true, false) { Origin = Origin(unit) });
                allows.Add(true);
            }
        }

        foreach (RightEntry right in records.Rights(record, header.RightCount))
        {
            int user = right.Unit - roleCount;
            if (right.Implicit && user == self)
            {
                continue;
            }

            string value = !right.Implicit ? $"Allow {Operations(right.Allow)}; AllowAndGrant {Operations(right.Grant)}"
                : user < 0 ? "manager of the author or owner: AllowAndGrant on all operations"
                : user == header.Author ? "author, in the effective roles: AllowAndGrant on all operations"
                : "owner, in the effective roles: AllowAndGrant on all operations";
            bool member = Snapshot.Roles.Contains(_subject, new UnitIndex(right.Unit));
            list.Add(new AccessExplanationRow(Snapshot.Units.Ids[right.Unit], Name(right.Unit), null, value, member, false) { Origin = Origin(right.Unit) });
            allows.Add(member && ((grant ? right.Grant : right.Allow) & operationBit) != 0);
        }

        // Mark the first row that allows, in the order the step looks at rows (author and owner in person, rights, then
        // implicit rights: managers, author, owner). A right row allows only when it holds the operation at the level asked
        // for; another row of the same grantee may not.
        int deciding = allows.IndexOf(true);
        if (deciding >= 0)
        {
            list[deciding] = list[deciding] with { Decides = true };
        }

        return list;
    }

    private static string Operations(byte mask)
    {
        if (mask == 0)
        {
            return "none";
        }

        var names = new List<string>(3);
        for (int op = 0; op <= (int)RecordOperation.Delete; op++)
        {
            if ((mask & OperationEncoding.Bit((RecordOperation)op)) != 0)
            {
                names.Add(((RecordOperation)op).ToString());
            }
        }

        return string.Join(", ", names);
    }
}
