using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>Walks the steps of DESIGN.md §3 for one request, recording what each looked at.</summary>
internal sealed class Explainer
{
    private readonly AccessSnapshot _snapshot;
    private readonly int _subject;
    private readonly List<AccessExplanationStep> _steps = [];

    private Explainer(AccessSnapshot snapshot, int subject)
    {
        _snapshot = snapshot;
        _subject = subject;
    }

    public static IReadOnlyList<AccessExplanationStep> Explain(AccessSnapshot? snapshot, int subject, UserId user, in AccessRequest request)
    {
        AccessDecision userStep = Pipeline.User(snapshot, subject);
        if (snapshot is null || subject < 0)
        {
            return [new AccessExplanationStep(AccessStage.User, AccessStepResult.Denied, userStep.Reason, $"user {user} is unknown", [])];
        }

        var explainer = new Explainer(snapshot, subject);
        UserDefinition definition = snapshot.Units.Users[snapshot.Roles.SubjectUser[subject]];
        explainer.Add(
            AccessStage.User,
            userStep,
            $"{(definition.IsExternal ? "portal user" : "employee")} {definition.Name}, {(definition.IsActive ? "active" : "inactive")}, {snapshot.Roles.Count(subject)} effective roles");
        if (userStep.IsAllowed)
        {
            explainer.Walk(request);
        }

        return explainer._steps;
    }

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

    private string Name(int unit) =>
        _snapshot.Units.IsRole(unit) ? _snapshot.Units.Roles[unit].Name : _snapshot.Units.Users[_snapshot.Units.UserOfUnit(unit)].Name;

    private List<AccessExplanationRow> Rows(FirstMatchRows rows, Func<byte, string> value)
    {
        int deciding = rows.DecidingRow(_subject);
        var list = new List<AccessExplanationRow>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            int unit = rows.Unit[i];
            list.Add(new AccessExplanationRow(
                _snapshot.Units.Ids[unit],
                Name(unit),
                rows.Position[i] >= 0 ? rows.Position[i] : null,
                value(rows.Value[i]),
                _snapshot.Roles.Contains(_subject, unit),
                i == deciding));
        }

        return list;
    }

    private void Walk(in AccessRequest request)
    {
        if (request.Kind == AccessRequestKind.SystemOperation)
        {
            if (request.SystemOperation.Value is null || !_snapshot.Operations.Index.TryGetValue(request.SystemOperation.Value, out int code))
            {
                Add(AccessStage.SystemOperation, AccessDecision.Deny(AccessStage.SystemOperation, AccessReason.UnknownSystemOperation), $"operation {request.SystemOperation} is unknown");
                return;
            }

            Add(
                AccessStage.SystemOperation,
                Pipeline.SystemOperation(_snapshot, _subject, code),
                $"first row by position whose grantee is in E(u) decides {request.SystemOperation}",
                Rows(_snapshot.Operations.Rows[code], v => v != 0 ? "CanExecute" : "Cannot execute"));
            return;
        }

        if (request.Object.Value is null || !_snapshot.ObjectIndex.TryGetValue(request.Object.Value, out int index))
        {
            Add(AccessStage.Object, AccessDecision.Deny(AccessStage.Object, AccessReason.UnknownObject), $"object {request.Object} is unknown");
            return;
        }

        CompiledObject compiled = _snapshot.Objects[index];
        bool external = Pipeline.IsExternal(_snapshot, _subject);
        if (external)
        {
            AccessDecision portal = Pipeline.Portal(_snapshot, compiled);
            Add(AccessStage.PortalAvailability, portal, $"mode {_snapshot.Model.Settings.PortalAvailabilityMode}");
            if (!portal.IsAllowed)
            {
                return;
            }
        }
        else
        {
            NotApplicable(AccessStage.PortalAvailability, "employees are not subject to portal availability");
        }

        WalkObjectRequest(request, compiled, external);
    }

    private void WalkObjectRequest(in AccessRequest request, CompiledObject compiled, bool external)
    {
        // An undefined operation value is denied where the check denies it, before any table is indexed by it.
        AccessStage? invalidAt = request.Kind switch
        {
            AccessRequestKind.Object when !OperationEncoding.IsDefined(request.ObjectOperation) => AccessStage.Object,
            AccessRequestKind.Record when !OperationEncoding.IsDefined(request.RecordOperation) => AccessStage.Record,
            AccessRequestKind.Column when !OperationEncoding.IsDefined(request.ColumnOperation) => AccessStage.Column,
            _ => null,
        };
        if (invalidAt is { } stage)
        {
            Add(stage, AccessDecision.Deny(stage, AccessReason.InvalidRequest), $"the operation of {request} is not defined");
            return;
        }

        ObjectOperation operation = request.Kind switch
        {
            AccessRequestKind.Object => request.ObjectOperation,
            AccessRequestKind.Column => OperationEncoding.ToObjectOperation(request.ColumnOperation),
            AccessRequestKind.Share => ObjectOperation.Read,
            _ => OperationEncoding.ToObjectOperation(request.RecordOperation),
        };
        CompiledColumn? column = null;
        if (request.Kind == AccessRequestKind.Column)
        {
            if (request.Column.Value is null || !compiled.ColumnIndex.TryGetValue(request.Column.Value, out int columnIndex))
            {
                Add(AccessStage.Column, AccessDecision.Deny(AccessStage.Column, AccessReason.UnknownColumn), $"column {request.Column} is unknown");
                return;
            }

            column = compiled.Columns[columnIndex];
            if (external && column.IsSystem)
            {
                Add(AccessStage.Column, AccessDecision.Deny(AccessStage.Column, AccessReason.SystemColumnForPortalUser), $"{column.Name} is a system column");
                return;
            }
        }

        int super = _snapshot.Operations.SuperOperations[(int)operation];
        string superCode = _snapshot.Operations.Definitions[super].Code.Value;
        List<AccessExplanationRow> superRows = Rows(_snapshot.Operations.Rows[super], v => v != 0 ? "CanExecute" : "Cannot execute");
        if (Pipeline.Super(_snapshot, _subject, operation, out AccessDecision superDecision) && request.Kind != AccessRequestKind.Share)
        {
            Add(AccessStage.SuperOperation, superDecision, $"{superCode} allows {operation}", superRows);
            Skipped(AccessStage.Object);
            if (request.Record is not null || request.Kind == AccessRequestKind.Record)
            {
                Skipped(AccessStage.Record);
            }

            if (column is not null)
            {
                Skipped(AccessStage.Column);
            }

            return;
        }

        if (superDecision.IsAllowed)
        {
            Add(AccessStage.SuperOperation, superDecision, $"{superCode} allows reading the record to share", superRows);
        }
        else
        {
            _steps.Add(new AccessExplanationStep(AccessStage.SuperOperation, AccessStepResult.NotApplicable, AccessReason.None, $"{superCode} is not held", superRows));
            AccessDecision objectDecision = Pipeline.Object(_subject, external, compiled, compiled.Rows, operation);
            string detail = compiled.Rows is null
                ? "Use operation permissions is off"
                : $"first row by position whose grantee is in E(u) decides {operation}";
            Add(AccessStage.Object, objectDecision, detail, compiled.Rows is null ? null : Rows(compiled.Rows, v => ((ObjectOperations)v).ToString()));
            if (!objectDecision.IsAllowed)
            {
                return;
            }
        }

        AccessDecision last = default;
        if (request.Record is { } record)
        {
            int recordBit = OperationEncoding.Bit(
                request.Kind == AccessRequestKind.Column ? OperationEncoding.ToRecordOperation(request.ColumnOperation)
                : request.Kind == AccessRequestKind.Share ? RecordOperation.Read : request.RecordOperation);
            int recordIndex = compiled.Records.Find(record);
            if (!superDecision.IsAllowed)
            {
                last = Pipeline.Record(_snapshot, _subject, _snapshot.Roles.SubjectUser[_subject], _snapshot.Roles.SignatureOf(_subject), external, compiled, external || compiled.Definition.UseRecordPermissions ? recordIndex : -1, recordBit);
                Add(AccessStage.Record, last, RecordDetail(compiled, external, recordIndex), RecordRows(compiled.Records, recordIndex, grant: false, recordBit));
                if (!last.IsAllowed)
                {
                    return;
                }
            }

            if (request.Kind == AccessRequestKind.Share)
            {
                WalkShare(compiled, recordIndex, request.RecordOperation);
                return;
            }
        }

        if (column is not null)
        {
            AccessDecision columnDecision = Pipeline.Column(_snapshot, _subject, column, request.ColumnOperation, last);
            if (column.Rows is null)
            {
                NotApplicable(AccessStage.Column, $"{column.Name} has no rows; the object and record steps decide");
            }
            else
            {
                Add(AccessStage.Column, columnDecision, $"first row by position whose grantee is in E(u) decides {column.Name}", Rows(column.Rows, v => ((ColumnRightLevel)v).ToString()));
            }
        }
    }

    private void WalkShare(CompiledObject compiled, int recordIndex, RecordOperation operation)
    {
        if (!OperationEncoding.IsDefined(operation))
        {
            Add(AccessStage.Record, AccessDecision.Deny(AccessStage.Record, AccessReason.InvalidRequest), $"operation value {(int)operation} is not defined");
            return;
        }

        int operationBit = OperationEncoding.Bit(operation);
        if (recordIndex < 0)
        {
            Add(AccessStage.Record, AccessDecision.Deny(AccessStage.Record, AccessReason.UnknownRecord), "sharing needs a known record");
            return;
        }

        AccessDecision grant = Pipeline.Rights(_snapshot, _subject, compiled.Records, recordIndex, operationBit, grant: true);
        if (grant.IsAllowed)
        {
            Add(AccessStage.Record, grant, "AllowAndGrant on the operation", RecordRows(compiled.Records, recordIndex, grant: true, operationBit));
            return;
        }

        AccessDecision change = Pipeline.SystemOperation(_snapshot, _subject, _snapshot.Operations.ChangeRecordRights);
        Add(
            AccessStage.Record,
            change.IsAllowed ? AccessDecision.Allow(AccessStage.Record, AccessReason.CanChangeRecordRights) : grant,
            "no AllowAndGrant; CanChangeEntitySchemaRecordRight " + (change.IsAllowed ? "is held" : "is not held"),
            Rows(_snapshot.Operations.Rows[_snapshot.Operations.ChangeRecordRights], v => v != 0 ? "CanExecute" : "Cannot execute"));
    }

    private static string RecordDetail(CompiledObject compiled, bool external, int recordIndex) =>
        !external && !compiled.Definition.UseRecordPermissions ? "Use record permissions is off"
        : recordIndex < 0 ? "the record is unknown"
        : external ? "portal users get least access: own records and records granted to their roles"
        : "record rights are additive: any matching right allows";

    private List<AccessExplanationRow> RecordRows(CompiledRecords records, int record, bool grant, int operationBit)
    {
        var list = new List<AccessExplanationRow>();
        var allows = new List<bool>();
        if (record < 0)
        {
            return list;
        }

        int roleCount = _snapshot.Units.RoleCount;
        RecordHeader header = records.Header(record);
        int self = _snapshot.Roles.SubjectUser[_subject];

        // The author and the owner in person first, as the step looks at them; held through E(u), they are implicit rights.
        foreach ((int user, string what) in new[] { (header.Author, "author"), (header.Owner, "owner") })
        {
            if (user >= 0 && user == self)
            {
                int unit = roleCount + user;
                list.Add(new AccessExplanationRow(_snapshot.Units.Ids[unit], Name(unit), null, $"{what}: AllowAndGrant on all operations", true, false));
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
            bool member = _snapshot.Roles.Contains(_subject, right.Unit);
            list.Add(new AccessExplanationRow(_snapshot.Units.Ids[right.Unit], Name(right.Unit), null, value, member, false));
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
