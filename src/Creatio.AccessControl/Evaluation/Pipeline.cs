using System.Numerics;
using System.Runtime.CompilerServices;
using Creatio.AccessControl.Compilation;

namespace Creatio.AccessControl;

/// <summary>The steps of the <see href="https://github.com/creatio-accesscontrol/Creatio.AccessControl/blob/main/docs/check-order.md">order of checks</see>, each a pure function of the snapshot, the subject and the request.</summary>
/// <remarks>A step returns a deny that decides, or an allow; the one walk of the steps (in <see cref="AccessPrincipal"/>)
/// goes on to the next step after an allow, except after a super operation, which skips steps 4–6.</remarks>
internal static class Pipeline
{
    public static AccessDecision Portal(AccessSnapshot snapshot, CompiledObject compiled)
    {
        ObjectDefinition definition = compiled.Definition;
        bool available = snapshot.Model.Settings.PortalAvailabilityMode == PortalAvailabilityMode.Lookup
            ? definition.IsAvailableForPortal
            : definition.UseOperationPermissions;
        return available
            ? AccessDecision.Allow(AccessStage.PortalAvailability, AccessReason.None)
            : AccessDecision.Deny(AccessStage.PortalAvailability, AccessReason.NotAvailableForPortal);
    }

    /// <summary>Step 3 for a subject known to hold the super operation: allows when its row does.</summary>
    public static bool SuperRow(AccessSnapshot snapshot, SubjectIndex subject, ObjectOperation operation, out AccessDecision decision)
    {
        CompiledSystemOperations operations = snapshot.Operations;
        int code = operations.SuperOperations[(int)operation];
        FirstMatchRows rows = operations.Rows[code];
        RowIndex row = rows.DecidingRow(subject);
        if (row.Matches && rows.Entries[row.Value].Value != 0)
        {
            decision = new AccessDecision(AccessOutcome.Allow, AccessStage.SuperOperation, AccessReason.SuperOperation, rows.Entries, row.Value);
            return true;
        }

        decision = default;
        return false;
    }

    /// <summary>Step 4: the first object row by position whose grantee is in <c>E(u)</c> decides; with operation
    /// permissions off an employee is allowed and a portal user gets least access; a system operation that grants the
    /// operation turns a deny into an allow.</summary>
    /// <param name="subject">The subject.</param>
    /// <param name="external">Whether the subject is a portal user.</param>
    /// <param name="target">The object, with what the step reads copied out of it: the rows, their answers (when there
    /// are, the step reads the subject's two bits there and leaves the deciding row to the decision) and the operations
    /// granted by system operations.</param>
    /// <param name="operation">The operation.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static AccessDecision Object(SubjectIndex subject, bool external, in AccessObject target, ObjectOperation operation)
    {
        AccessDecision denied;
        FirstMatchRows? rows = target.Rows;
        CompiledObject compiled = target.Compiled!;
        if (target.Answers is { } answers)
        {
            AccessDecision decision = AccessDecision.OfObjectAnswer(ObjectAnswers.Of(answers, target.AnswerWords, subject.Value, operation), rows!, subject);
            return target.GrantedBySystemOperations is null || decision.IsAllowed ? decision : GrantedBySystemOperation(subject, compiled, operation, decision);
        }

        if (rows is null)
        {
            if (!external)
            {
                return AccessDecision.Allow(AccessStage.Object, AccessReason.OperationPermissionsOff);
            }

            denied = AccessDecision.Deny(AccessStage.Object, AccessReason.PortalUserLeastAccess);
        }
        else
        {
            RowIndex row = rows.DecidingRow(subject);
            if (!row.Matches)
            {
                denied = AccessDecision.Deny(AccessStage.Object, AccessReason.NoMatchingObjectRow);
            }
            else if ((rows.Value[row.Value] & OperationEncoding.Bit(operation)) != 0)
            {
                return new AccessDecision(AccessOutcome.Allow, AccessStage.Object, AccessReason.ObjectRowAllows, rows.Entries, row.Value);
            }
            else
            {
                denied = new AccessDecision(AccessOutcome.Deny, AccessStage.Object, AccessReason.ObjectRowDenies, rows.Entries, row.Value);
            }
        }

        return compiled.GrantedBySystemOperations is null ? denied : GrantedBySystemOperation(subject, compiled, operation, denied);
    }

    /// <summary>The end of step 4 when no row allows: a system operation that grants the operation allows.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static AccessDecision GrantedBySystemOperation(SubjectIndex subject, CompiledObject compiled, ObjectOperation operation, AccessDecision denied) =>
        (compiled.GrantedBySystemOperations![subject.Value] & OperationEncoding.Bit(operation)) != 0
            ? AccessDecision.Allow(AccessStage.Object, AccessReason.GrantedBySystemOperation)
            : denied;

    /// <summary>Whether the subject, of user ordinal <paramref name="user"/> and <c>E(u)</c> summary
    /// <paramref name="signature"/>, holds the operation (or, with <paramref name="grant"/>, AllowAndGrant on it) on a
    /// record: as its author or owner, by a right, or by an implicit right whose grantee is in
    /// <c>E(u)</c>: a manager unit of the author or owner, or the author or owner in <c>E(u)</c> (held through a manager
    /// unit above them or a delegation).</summary>
    public static AccessDecision Rights(
        AccessSnapshot snapshot, SubjectIndex subject, UserOrdinal user, RoleSignature signature, CompiledRecords records, RecordIndex record, int operationBit, bool grant)
    {
        ref readonly RecordHeader header = ref records.Header(record);
        AccessReason allowReason = grant ? AccessReason.CanGrant : AccessReason.RecordRight;
        if (header.Author == user.Value)
        {
            return new AccessDecision(AccessOutcome.Allow, AccessStage.Record, grant ? allowReason : AccessReason.RecordAuthor, snapshot.Units.Ids, UserUnit(snapshot, user));
        }

        if (header.Owner == user.Value)
        {
            return new AccessDecision(AccessOutcome.Allow, AccessStage.Record, grant ? allowReason : AccessReason.RecordOwner, snapshot.Units.Ids, UserUnit(snapshot, user));
        }

        ReadOnlySpan<RightEntry> rights = records.RightsInGroups(record, header.RightCount);
        int right = FirstRight(snapshot.Roles, subject, signature, rights, header.RightCount, OperationEncoding.Asked(operationBit, grant));
        if (right < 0)
        {
            return AccessDecision.Deny(AccessStage.Record, grant ? AccessReason.NoGrantRight : AccessReason.NoRecordRight);
        }

        ref readonly RightEntry match = ref rights[right];
        AccessReason reason = match.Implicit && !grant ? ImplicitReason(snapshot, in header, match.Unit) : allowReason;
        return new AccessDecision(AccessOutcome.Allow, AccessStage.Record, reason, snapshot.Units.Ids, match.Unit);
    }

    /// <summary>Why an implicit grantee holds a record's rights: it is the author's unit, the owner's, or a manager unit.</summary>
    private static AccessReason ImplicitReason(AccessSnapshot snapshot, in RecordHeader header, int unit)
    {
        int user = unit - snapshot.Units.RoleCount;
        return user < 0 ? AccessReason.ManagerOfAuthorOrOwner
            : user == header.Author ? AccessReason.RecordAuthor
            : AccessReason.RecordOwner;
    }

    /// <summary>Whether <see cref="Rights"/>
    /// (without grant) allows, without building the decision: what filtering many records needs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasRight(EffectiveRoleTable roles, SubjectIndex subject, UserOrdinal user, RoleSignature signature, CompiledRecords records, RecordIndex record, int operationBit)
    {
        ref readonly RecordHeader header = ref records.Header(record);
        return header.Author == user.Value || header.Owner == user.Value ||
            FirstRight(roles, subject, signature, records.RightsInGroups(record, header.RightCount), header.RightCount, operationBit) >= 0;
    }

    /// <summary>The first of a record's rights (merged rights, then implicit grantees) that holds an operation for a unit in
    /// the subject's <c>E(u)</c>, or -1. <paramref name="mask"/> is the operation's bit, or its AllowAndGrant bit
    /// (<see cref="OperationEncoding.Asked"/>). The signature rules most grantees out, 64 rights at a time and without a branch per right; only the
    /// few it lets through are looked up in the subject's bit sets. A dense signature rules out too little to pay for
    /// that: every right holding the operation is looked up, one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstRight(EffectiveRoleTable roles, SubjectIndex subject, RoleSignature signature, ReadOnlySpan<RightEntry> rights, int count, int mask)
    {
        if (signature.IsDense)
        {
            return FirstRightOneByOne(roles, subject, rights[..count], mask);
        }

        int shift = BitOperations.TrailingZeroCount(mask);
        for (int start = 0; start < count; start += 64)
        {
            for (ulong candidates = signature.Candidates(rights[start..], count - start, shift); candidates != 0; candidates &= candidates - 1)
            {
                int i = start + BitOperations.TrailingZeroCount(candidates);
                if (roles.Contains(subject, new UnitIndex(rights[i].Unit)))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static int FirstRightOneByOne(EffectiveRoleTable roles, SubjectIndex subject, ReadOnlySpan<RightEntry> rights, int mask)
    {
        for (int i = 0; i < rights.Length; i++)
        {
            if ((rights[i].Operations & mask) != 0 && roles.Contains(subject, new UnitIndex(rights[i].Unit)))
            {
                return i;
            }
        }

        return -1;
    }

    private static int UserUnit(AccessSnapshot snapshot, UserOrdinal user) => snapshot.Units.RoleCount + user.Value;

    public static AccessDecision Column(SubjectIndex subject, CompiledColumn column, ColumnOperation operation, AccessDecision previous)
    {
        FirstMatchRows? rows = column.Rows;
        if (rows is null)
        {
            return previous;
        }

        RowIndex row = rows.DecidingRow(subject);
        if (!row.Matches)
        {
            return AccessDecision.Deny(AccessStage.Column, AccessReason.NoMatchingColumnRow);
        }

        var level = (ColumnRightLevel)rows.Value[row.Value];
        (AccessOutcome outcome, AccessReason reason) = level switch
        {
            ColumnRightLevel.ReadEdit => (AccessOutcome.Allow, AccessReason.ColumnRowAllows),
            ColumnRightLevel.Read when operation == ColumnOperation.Read => (AccessOutcome.Allow, AccessReason.ColumnRowAllows),
            ColumnRightLevel.Read => (AccessOutcome.Deny, AccessReason.ColumnReadOnly),
            _ => (AccessOutcome.Deny, AccessReason.ColumnRowDenies),
        };
        return new AccessDecision(outcome, AccessStage.Column, reason, rows.Entries, row.Value);
    }

    public static AccessDecision SystemOperation(AccessSnapshot snapshot, SubjectIndex subject, int operation)
    {
        FirstMatchRows rows = snapshot.Operations.Rows[operation];
        RowIndex row = rows.DecidingRow(subject);
        if (!row.Matches)
        {
            return AccessDecision.Deny(AccessStage.SystemOperation, AccessReason.NoMatchingSystemOperationRow);
        }

        bool allowed = rows.Value[row.Value] != 0;
        AccessReason reason = rows.Position[row.Value] < 0
            ? AccessReason.SystemAdministratorsByDefault
            : allowed ? AccessReason.SystemOperationRowAllows : AccessReason.SystemOperationRowDenies;
        return new AccessDecision(allowed ? AccessOutcome.Allow : AccessOutcome.Deny, AccessStage.SystemOperation, reason, rows.Entries, row.Value);
    }
}
