using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Reference;
using FsCheck;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>Every snapshot the administration API publishes (built incrementally by <c>SnapshotCompiler.Apply</c>) decides
/// exactly as a snapshot compiled from scratch from the same model.</summary>
public sealed class AdministrationProperties
{
    private static readonly ObjectName s_full = "Full";
    private static readonly ObjectName s_records = "RecordsOnly";
    private static readonly ObjectName s_plain = "Plain";
    private static readonly ObjectName[] s_objects = [s_full, s_records, s_plain];
    private static readonly ColumnName[] s_columns = ["Amount", "Notes"];
    private static readonly SystemOperationCode s_approve = new("CanApproveInvoices");

    private static readonly SystemOperationCode[] s_rowOperations =
    [
        SystemOperations.CanChangeEntitySchemaRecordRight,
        SystemOperations.CanSelectEverything,
        SystemOperations.CanUpdateEverything,
        SystemOperations.CanExportGrid,
        s_approve,
    ];

    private enum Kind
    {
        Records,
        Permissions,
        Settings,
        Units,
        Mixed,
    }

    // The first two batches always apply (a new record; new rows for an existing object), so every run covers both
    // incremental paths; the rest are random and may be refused.
    private static readonly Kind[] s_plan = [Kind.Records, Kind.Permissions, Kind.Records, Kind.Settings, Kind.Mixed, Kind.Records, Kind.Units, Kind.Permissions, Kind.Records];

    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 40)]
    public async Task ApplyingRandomBatches_EveryPublishedSnapshot_DecidesAsACompileFromScratch(RandomModel random, int seed)
    {
        var rng = new Random(seed);
        AccessModel start = WithObjects(random, rng);
        var time = new FakeTimeProvider(random.Now);
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(start, 1), time);
        var admin = new AccessAdministration(evaluator);
        var applied = new HashSet<Kind>();

        for (int step = 0; step < s_plan.Length; step++)
        {
            Kind kind = s_plan[step];
            AccessSnapshot before = evaluator.Snapshot;
            List<AccessChange> batch = Batch(kind, before.Model, random, rng, always: step < 2);

            AccessChangeResult result = await admin.ApplyBatchAsync(AccessActor.System, batch);

            string context = $"step {step} ({kind}): {string.Join("; ", batch)}";
            if (result.IsApplied)
            {
                applied.Add(kind);
                Assert.Equal(before.Version + 1, result.Version);
                Assert.Equal(result.Version, evaluator.Snapshot.Version);
            }
            else
            {
                Assert.True(step >= 2, $"{context}: {result.Message}");
                Assert.Same(before, evaluator.Snapshot);
            }

            AccessSnapshot incremental = evaluator.Snapshot;
            AssertSameDecisions(incremental, AccessSnapshot.Compile(incremental.Model, incremental.Version), random.Now, context);
        }

        Assert.Contains(Kind.Records, applied);
        Assert.Contains(Kind.Permissions, applied);
    }

    /// <summary>The one compiler: for random deltas of memberships, record rights and object rows (what it applies to
    /// the compiled tables alone) mixed with edits that recompile parts, <c>SnapshotCompiler.Apply</c> gives a snapshot
    /// that decides as a compile from scratch of the model the delta makes.</summary>
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 40)]
    public void SnapshotCompilerApply_RandomDeltas_DecidesAsACompileFromScratch(RandomModel random, int seed)
    {
        var rng = new Random(seed);
        AccessSnapshot snapshot = AccessSnapshot.Compile(WithObjects(random, rng), 1);
        List<AdminUnitId> units = Units(random);
        for (int step = 0; step < 8; step++)
        {
            AccessModel model = snapshot.Model;
            var edits = new List<AccessModelEdit>();
            for (int i = rng.Next(1, 4); i > 0; i--)
            {
                RecordDefinition record = model.Records[rng.Next(model.Records.Length)];
                var membership = new RoleMembership(random.Users[rng.Next(random.Users.Count)], random.Roles[rng.Next(random.Roles.Count)]);
                edits.Add(rng.Next(7) switch
                {
                    0 when model.Memberships.Contains(membership) => new RemoveMembershipEdit(membership),
                    0 or 1 => new AddMembershipEdit(membership),
                    2 => new PutRecordRightEdit(RandomRight(record, units, rng)),
                    3 when model.RecordRightRows.FirstOrDefault(r => r.Record == record.Id) is { } right => new RemoveRecordRightEdit(right.Object, right.Record, right.Grantee, right.Operation),
                    3 or 4 => new ReplaceObjectOperationRowsEdit(s_full, OperationRows(s_full, units, rng)),
                    5 => new PutRecordEdit(record with { Owner = PickUser(random, rng) }),
                    _ => new ReplaceSettingsEdit(model.Settings with { PortalAvailabilityMode = (PortalAvailabilityMode)rng.Next(2) }),
                });
            }

            var delta = new AccessModelDelta(edits);
            string context = $"step {step}: {delta.ToJson()}";
            AccessModel next;
            try
            {
                next = model.Apply(delta);
            }
            catch (AccessModelValidationException)
            {
                continue;
            }

            snapshot = SnapshotCompiler.Apply(snapshot, delta, next, snapshot.Version + 1);
            Assert.Same(next, snapshot.Model);
            AssertSameDecisions(snapshot, AccessSnapshot.Compile(next, snapshot.Version), random.Now, context);
        }
    }

    /// <summary>The incremental path (a share, an unshare, an object's rows, a membership applied to the snapshot alone)
    /// gives what the full path gives: the same result, the same model row for row, the same audit trail and the same
    /// decisions; and whatever the full path refuses, it refuses the same way.</summary>
    [Property(Arbitrary = [typeof(RandomModels)], MaxTest = 60)]
    public async Task IncrementalPath_GivesWhatTheFullPathGives(RandomModel random, int seed)
    {
        var rng = new Random(seed);
        AccessModel start = WithObjects(random, rng);
        AccessModelBuilder audited = start.ToBuilder();
        audited.Settings = start.Settings with { EnabledAuditEvents = Enum.GetValues<AccessAuditEventType>() };
        start = audited.Build();
        var time = new FakeTimeProvider(random.Now);
        var fastEvaluator = new AccessEvaluator(AccessSnapshot.Compile(start, 1), time);
        var fullEvaluator = new AccessEvaluator(AccessSnapshot.Compile(start, 1), time);
        var fastAudit = new ListSink();
        var fullAudit = new ListSink();
        var fast = new AccessAdministration(fastEvaluator, auditSinks: [fastAudit]);
        var full = new AccessAdministration(fullEvaluator, auditSinks: [fullAudit]) { ApplyIncrementally = false };

        for (int step = 0; step < 12; step++)
        {
            AccessModel model = fullEvaluator.Snapshot.Model;
            var batch = new List<AccessChange>();
            for (int i = rng.Next(1, 4); i > 0; i--)
            {
                batch.Add(rng.Next(4) switch
                {
                    0 => RecordChange(model, random, rng),
                    1 => new SetObjectOperationRows(s_objects[rng.Next(2)], OperationRows(s_full, Units(random), rng)),
                    2 => UnitChange(model, random, rng),
                    _ => ShareOrUnshare(model, random, rng),
                });
            }

            AccessChangeResult a = await fast.ApplyBatchAsync(AccessActor.System, batch);
            AccessChangeResult b = await full.ApplyBatchAsync(AccessActor.System, batch);
            string context = $"step {step}: {string.Join("; ", batch)}";
            Assert.True(
                (a.IsApplied, a.Version, a.Refusal, a.Message, a.ChangeIndex, a.Decision) == (b.IsApplied, b.Version, b.Refusal, b.Message, b.ChangeIndex, b.Decision) &&
                a.Errors.Select(e => e.ToString()).SequenceEqual(b.Errors.Select(e => e.ToString())),
                $"{context}: incremental {a}, full {b}.");
            AssertSameModel(fastEvaluator.Snapshot.Model, fullEvaluator.Snapshot.Model, context);
            Assert.Equal(fullAudit.Events.Select(e => (e.Type, e.Before, e.After, e.SnapshotVersion)), fastAudit.Events.Select(e => (e.Type, e.Before, e.After, e.SnapshotVersion)));
            AssertSameDecisions(fastEvaluator.Snapshot, fullEvaluator.Snapshot, random.Now, context);
        }
    }

    private static AccessChange ShareOrUnshare(AccessModel model, RandomModel random, Random rng)
    {
        RecordRightRow? existing = model.RecordRightRows.Length == 0 ? null : model.RecordRightRows[rng.Next(model.RecordRightRows.Length)];
        RecordDefinition record = model.Records[rng.Next(model.Records.Length)];
        return rng.Next(4) switch
        {
            0 when existing is not null => new UnshareRecord(existing.Object, existing.Record, existing.Grantee, existing.Operation),
            1 => new UnshareRecord(record.Object, record.Id, Pick(Units(random), rng), (RecordOperation)rng.Next(3)),
            2 when existing is not null => new ShareRecord(existing with { Level = (RecordRightLevel)rng.Next(3) }),
            _ => new ShareRecord(RandomRight(record, Units(random), rng)),
        };
    }

    private static void AssertSameModel(AccessModel incremental, AccessModel full, string context)
    {
        Assert.True(incremental.Memberships.SequenceEqual(full.Memberships), $"{context}: memberships differ.");
        Assert.True(incremental.ObjectOperationRows.SequenceEqual(full.ObjectOperationRows), $"{context}: object operation rows differ.");
        Assert.True(incremental.RecordRightRows.SequenceEqual(full.RecordRightRows), $"{context}: record right rows differ.");
        Assert.True(incremental.Records.SequenceEqual(full.Records), $"{context}: records differ.");
        Assert.True(incremental.Users.SequenceEqual(full.Users), $"{context}: users differ.");
        Assert.True(incremental.Delegations.SequenceEqual(full.Delegations), $"{context}: delegations differ.");
    }

    private sealed class ListSink : IAccessAuditSink
    {
        public List<AccessAuditEvent> Events { get; } = [];

        public void Write(in AccessAuditEvent auditEvent) => Events.Add(auditEvent);
    }

    private static AccessModel WithObjects(RandomModel random, Random rng)
    {
        AccessModelBuilder builder = random.Builder.Build().ToBuilder(); // a copy: FsCheck reuses the value when it shrinks
        builder.Add(new ObjectDefinition(s_full) { UseOperationPermissions = true, UseRecordPermissions = true, IsAvailableForPortal = true, Columns = s_columns });
        builder.Add(new ObjectDefinition(s_records) { UseRecordPermissions = true, Columns = s_columns });
        builder.Add(new ObjectDefinition(s_plain, ObjectCategory.Lookup) { IsAvailableForPortal = true });
        builder.Add(new SystemOperationDefinition(s_approve) { ObjectAccess = [new ObjectAccessGrant(s_records, ObjectOperations.Read)] });
        List<AdminUnitId> units = Units(random);
        foreach (ObjectOperationRow row in OperationRows(s_full, units, rng))
        {
            builder.Add(row);
        }

        foreach (ObjectName objectName in s_objects)
        {
            for (int i = 0; i < 3; i++)
            {
                var record = new RecordDefinition(objectName, NewRecord(rng), PickUser(random, rng), PickUser(random, rng));
                builder.Add(record);
                builder.Add(RandomRight(record, units, rng));
            }
        }

        return builder.Build();
    }

    private static List<AccessChange> Batch(Kind kind, AccessModel model, RandomModel random, Random rng, bool always)
    {
        if (always)
        {
            return kind == Kind.Records
                ? [new CreateRecord(new RecordDefinition(s_full, NewRecord(rng), PickUser(random, rng), PickUser(random, rng)))]
                : [new SetObjectOperationRows(s_full, OperationRows(s_full, Units(random), rng))];
        }

        var batch = new List<AccessChange>();
        int count = rng.Next(1, 4);
        for (int i = 0; i < count; i++)
        {
            Kind pick = kind == Kind.Mixed ? (rng.Next(2) == 0 ? Kind.Records : Kind.Permissions) : kind;
            batch.Add(pick switch
            {
                Kind.Records => RecordChange(model, random, rng),
                Kind.Permissions => PermissionChange(random, rng),
                Kind.Settings => new SetSettings(model.Settings with { PortalAvailabilityMode = (PortalAvailabilityMode)rng.Next(2) }),
                _ => UnitChange(model, random, rng),
            });
        }

        return batch;
    }

    private static AccessChange RecordChange(AccessModel model, RandomModel random, Random rng)
    {
        RecordDefinition? record = model.Records.Length == 0 ? null : model.Records[rng.Next(model.Records.Length)];
        int choice = record is null ? 0 : rng.Next(7);
        switch (choice)
        {
            case 1:
                return new ShareRecord(RandomRight(record!, Units(random), rng));
            case 2 when model.RecordRightRows.Length > 0:
                RecordRightRow right = model.RecordRightRows[rng.Next(model.RecordRightRows.Length)];
                return new UnshareRecord(right.Object, right.Record, right.Grantee, right.Operation);
            case 3:
                return new ChangeRecordOwner(record!.Object, record.Id, PickUser(random, rng));
            case 4:
                return new DeleteRecord(record!.Object, record.Id);
            case 5:
                return new UpdateRecordPermissions(s_objects[rng.Next(s_objects.Length)]);
            default:
                return new CreateRecord(new RecordDefinition(s_objects[rng.Next(s_objects.Length)], NewRecord(rng), PickUser(random, rng), PickUser(random, rng)));
        }
    }

    private static AccessChange PermissionChange(RandomModel random, Random rng)
    {
        List<AdminUnitId> units = Units(random);
        switch (rng.Next(6))
        {
            case 0:
                return new SetObjectOperationRows(s_full, OperationRows(s_full, units, rng));
            case 1:
            {
                ColumnName column = s_columns[rng.Next(s_columns.Length)];
                return new SetColumnRightRows(s_full, column, [.. Positions(rng).Select(p => new ColumnRightRow(s_full, column, Pick(units, rng), p, (ColumnRightLevel)rng.Next(3)))]);
            }

            case 2:
            {
                SystemOperationCode operation = s_rowOperations[rng.Next(s_rowOperations.Length)];
                return new SetSystemOperationRows(operation, [.. Positions(rng).Select(p => new SystemOperationRow(operation, Pick(units, rng), p, rng.Next(3) > 0))]);
            }

            case 3:
                return new SetObject(new ObjectDefinition(rng.Next(2) == 0 ? s_full : s_records)
                {
                    UseOperationPermissions = rng.Next(2) == 0,
                    UseRecordPermissions = rng.Next(3) > 0,
                    IsAvailableForPortal = rng.Next(2) == 0,
                    Columns = s_columns,
                });
            case 4:
            {
                ObjectName objectName = s_objects[rng.Next(s_objects.Length)];
                return new SetDefaultRecordRightRules(objectName, [.. Enumerable.Range(0, rng.Next(3)).Select(_ => new DefaultRecordRightRule(
                    objectName, Pick(units, rng), rng.Next(4) == 0 ? null : Pick(units, rng), (RecordOperation)rng.Next(3), (RecordRightLevel)rng.Next(3)))]);
            }

            default:
                return new SetSystemOperation(new SystemOperationDefinition(s_approve)
                {
                    ObjectAccess = [new ObjectAccessGrant(s_objects[rng.Next(s_objects.Length)], (ObjectOperations)rng.Next(1, 16))],
                });
        }
    }

    private static AccessChange UnitChange(AccessModel model, RandomModel random, Random rng)
    {
        UserDefinition user = model.Users[rng.Next(model.Users.Length)];
        switch (rng.Next(5))
        {
            case 0 when model.Memberships.Length > 0:
                return new RemoveMembership(model.Memberships[rng.Next(model.Memberships.Length)]);
            case 1:
                return new AddDelegation(new Delegation(Pick(Units(random), rng), Pick(Units(random), rng)));
            case 2 when model.Delegations.Length > 0:
                Delegation delegation = model.Delegations[rng.Next(model.Delegations.Length)];
                return new RemoveDelegation(delegation.Grantor, delegation.Recipient);
            case 3:
                return new DeactivateUser(user.Id);
            default:
                IReadOnlyList<RoleId> roles = user.IsExternal ? random.PortalRoles : random.Roles;
                return new AddMembership(new RoleMembership(user.Id, roles[rng.Next(roles.Count)]));
        }
    }

    private static void AssertSameDecisions(AccessSnapshot incremental, AccessSnapshot compiled, DateTimeOffset now, string context)
    {
        AccessModel model = compiled.Model;
        foreach (UserDefinition user in model.Users)
        {
            AccessPrincipal a = incremental.GetPrincipal(user.Id, now);
            AccessPrincipal b = compiled.GetPrincipal(user.Id, now);
            HashSet<AdminUnitId> roles = [.. Enumerate(a.EffectiveRoles)];
            Assert.True(roles.SetEquals(Enumerate(b.EffectiveRoles)), $"{context}: E({user.Id}) differs from a compile from scratch.");
            Assert.True(roles.SetEquals(ReferenceEffectiveRoles.Compute(model, user.Id, now)), $"{context}: E({user.Id}) differs from the reference.");

            foreach (SystemOperationDefinition operation in model.SystemOperations)
            {
                Same(a.CheckSystemOperation(operation.Code), b.CheckSystemOperation(operation.Code), context, user, operation.Code.Value);
            }

            foreach (ObjectDefinition definition in model.Objects)
            {
                ObjectName name = definition.Name;
                for (int op = 0; op < 4; op++)
                {
                    Same(a.CheckObject(name, (ObjectOperation)op), b.CheckObject(name, (ObjectOperation)op), context, user, $"{name} {(ObjectOperation)op}");
                }

                RecordId[] records = [.. model.Records.Where(r => r.Object == name).Select(r => r.Id), new RecordId(Guid.Empty)];
                foreach (RecordId record in records)
                {
                    for (int op = 0; op < 3; op++)
                    {
                        var operation = (RecordOperation)op;
                        Same(a.CheckRecord(name, record, operation), b.CheckRecord(name, record, operation), context, user, $"{name} {record} {operation}");
                        Same(a.CheckShare(name, record, operation), b.CheckShare(name, record, operation), context, user, $"share {name} {record} {operation}");
                    }

                    foreach (ColumnName column in definition.Columns)
                    {
                        Same(a.CheckColumn(name, record, column, ColumnOperation.Edit), b.CheckColumn(name, record, column, ColumnOperation.Edit), context, user, $"{name} {record} {column}");
                    }
                }

                foreach (ColumnName column in definition.Columns.Append("Id"))
                {
                    Same(a.CheckColumn(name, column, ColumnOperation.Read), b.CheckColumn(name, column, ColumnOperation.Read), context, user, $"{name} {column}");
                }
            }
        }
    }

    private static void Same(AccessDecision incremental, AccessDecision compiled, string context, UserDefinition user, string request)
    {
        if (incremental != compiled)
        {
            Assert.Fail($"{context}: {user.Id} {request}: incremental {incremental}, compiled {compiled}.");
        }
    }

    private static List<AdminUnitId> Enumerate(EffectiveRoleSet set)
    {
        var units = new List<AdminUnitId>();
        foreach (AdminUnitId unit in set)
        {
            units.Add(unit);
        }

        return units;
    }

    private static List<AdminUnitId> Units(RandomModel random) =>
        [.. random.Roles.Select(r => (AdminUnitId)r), .. random.Users.Select(u => (AdminUnitId)u)];

    private static IReadOnlyList<ObjectOperationRow> OperationRows(ObjectName name, List<AdminUnitId> units, Random rng) =>
        [.. Positions(rng).Select(p => new ObjectOperationRow(name, Pick(units, rng), p, (ObjectOperations)rng.Next(16)))];

    private static RecordRightRow RandomRight(RecordDefinition record, List<AdminUnitId> units, Random rng) =>
        new(record.Object, record.Id, Pick(units, rng), (RecordOperation)rng.Next(3), (RecordRightLevel)rng.Next(3), (RecordRightSource)rng.Next(2));

    /// <summary>Zero to three distinct positions, shuffled.</summary>
    private static int[] Positions(Random rng)
    {
        int[] positions = [.. Enumerable.Range(0, rng.Next(4))];
        rng.Shuffle(positions);
        return positions;
    }

    private static UserId? PickUser(RandomModel random, Random rng) =>
        rng.Next(5) == 0 ? null : random.Users[rng.Next(random.Users.Count)];

    private static T Pick<T>(List<T> items, Random rng) => items[rng.Next(items.Count)];

    private static RecordId NewRecord(Random rng)
    {
        byte[] bytes = new byte[16];
        rng.NextBytes(bytes);
        return new RecordId(new Guid(bytes));
    }
}
