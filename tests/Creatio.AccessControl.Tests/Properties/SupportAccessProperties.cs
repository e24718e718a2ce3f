using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Reference;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>Security properties of support sessions over random models, grants, instants and requests (DESIGN.md §8).</summary>
public sealed class SupportAccessProperties
{
    private static readonly RecordOperation[] s_recordOperations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];

    private static readonly AccessReason[] s_grantStates =
        [AccessReason.SupportGrantInactive, AccessReason.SupportGrantNotStarted, AccessReason.SupportGrantExpired, AccessReason.SupportWrongEnvironment, AccessReason.UnknownSupportGrant];

    /// <summary>One check by a support session, with the same check by its grantor at the same instant.</summary>
    private readonly record struct Case(SupportAccessGrant Grant, DateTimeOffset Now, AccessRequest Request, AccessDecision Session, AccessDecision Grantor, ObjectDefinition? Object);

    private static IEnumerable<Case> Cases(RandomSupportModel random, AccessSnapshot? snapshot = null)
    {
        snapshot ??= AccessSnapshot.Compile(random.Model);
        foreach (SupportAccessGrant grant in random.Model.SupportGrants)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal session = snapshot.GetSupportPrincipal(grant.Id, now);
                AccessPrincipal grantor = snapshot.GetPrincipal(grant.Grantor, now);
                foreach (AccessRequest request in random.Requests)
                {
                    yield return new Case(grant, now, request, session.Check(request), grantor.Check(request), random.ObjectOf(request));
                }
            }
        }
    }

    private static bool IsValid(RandomSupportModel random, SupportAccessGrant grant, DateTimeOffset now) =>
        grant.IsActive && SupportAccessWindow.For(grant, random.Model.Settings.SupportAccess).Contains(now) &&
        grant.Environment == random.Model.Settings.SupportAccess.Environment;

    private static bool Writes(in AccessRequest request) => request.Kind switch
    {
        AccessRequestKind.Object => request.ObjectOperation != ObjectOperation.Read,
        AccessRequestKind.Record => request.RecordOperation != RecordOperation.Read,
        AccessRequestKind.Column => request.ColumnOperation != ColumnOperation.Read,
        _ => false,
    };

    private static bool IsConfigurationOperation(RandomSupportModel random, in AccessRequest request)
    {
        if (request.Kind != AccessRequestKind.SystemOperation)
        {
            return false;
        }

        SystemOperationCode code = request.SystemOperation;
        return random.Model.SystemOperations.Concat(SystemOperations.BuiltIn).Any(o => o.Code == code && o.IsConfiguration);
    }

    private static bool CreatedIn(RandomSupportModel random, in AccessRequest request, SupportGrantId grant)
    {
        if (request.Record is not { } id)
        {
            return false;
        }

        ObjectName name = request.Object;
        return random.Model.Records.Any(r => r.Object == name && r.Id == id && r.CreatedInSupportGrant == grant);
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_AgreesWithTheReferenceOverlay(RandomSupportModel random)
    {
        // The reference grantor at each instant, its decisions kept: several grants share a grantor and an instant.
        var evaluators = new Dictionary<DateTimeOffset, ReferenceEvaluator>();
        var decisions = new Dictionary<(UserId, DateTimeOffset, AccessRequest), ReferenceDecision>();
        ReferenceDecision Grantor(UserId user, DateTimeOffset now, AccessRequest request)
        {
            if (!decisions.TryGetValue((user, now, request), out ReferenceDecision? decision))
            {
                if (!evaluators.TryGetValue(now, out ReferenceEvaluator? evaluator))
                {
                    var roles = new Dictionary<UserId, IReadOnlySet<AdminUnitId>>();
                    DateTimeOffset at = now;
                    evaluator = new ReferenceEvaluator(random.Model, u =>
                    {
                        if (!roles.TryGetValue(u, out IReadOnlySet<AdminUnitId>? set))
                        {
                            set = ReferenceEffectiveRoles.Compute(random.Model, u, at);
                            roles.Add(u, set);
                        }

                        return set;
                    });
                    evaluators.Add(now, evaluator);
                }

                decision = evaluator.Check(user, request);
                decisions.Add((user, now, request), decision);
            }

            return decision;
        }

        var reference = new ReferenceSupportOverlay(random.Model, Grantor);
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        foreach (DateTimeOffset now in random.Instants)
        {
            foreach (SupportAccessGrant grant in random.Model.SupportGrants)
            {
                AccessPrincipal session = snapshot.GetSupportPrincipal(grant.Id, now);
                foreach (AccessRequest request in random.Requests)
                {
                    ReferenceDecision expected = reference.Check(grant.Id, now, request);
                    AccessDecision actual = session.Check(request);
                    Assert.True(expected.Accepts(actual), $"{request} at {now:O} under {grant.Id} ({grant.Level}, data {grant.DenyDataAccess}, configuration {grant.DenyConfiguration}): expected {expected}, got {actual}");
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_OnAnAccessObject_DecidesAsByName(RandomSupportModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        int checkedRequests = 0;
        foreach (SupportAccessGrant grant in random.Model.SupportGrants)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal session = snapshot.GetSupportPrincipal(grant.Id, now);
                foreach (AccessRequest request in random.Requests)
                {
                    if (EvaluatorProperties.CheckResolved(session, snapshot.GetObject(request.Object), request) is { } actual)
                    {
                        checkedRequests++;
                        Assert.Equal(session.Check(request), actual);
                    }
                }
            }
        }

        Assert.True(checkedRequests > 0 || random.Model.SupportGrants.Length == 0, "no object, record or column request was drawn");
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_NeverGetsMoreThanItsGrantorAtThatInstant_AndAnAllowIsTheGrantors(RandomSupportModel random)
    {
        foreach (Case c in Cases(random))
        {
            if (c.Session.IsAllowed)
            {
                Assert.True(c.Grantor.IsAllowed, $"{c.Request} at {c.Now:O} under {c.Grant.Id}: session {c.Session}, grantor {c.Grantor}");
                Assert.Equal(c.Grantor, c.Session);
            }
            else if (IsValid(random, c.Grant, c.Now) && !c.Grantor.IsAllowed)
            {
                Assert.Equal(c.Grantor, c.Session);
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_InvalidGrant_GetsNothingWithItsReason(RandomSupportModel random)
    {
        SupportAccessSettings settings = random.Model.Settings.SupportAccess;
        foreach (Case c in Cases(random))
        {
            SupportAccessWindow window = SupportAccessWindow.For(c.Grant, settings);
            AccessReason expected =
                !c.Grant.IsActive ? AccessReason.SupportGrantInactive
                : c.Now < window.StartsAt ? AccessReason.SupportGrantNotStarted
                : c.Now >= window.EndsAt ? AccessReason.SupportGrantExpired
                : !string.Equals(c.Grant.Environment, settings.Environment, StringComparison.OrdinalIgnoreCase) ? AccessReason.SupportWrongEnvironment
                : AccessReason.None;
            if (expected != AccessReason.None)
            {
                Assert.Equal((AccessOutcome.Deny, AccessStage.SupportAccess, expected), (c.Session.Outcome, c.Session.Stage, c.Session.Reason));
            }
            else
            {
                Assert.DoesNotContain(c.Session.Reason, s_grantStates);
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 40)]
    public void SupportSession_AfterDeactivation_GetsNothing(RandomSupportModel random)
    {
        foreach (SupportAccessGrant grant in random.Model.SupportGrants)
        {
            DateTimeOffset now = random.Permissions.Roles.Now;
            var evaluator = new AccessEvaluator(AccessSnapshot.Compile(random.Model), new FakeTimeProvider(now));
            var administration = new AccessAdministration(evaluator);
            AccessChangeResult result = administration.ApplyAsync(AccessActor.System, new DeactivateSupportAccess(grant.Id)).AsTask().GetAwaiter().GetResult();
            Assert.True(result.IsApplied, result.Message);
            Assert.Contains(evaluator.Snapshot.Model.SupportGrants, g => g.Id == grant.Id && !g.IsActive);

            foreach (DateTimeOffset instant in random.Instants)
            {
                AccessPrincipal session = evaluator.Snapshot.GetSupportPrincipal(grant.Id, instant);
                foreach (AccessRequest request in random.Requests)
                {
                    AccessDecision decision = session.Check(request);
                    Assert.Equal((AccessOutcome.Deny, AccessStage.SupportAccess, AccessReason.SupportGrantInactive), (decision.Outcome, decision.Stage, decision.Reason));
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_DataIsolation_NeverReachesABusinessRecordItDidNotCreate(RandomSupportModel random)
    {
        foreach (Case c in Cases(random))
        {
            if (!c.Session.IsAllowed || !c.Grant.DenyDataAccess || c.Object?.Category != ObjectCategory.BusinessData)
            {
                continue;
            }

            bool createsObject = c.Request.Kind == AccessRequestKind.Object && c.Request.ObjectOperation == ObjectOperation.Create;
            Assert.True(createsObject || CreatedIn(random, c.Request, c.Grant.Id), $"{c.Request} at {c.Now:O} under {c.Grant.Id}: {c.Session}");
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_ConfigurationRestriction_NeverChangesConfiguration(RandomSupportModel random)
    {
        foreach (Case c in Cases(random))
        {
            if (!c.Session.IsAllowed || !c.Grant.DenyConfiguration)
            {
                continue;
            }

            string what = $"{c.Request} at {c.Now:O} under {c.Grant.Id}: {c.Session}";
            Assert.False(Writes(c.Request) && c.Object?.Category is ObjectCategory.Lookup or ObjectCategory.Configuration, what);
            Assert.False(IsConfigurationOperation(random, c.Request), what);
            Assert.NotEqual(AccessRequestKind.Share, c.Request.Kind);
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_NeverShares_NorAdministers_UnlessRelaxedAndUnrestricted(RandomSupportModel random)
    {
        bool relaxedSettings = random.Model.Settings.SupportAccess.AllowAdministrationWhenUnrestricted;
        foreach (Case c in Cases(random))
        {
            if (!c.Session.IsAllowed)
            {
                continue;
            }

            bool administers = c.Request.Kind == AccessRequestKind.Share ||
                (c.Request.Kind == AccessRequestKind.SystemOperation && s_administration.Contains(c.Request.SystemOperation)) ||
                (Writes(c.Request) && c.Request.Object == RandomSupportModel.ExternalAccess);
            bool relaxed = relaxedSettings && !c.Grant.DenyDataAccess && !c.Grant.DenyConfiguration;
            Assert.False(administers && !relaxed, $"{c.Request} at {c.Now:O} under {c.Grant.Id}: {c.Session}");
            Assert.False(c.Request.Kind == AccessRequestKind.Share && c.Grant.Level != SupportAccessLevel.Admin, $"{c.Request} under {c.Grant.Id}: {c.Session}");
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 60)]
    public void SupportSession_LevelAndScope_MonitorNeverWritesNorExecutes_ManageNeverChangesConfiguration_NothingOutsideTheWorkplaces(RandomSupportModel random)
    {
        foreach (Case c in Cases(random))
        {
            if (!c.Session.IsAllowed)
            {
                continue;
            }

            string what = $"{c.Request} at {c.Now:O} under {c.Grant.Id} ({c.Grant.Level}): {c.Session}";
            bool configuration = IsConfigurationOperation(random, c.Request);
            if (c.Grant.Level == SupportAccessLevel.Monitor)
            {
                Assert.False(Writes(c.Request) || c.Request.Kind is AccessRequestKind.Share or AccessRequestKind.SystemOperation, what);
            }

            if (c.Grant.Level == SupportAccessLevel.Manage)
            {
                Assert.False((Writes(c.Request) && c.Object?.Category != ObjectCategory.BusinessData) || configuration, what);
            }

            if (c.Grant.Workplaces.Count > 0 && c.Object is { } o)
            {
                Assert.Contains(random.Model.Workplaces, w => c.Grant.Workplaces.Contains(w.Name) && w.Objects.Contains(o.Name));
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomSupportGrants)], MaxTest = 40)]
    public void SupportSession_RecordFilterAndFilterRecords_AgreeWithCheckRecord(RandomSupportModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        foreach (SupportAccessGrant grant in random.Model.SupportGrants)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                AccessPrincipal session = snapshot.GetSupportPrincipal(grant.Id, now);
                foreach (ObjectDefinition definition in random.Model.Objects)
                {
                    List<RecordDefinition> records = [.. random.Model.Records.Where(r => r.Object == definition.Name)];
                    RecordId[] ids = [.. records.Select(r => r.Id)];
                    foreach (RecordOperation operation in s_recordOperations)
                    {
                        RecordFilter filter = session.GetRecordFilter(definition.Name, operation);
                        foreach (RecordDefinition record in records)
                        {
                            AccessDecision check = session.CheckRecord(definition.Name, record.Id, operation);
                            Assert.True(
                                check.IsAllowed == filter.Matches(record, random.Model.RecordRightRows),
                                $"{definition.Name} {record.Id} {operation} at {now:O} under {grant.Id}: check {check}, filter {filter.Kind} created in {filter.CreatedInSupportGrant}");
                        }

                        Assert.Equal(ids.Where(id => session.CheckRecord(definition.Name, id, operation).IsAllowed), session.FilterRecords(definition.Name, operation, ids));
                    }
                }
            }
        }
    }

    private static readonly HashSet<SystemOperationCode> s_administration =
    [
        SystemOperations.CanManageUsers,
        SystemOperations.CanManageAdministration,
        SystemOperations.CanChangeAdminOperationGrantee,
        SystemOperations.CanChangeAdminUnitGrantedRight,
        SystemOperations.CanChangeEntitySchemaRecordRight,
        SystemOperations.CanDelegateExternalAccess,
        SystemOperations.CanAdministratePortalUsers,
    ];
}
