using System.Text.Json;
using Creatio.AccessControl.Tests.Properties.Generators;
using Creatio.AccessControl.Tests.Reference;
using Creatio.AccessControl.Tests.Support;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>Properties of the compiled checks over random valid models with permissions (DESIGN.md §3–§7, §9).</summary>
public sealed class EvaluatorProperties
{
    private static readonly RecordOperation[] s_recordOperations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 120)]
    public void Check_EveryRequestOfEveryKind_EqualsTheReference(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        ReferenceEvaluator reference = Reference(random.Model, random.Roles.Now);

        foreach ((UserId user, AccessRequest request) in random.Requests)
        {
            AccessDecision actual = snapshot.GetPrincipal(user, random.Roles.Now).Check(request);
            ReferenceDecision expected = reference.Check(user, request);

            Assert.True(expected.Accepts(actual), $"{request} by {user}: expected {expected}, got {actual}");
        }
    }

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 120)]
    public void Check_OnAnAccessObject_EqualsTheCheckByNameAndTheReference(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        ReferenceEvaluator reference = Reference(random.Model, random.Roles.Now);
        int checkedRequests = 0;

        foreach ((UserId user, AccessRequest request) in random.Requests)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, random.Roles.Now);
            if (CheckResolved(principal, snapshot.GetObject(request.Object), request) is not { } actual)
            {
                continue;
            }

            checkedRequests++;
            Assert.Equal(principal.Check(request), actual);
            ReferenceDecision expected = reference.Check(user, request);
            Assert.True(expected.Accepts(actual), $"{request} by {user}: expected {expected}, got {actual}");
        }

        Assert.True(checkedRequests > 0, "no object, record or column request was drawn");
    }

    /// <summary>Asks an object, record or column request on an object resolved beforehand; <see langword="null"/> for the
    /// other kinds of request.</summary>
    internal static AccessDecision? CheckResolved(AccessPrincipal principal, in AccessObject resolved, in AccessRequest request) => request.Kind switch
    {
        AccessRequestKind.Object => principal.CheckObject(in resolved, request.ObjectOperation),
        AccessRequestKind.Record => principal.CheckRecord(in resolved, request.Record!.Value, request.RecordOperation),
        AccessRequestKind.Column when request.Record is { } record => principal.CheckColumn(in resolved, record, request.Column, request.ColumnOperation),
        AccessRequestKind.Column => principal.CheckColumn(in resolved, request.Column, request.ColumnOperation),
        _ => null,
    };

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 80)]
    public void RecordFilterAndFilterRecords_OnEveryRecord_AgreeWithCheckRecord(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        foreach (UserId user in random.Users)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, random.Roles.Now);
            foreach (ObjectDefinition definition in random.Model.Objects)
            {
                List<RecordDefinition> records = [.. random.Model.Records.Where(r => r.Object == definition.Name)];
                RecordId[] ids = [.. records.Select(r => r.Id), Ids.Record("not a record")];
                foreach (RecordOperation operation in s_recordOperations)
                {
                    RecordFilter filter = principal.GetRecordFilter(definition.Name, operation);
                    RecordId[] expected = [.. ids.Where(id => principal.CheckRecord(definition.Name, id, operation).IsAllowed)];
                    foreach (RecordDefinition record in records)
                    {
                        Assert.Equal(principal.CheckRecord(definition.Name, record.Id, operation).IsAllowed, filter.Matches(record, random.Model.RecordRightRows));
                    }

                    var destination = new RecordId[ids.Length];
                    int count = principal.FilterRecords(definition.Name, operation, ids, destination);
                    Assert.Equal(expected, destination[..count]);
                    Assert.Equal(expected, principal.FilterRecords(definition.Name, operation, ids.AsEnumerable()));
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 80)]
    public void Checks_ColumnAllowImpliesRecordAllowImpliesObjectAllow_AndAnObjectDenyIsNeverOverturned(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        foreach (UserId user in random.Users)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, random.Roles.Now);
            foreach (ObjectDefinition definition in random.Model.Objects)
            {
                List<RecordId> records = [.. random.Model.Records.Where(r => r.Object == definition.Name).Select(r => r.Id), Ids.Record("not a record")];
                List<ColumnName> columns = [.. definition.Columns, "Id", "CreatedBy"];
                foreach (ColumnOperation columnOperation in new[] { ColumnOperation.Read, ColumnOperation.Edit })
                {
                    ObjectOperation objectOperation = columnOperation == ColumnOperation.Read ? ObjectOperation.Read : ObjectOperation.Edit;
                    RecordOperation recordOperation = columnOperation == ColumnOperation.Read ? RecordOperation.Read : RecordOperation.Edit;
                    AccessDecision onObject = principal.CheckObject(definition.Name, objectOperation);
                    foreach (RecordId record in records)
                    {
                        AccessDecision onRecord = principal.CheckRecord(definition.Name, record, recordOperation);
                        Assert.True(!onRecord.IsAllowed || onObject.IsAllowed, $"record {record} allowed ({onRecord}) though the object denies ({onObject})");
                        if (!onObject.IsAllowed)
                        {
                            Assert.Equal(onObject, onRecord);
                        }

                        foreach (ColumnName column in columns)
                        {
                            AccessDecision onColumn = principal.CheckColumn(definition.Name, record, column, columnOperation);
                            Assert.True(!onColumn.IsAllowed || onRecord.IsAllowed, $"column {column} allowed ({onColumn}) though record {record} denies ({onRecord})");
                        }

                        AccessDecision share = principal.CheckShare(definition.Name, record, recordOperation);
                        Assert.True(!share.IsAllowed || principal.CheckRecord(definition.Name, record, RecordOperation.Read).IsAllowed, $"sharing allowed ({share}) without reading");
                    }

                    foreach (ColumnName column in columns)
                    {
                        AccessDecision onColumn = principal.CheckColumn(definition.Name, column, columnOperation);
                        Assert.True(!onColumn.IsAllowed || onObject.IsAllowed, $"column {column} allowed ({onColumn}) though the object denies ({onObject})");
                    }
                }

                // Delete and Create have no column; a record delete still needs the object's delete.
                foreach (RecordId record in records)
                {
                    AccessDecision onRecord = principal.CheckRecord(definition.Name, record, RecordOperation.Delete);
                    Assert.True(!onRecord.IsAllowed || principal.CheckObject(definition.Name, ObjectOperation.Delete).IsAllowed);
                }
            }
        }
    }

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 60)]
    public void Check_AfterShufflingEveryRowList_IsUnchanged(RandomPermissionModel random, int seed)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        AccessSnapshot shuffled = AccessSnapshot.Compile(Shuffle(random.Model, new Random(seed)).Build());

        foreach ((UserId user, AccessRequest request) in random.Requests)
        {
            Assert.Equal(
                snapshot.GetPrincipal(user, random.Roles.Now).Check(request),
                shuffled.GetPrincipal(user, random.Roles.Now).Check(request));
        }
    }

    [Property(Arbitrary = [typeof(RandomPermissionModels)], MaxTest = 60)]
    public void Explain_EveryRequest_HasTheCheckDecisionAndNamesTheDecidingStepAndRow(RandomPermissionModel random)
    {
        AccessSnapshot snapshot = AccessSnapshot.Compile(random.Model);
        foreach ((UserId user, AccessRequest request) in random.Requests)
        {
            AccessPrincipal principal = snapshot.GetPrincipal(user, random.Roles.Now);
            AccessDecision decision = principal.Check(request);

            AccessExplanation explanation = principal.Explain(request);

            Assert.Equal(decision, explanation.Decision);
            AccessExplanationStep deciding = explanation.Steps.Last(s => s.Result is AccessStepResult.Allowed or AccessStepResult.Denied);
            Assert.Equal(decision.Stage, deciding.Stage);
            Assert.Equal(decision.Reason, deciding.Reason);
            Assert.Equal(decision.IsAllowed, deciding.Result == AccessStepResult.Allowed);
            if (decision.Grantee is { } grantee && deciding.Rows.Count > 0)
            {
                AccessExplanationRow row = Assert.Single(deciding.Rows, r => r.Decides);
                Assert.Equal(grantee, row.Grantee);
                Assert.Equal(decision.Position, row.Position);
                Assert.True(row.InEffectiveRoles);
            }

            using JsonDocument json = JsonDocument.Parse(explanation.ToJson());
            Assert.Equal(decision.Outcome.ToString(), json.RootElement.GetProperty("decision").GetProperty("outcome").GetString());
        }
    }

    /// <summary>A reference whose <c>E(u)</c> is <see cref="ReferenceEffectiveRoles"/>, computed once per user.</summary>
    private static ReferenceEvaluator Reference(AccessModel model, DateTimeOffset now)
    {
        var cache = new Dictionary<UserId, IReadOnlySet<AdminUnitId>>();
        return new ReferenceEvaluator(model, user =>
        {
            if (!cache.TryGetValue(user, out IReadOnlySet<AdminUnitId>? roles))
            {
                roles = ReferenceEffectiveRoles.Compute(model, user, now);
                cache[user] = roles;
            }

            return roles;
        });
    }

    private static AccessModelBuilder Shuffle(AccessModel model, Random random)
    {
        var builder = new AccessModelBuilder { Settings = model.Settings };
        builder.RolesNotInheritedByManagers.Clear();
        AddShuffled(builder.RolesNotInheritedByManagers, model.RolesNotInheritedByManagers, random);
        AddShuffled(builder.Users, model.Users, random);
        AddShuffled(builder.Roles, model.Roles, random);
        AddShuffled(builder.Memberships, model.Memberships, random);
        AddShuffled(builder.FunctionalLinks, model.FunctionalLinks, random);
        AddShuffled(builder.Delegations, model.Delegations, random);
        AddShuffled(builder.Objects, model.Objects, random);
        AddShuffled(builder.ObjectOperationRows, model.ObjectOperationRows, random);
        AddShuffled(builder.ColumnRightRows, model.ColumnRightRows, random);
        AddShuffled(builder.Records, model.Records, random);
        AddShuffled(builder.RecordRightRows, model.RecordRightRows, random);
        AddShuffled(builder.DefaultRecordRightRules, model.DefaultRecordRightRules, random);
        AddShuffled(builder.SystemOperations, model.SystemOperations, random);
        AddShuffled(builder.SystemOperationRows, model.SystemOperationRows, random);
        return builder;
    }

    private static void AddShuffled<T>(IList<T> to, IEnumerable<T> from, Random random)
    {
        T[] items = [.. from];
        random.Shuffle(items);
        foreach (T item in items)
        {
            to.Add(item);
        }
    }
}
