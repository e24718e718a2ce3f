using Creatio.AccessControl.Tests.SupportAccess;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static Creatio.AccessControl.Tests.SupportAccess.SupportModel;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, defect 5 and "keep it found": every public check, asked with every kind of out-of-range operation
/// value, by ordinary principals, portal users and support sessions (valid, expired, deactivated), never throws and always
/// denies (DESIGN.md §11: a check never throws for data reasons).</summary>
public sealed class Issue13_OutOfRangeOperationTests
{
    private static readonly UserId s_portal = Ids.User("Portal");
    private static readonly UserId s_super = Ids.User("Super");
    private static readonly SupportGrantId s_expired = new(Ids.Guid("grant:expired"));
    private static readonly SupportGrantId s_deactivated = new(Ids.Guid("grant:deactivated"));
    private static readonly SupportGrantId s_open = new(Ids.Guid("grant:open"));
    private static readonly SupportGrantId s_monitor = new(Ids.Guid("grant:monitor"));

    // Just outside each enum, far outside, negative, and values whose arithmetic overflows (int.MaxValue + 1).
    private static readonly int[] s_outside = [-1, -2, 4, 5, 3, 255, 256, 65_536, int.MaxValue, int.MaxValue - 1, int.MinValue, int.MinValue + 1];

    private static readonly ObjectOperation[] s_objectOperations = [.. s_outside.Select(v => (ObjectOperation)v).Where(v => !Enum.IsDefined(v))];
    private static readonly RecordOperation[] s_recordOperations = [.. s_outside.Select(v => (RecordOperation)v).Where(v => !Enum.IsDefined(v))];
    private static readonly ColumnOperation[] s_columnOperations = [.. s_outside.Append(2).Select(v => (ColumnOperation)v).Where(v => !Enum.IsDefined(v))];

    private static readonly ObjectName[] s_objects = [Deal, Country, Settings, ExternalAccess, Secret, "Portal object", "No such object"];
    private static readonly RecordId[] s_records = [Mine, Ours, Theirs, Ids.Record("not a record")];
    private static readonly ColumnName[] s_columns = [Amount, "Id", "Code", "No such column"];

    private static AccessSnapshot Snapshot()
    {
        AccessModelBuilder builder = Builder(
        [
            Grant(s_expired) with { StartDate = Start.AddDays(-20), CloseDate = Start.AddDays(-10) },
            Grant(s_deactivated) with { IsActive = false },
            Unrestricted(s_open),
            Unrestricted(s_monitor) with { Level = SupportAccessLevel.Monitor },
            Unrestricted() with { Level = SupportAccessLevel.Manage },
        ]);
        builder.Add(new UserDefinition(s_portal, "Portal", AdminUnitKind.ExternalUser));
        builder.Add(new RoleMembership(s_portal, BuiltInRoles.AllPortalUsers));
        builder.Add(new UserDefinition(s_super, "Super"));
        builder.Add(new ObjectDefinition("Portal object") { IsAvailableForPortal = true, UseRecordPermissions = true, Columns = ["Title"] });
        builder.Add(new RecordDefinition("Portal object", Ids.Record("portal record"), s_portal, s_portal));
        foreach (SystemOperationCode super in new[] { SystemOperations.CanSelectEverything, SystemOperations.CanInsertEverything, SystemOperations.CanUpdateEverything, SystemOperations.CanDeleteEverything })
        {
            builder.Add(new SystemOperationRow(super, s_super, 0, CanExecute: true));
        }

        builder.Settings = builder.Settings with { EnabledAuditEvents = [AccessAuditEventType.DeniedOperation] };
        return AccessSnapshot.Compile(builder.Build());
    }

    private static IEnumerable<(string Who, AccessPrincipal Principal)> Principals(AccessSnapshot snapshot)
    {
        foreach (UserId user in new[] { Grantor, Limited, Dormant, s_portal, s_super, Ids.User("unknown") })
        {
            yield return ($"user {user}", snapshot.GetPrincipal(user, Now));
        }

        foreach (SupportGrantId grant in new[] { G, Other, s_expired, s_deactivated, s_open, s_monitor, new SupportGrantId(Ids.Guid("grant:unknown")) })
        {
            yield return ($"session {grant}", snapshot.GetSupportPrincipal(grant, Now));
        }

        yield return ("default principal", default);
    }

    /// <summary>Every request kind with an out-of-range operation.</summary>
    private static IEnumerable<AccessRequest> Requests()
    {
        foreach (ObjectName o in s_objects)
        {
            foreach (ObjectOperation operation in s_objectOperations)
            {
                yield return AccessRequest.ForObject(o, operation);
            }

            foreach (RecordId record in s_records)
            {
                foreach (RecordOperation operation in s_recordOperations)
                {
                    yield return AccessRequest.ForRecord(o, record, operation);
                    yield return AccessRequest.ForShare(o, record, operation);
                }
            }

            foreach (ColumnName column in s_columns)
            {
                foreach (ColumnOperation operation in s_columnOperations)
                {
                    yield return AccessRequest.ForColumn(o, column, operation);
                    foreach (RecordId record in s_records)
                    {
                        yield return AccessRequest.ForColumn(o, column, operation, record);
                    }
                }
            }
        }
    }

    private static void AssertDenied(AccessDecision decision, string what) =>
        Assert.False(decision.IsAllowed, $"{what}: {decision}");

    [Fact]
    public void EveryCheck_OutOfRangeOperation_NeverThrowsAndDenies()
    {
        AccessSnapshot snapshot = Snapshot();
        AccessSnapshot other = AccessSnapshot.Compile(snapshot.Model, 2);
        int asked = 0;
        foreach ((string who, AccessPrincipal principal) in Principals(snapshot))
        {
            foreach (AccessRequest request in Requests())
            {
                string what = $"{request} by {who}";
                AssertDenied(principal.Check(request), what);
                AccessExplanation explanation = principal.Explain(request);
                AssertDenied(explanation.Decision, what + " (explained)");
                Assert.Equal(principal.Check(request), explanation.Decision);
                foreach (AccessObject resolved in new[] { snapshot.GetObject(request.Object), other.GetObject(request.Object) })
                {
                    if (Properties.EvaluatorProperties.CheckResolved(principal, resolved, request) is { } onResolved)
                    {
                        AssertDenied(onResolved, what + " (resolved)");
                    }
                }

                asked++;
            }

            foreach (ObjectName o in s_objects)
            {
                foreach (RecordOperation operation in s_recordOperations)
                {
                    string what = $"{operation} {o} by {who}";
                    Span<RecordId> destination = new RecordId[s_records.Length];
                    Assert.Equal(0, principal.FilterRecords(o, operation, s_records, destination));
                    Assert.Empty(principal.FilterRecords(o, operation, s_records.AsEnumerable()));
                    RecordFilter filter = principal.GetRecordFilter(o, operation);
                    Assert.True(filter.Kind == RecordFilterKind.None, $"{what}: filter {filter.Kind}");
                    AssertDenied(filter.Decision, what + " (filter)");
                }

                foreach (RecordId? record in s_records.Select(r => (RecordId?)r).Append(null))
                {
                    // No operation to get wrong, but it asks every column: it must not throw either.
                    principal.GetColumnAccess(o, record);
                }
            }
        }

        Assert.True(asked > 10_000, $"only {asked} requests were asked");
    }

    [Fact]
    public void EvaluatorOneShots_OutOfRangeOperation_NeverThrowAndDeny()
    {
        AccessSnapshot snapshot = Snapshot();
        var sink = new InMemoryAccessAuditSink();
        var evaluator = new AccessEvaluator(snapshot, new FakeTimeProvider(Now), AccessAuditObservers.DeniedOperations([sink]));
        foreach (UserId user in new[] { Grantor, Limited, Dormant, s_portal, s_super, Ids.User("unknown") })
        {
            foreach (AccessRequest request in Requests())
            {
                string what = $"{request} by {user}";
                AccessDecision decision = request.Kind switch
                {
                    AccessRequestKind.Object => evaluator.CheckObject(user, request.Object, request.ObjectOperation),
                    AccessRequestKind.Record => evaluator.CheckRecord(user, request.Object, request.Record!.Value, request.RecordOperation),
                    AccessRequestKind.Column => evaluator.CheckColumn(user, request.Object, request.Column, request.ColumnOperation, request.Record),
                    _ => evaluator.CheckShare(user, request.Object, request.Record!.Value, request.RecordOperation),
                };
                AssertDenied(decision, what);
                AssertDenied(evaluator.Explain(user, request).Decision, what + " (explained)");
            }
        }

        Assert.True(sink.Count > 0);
    }

    private static readonly Lazy<AccessSnapshot> s_snapshot = new(Snapshot);

    [Property(MaxTest = 300)]
    public void AnyOperationValue_OutOfRange_EveryPrincipalIsDeniedEveryKindOfRequest(int value)
    {
        AccessSnapshot snapshot = s_snapshot.Value;
        foreach ((string who, AccessPrincipal principal) in Principals(snapshot))
        {
            foreach (ObjectName o in new ObjectName[] { Deal, Country, "Portal object" })
            {
                var requests = new List<AccessRequest>();
                if (!Enum.IsDefined((ObjectOperation)value))
                {
                    requests.Add(AccessRequest.ForObject(o, (ObjectOperation)value));
                }

                if (!Enum.IsDefined((RecordOperation)value))
                {
                    requests.Add(AccessRequest.ForRecord(o, Ours, (RecordOperation)value));
                    requests.Add(AccessRequest.ForShare(o, Mine, (RecordOperation)value));
                    Assert.Equal(RecordFilterKind.None, principal.GetRecordFilter(o, (RecordOperation)value).Kind);
                    Assert.Empty(principal.FilterRecords(o, (RecordOperation)value, s_records.AsEnumerable()));
                }

                if (!Enum.IsDefined((ColumnOperation)value))
                {
                    requests.Add(AccessRequest.ForColumn(o, "Id", (ColumnOperation)value));
                    requests.Add(AccessRequest.ForColumn(o, Amount, (ColumnOperation)value, Ours));
                }

                foreach (AccessRequest request in requests)
                {
                    AssertDenied(principal.Check(request), $"{request} by {who}");
                    AssertDenied(principal.Explain(request).Decision, $"{request} by {who} (explained)");
                    if (Properties.EvaluatorProperties.CheckResolved(principal, snapshot.GetObject(o), request) is { } resolved)
                    {
                        AssertDenied(resolved, $"{request} by {who} (resolved)");
                    }
                }
            }
        }
    }

    [Fact]
    public void SupportSession_RecordCheckWithIntMaxValue_DeniesInsteadOfOverflowing()
    {
        // Defect 5: the session's record check computed the object operation (operation + 1, checked) before any range check.
        AccessSnapshot snapshot = Snapshot();
        foreach (SupportGrantId grant in new[] { G, s_open, s_expired, s_deactivated })
        {
            AccessPrincipal session = snapshot.GetSupportPrincipal(grant, Now);

            AccessDecision record = session.CheckRecord(Deal, Mine, (RecordOperation)int.MaxValue);
            AccessDecision resolved = session.CheckRecord(snapshot.GetObject(Deal), Mine, (RecordOperation)int.MaxValue);

            Assert.False(record.IsAllowed);
            Assert.Equal(record, resolved);
        }
    }
}
