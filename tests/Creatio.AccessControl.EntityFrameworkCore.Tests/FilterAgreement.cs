using Creatio.AccessControl.Tests.Properties.Generators;
using Microsoft.EntityFrameworkCore;

namespace Creatio.AccessControl.EntityFrameworkCore.Tests;

/// <summary>The property that matters: for every principal (employees, external users, an unknown user, support sessions
/// at every instant worth checking), object and record operation, the database filter returns exactly the records
/// <see cref="AccessPrincipal.CheckRecord(ObjectName, RecordId, RecordOperation)"/> allows; counting and paging through it
/// give the same totals.</summary>
public static class FilterAgreement
{
    private static readonly RecordOperation[] s_operations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];

    public static void Holds(RecordDatabase database, RandomSupportModel random)
    {
        AccessModel model = random.Model;
        database.Load(model);
        AccessSnapshot snapshot = AccessSnapshot.Compile(model);
        var principals = new List<(string Who, AccessPrincipal Principal)>();
        foreach (UserId user in random.Permissions.Users)
        {
            principals.Add(($"user {user}", snapshot.GetPrincipal(user, random.Permissions.Roles.Now)));
        }

        foreach (SupportAccessGrant grant in model.SupportGrants)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                principals.Add(($"support grant {grant.Id} at {now:O}", snapshot.GetSupportPrincipal(grant.Id, now)));
            }
        }

        foreach (ObjectDefinition definition in model.Objects)
        {
            string objectName = definition.Name.Value;
            IReadOnlyList<Guid> stored = database.Stored(definition.Name);
            using RecordsContext context = database.Context(definition.Name);
            foreach ((string who, AccessPrincipal principal) in principals)
            {
                foreach (RecordOperation operation in s_operations)
                {
                    HashSet<Guid> expected = [.. stored.Where(id => principal.CheckRecord(definition.Name, new RecordId(id), operation).IsAllowed)];
                    IQueryable<TestRecord> query = context.Records.Where(r => r.EntitySchemaName == objectName).WhereAccessible(principal, operation);
                    List<Guid> actual = query.Select(r => r.Id).ToList();
                    string what = $"{who}, {operation} on {objectName} ({principal.GetRecordFilter(definition.Name, operation).Kind})";
                    Assert.True(
                        actual.Count == expected.Count && expected.SetEquals(actual),
                        $"{what}: the checks allow [{string.Join(", ", expected)}], the query returned [{string.Join(", ", actual)}]");
                    if (operation != RecordOperation.Read)
                    {
                        continue;
                    }

                    Assert.True(query.Count() == expected.Count, $"{what}: count");
                    var paged = new List<Guid>();
                    for (int page = 0; ; page++)
                    {
                        List<Guid> ids = query.OrderBy(r => r.Id).Skip(page * 2).Take(2).Select(r => r.Id).ToList();
                        paged.AddRange(ids);
                        if (ids.Count < 2)
                        {
                            break;
                        }
                    }

                    Assert.True(paged.Count == expected.Count && expected.SetEquals(paged), $"{what}: pages of 2 gave [{string.Join(", ", paged)}]");
                }
            }
        }
    }
}
