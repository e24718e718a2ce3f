using Creatio.AccessControl.Tests.Properties.Generators;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Support;

/// <summary>Issue 19's property for writes: random sequences of share, unshare, create, delete and re-own, applied through
/// the administration to an object kept in the database and to an in-memory twin of the same object, are applied or
/// refused alike and leave both answering the same (per-record checks, page checks, share checks and the host's list
/// query) for employees, external users and support sessions.</summary>
public static class DatabaseWriteTwins
{
    private static readonly RecordOperation[] s_operations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];
    private static readonly RecordRightLevel[] s_levels = [RecordRightLevel.Deny, RecordRightLevel.Allow, RecordRightLevel.AllowAndGrant];

    /// <summary>Runs one random sequence on one object of <paramref name="random"/> and asserts the twins agree.</summary>
    /// <param name="random">The model, principals and instants.</param>
    /// <param name="host">The host of the object's records (emptied and loaded here).</param>
    /// <param name="steps">The number of changes applied.</param>
    public static async Task AgreeAsync(RandomSupportModel random, IRecordHost host, int steps = 12)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(host);
        var draw = new Random(random.Seed);
        AccessModel model = random.Model;
        List<ObjectDefinition> objects = [.. model.Objects];
        ObjectDefinition target = objects[draw.Next(objects.Count)];
        ObjectName name = target.Name;
        DateTimeOffset now = random.Permissions.Roles.Now;

        var memory = new AccessEvaluator(AccessSnapshot.Compile(model), new FakeTimeProvider(now));
        var memoryAdmin = new AccessAdministration(memory);
        var database = new AccessEvaluator(AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model, o => o.Name == name)), new FakeTimeProvider(now));
        AccessAdministration databaseAdmin = new AccessAdministration(database).WithRecordRights(host.Reader, host.Writer);
        await host.LoadAsync(model, name);

        List<AccessActor> actors = [AccessActor.System, .. random.Permissions.Users.Select(AccessActor.ForUser), .. model.SupportGrants.Select(g => AccessActor.ForSupportSession(g.Id))];
        List<AdminUnitId> units = [.. model.Roles.Select(r => (AdminUnitId)r.Id), .. model.Users.Select(u => (AdminUnitId)u.Id)];
        List<UserId> users = [.. random.Permissions.Users];
        var ids = new HashSet<RecordId>(model.Records.Where(r => r.Object == name).Select(r => r.Id)) { DatabaseKeptRecords.Unknown };
        for (int step = 0; step < steps; step++)
        {
            AccessActor actor = draw.Next(4) == 0 ? AccessActor.System : actors[draw.Next(actors.Count)];
            List<RecordDefinition> held = [.. memory.Snapshot.Model.Records.Where(r => r.Object == name)];
            RecordId existing = held.Count > 0 && draw.Next(6) > 0 ? held[draw.Next(held.Count)].Id : DatabaseKeptRecords.Unknown;
            AccessChange change;
            switch (draw.Next(5))
            {
                case 0:
                    change = new ShareRecord(new RecordRightRow(name, existing, units[draw.Next(units.Count)], Pick(draw, s_operations), Pick(draw, s_levels), RecordRightSource.Manual));
                    break;
                case 1:
                    List<RecordRightRow> rights = [.. memory.Snapshot.Model.RecordRightRows.Where(r => r.Object == name)];
                    RecordRightRow right = rights.Count > 0 && draw.Next(5) > 0
                        ? rights[draw.Next(rights.Count)]
                        : new RecordRightRow(name, existing, units[draw.Next(units.Count)], Pick(draw, s_operations), RecordRightLevel.Allow, RecordRightSource.Manual);
                    change = new UnshareRecord(name, right.Record, right.Grantee, right.Operation);
                    break;
                case 2:
                    var created = new RecordId(new Guid(draw.Next(), 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)(step + 1)]));
                    ids.Add(created);
                    UserId? author = actor.User is { } self && draw.Next(3) > 0 ? self : users[draw.Next(users.Count)];
                    change = new CreateRecord(new RecordDefinition(name, created, author, draw.Next(3) == 0 ? null : users[draw.Next(users.Count)]));
                    break;
                case 3:
                    change = new DeleteRecord(name, existing);
                    break;
                default:
                    change = new ChangeRecordOwner(name, existing, draw.Next(4) == 0 ? null : users[draw.Next(users.Count)]);
                    break;
            }

            await ApplyBothAsync(host, memoryAdmin, databaseAdmin, actor, change, $"step {step} of {random.Seed}");
        }

        await AssertSameDecisionsAsync(random, host, memory.Snapshot, database.Snapshot, name, [.. ids]);
    }

    /// <summary>Applies one change to both twins, the database twin's host inserting its row before a creation (and deleting
    /// it when the creation is refused) and deleting its row after a deletion, and asserts they agree, and that the database
    /// twin's check answered as its application.</summary>
    public static async Task ApplyBothAsync(IRecordHost host, AccessAdministration memory, AccessAdministration database, AccessActor actor, AccessChange change, string what)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(change);
        AccessChangeResult expected = await memory.ApplyAsync(actor, change);
        if (change is CreateRecord create)
        {
            await host.InsertAsync(create.Record);
        }

        AccessChangeResult checkedFirst = await database.CheckAsync(actor, change);
        AccessChangeResult actual = await database.ApplyAsync(actor, change);
        if (change is CreateRecord refusedCreate && !actual.IsApplied)
        {
            await host.DeleteAsync(refusedCreate.Record.Object, refusedCreate.Record.Id);
        }
        else if (change is DeleteRecord delete && actual.IsApplied)
        {
            await host.DeleteAsync(delete.Object, delete.Record);
        }

        string text = $"{what}: {actor} {change}: in memory {expected.Refusal} {expected.Message}; in the database {actual.Refusal} {actual.Message}";
        Assert.True(expected.IsApplied == actual.IsApplied, text);
        Assert.True(expected.Refusal == actual.Refusal, text);
        Assert.True(checkedFirst.Refusal == actual.Refusal && !checkedFirst.IsApplied, $"{text}; checked first: {checkedFirst.Refusal} {checkedFirst.Message}");
    }

    /// <summary>Asserts that every principal gets the same decisions from both twins on every record ever named.</summary>
    public static async Task AssertSameDecisionsAsync(
        RandomSupportModel random, IRecordHost host, AccessSnapshot memory, AccessSnapshot database, ObjectName name, IReadOnlyList<RecordId> ids)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(ids);
        List<(string Who, AccessPrincipal Principal)> inMemory = DatabaseKeptRecords.Principals(random, memory);
        List<(string Who, AccessPrincipal Principal)> inDatabase = DatabaseKeptRecords.Principals(random, database);
        IReadOnlyList<RecordId> stored = await host.RecordsAsync(name);
        for (int p = 0; p < inMemory.Count; p++)
        {
            foreach (RecordOperation operation in s_operations)
            {
                IReadOnlyList<AccessDecision> page = await inDatabase[p].Principal.CheckRecordsAsync(host.Reader, name, ids, operation);
                for (int i = 0; i < ids.Count; i++)
                {
                    AccessDecision expected = inMemory[p].Principal.CheckRecord(name, ids[i], operation);
                    Assert.True(expected.IsAllowed == page[i].IsAllowed, $"{inMemory[p].Who}, {operation} on record {ids[i]}: in memory {expected}, from the database {page[i]}");
                    AccessDecision share = inMemory[p].Principal.CheckShare(name, ids[i], operation);
                    AccessDecision shareFromDatabase = await inDatabase[p].Principal.CheckShareAsync(host.Reader, name, ids[i], operation);
                    Assert.True(share.IsAllowed == shareFromDatabase.IsAllowed, $"{inMemory[p].Who}, share {operation} on record {ids[i]}: in memory {share}, from the database {shareFromDatabase}");
                }

                if (await host.AccessibleAsync(inDatabase[p].Principal, name, operation) is { } listed)
                {
                    HashSet<RecordId> allowed = [.. stored.Where(id => inMemory[p].Principal.CheckRecord(name, id, operation).IsAllowed)];
                    Assert.True(allowed.SetEquals(listed) && listed.Count == allowed.Count, $"{inMemory[p].Who}, {operation}: the checks allow [{string.Join(", ", allowed)}], the list query returned [{string.Join(", ", listed)}]");
                }
            }
        }
    }

    private static T Pick<T>(Random draw, T[] values) => values[draw.Next(values.Length)];
}
