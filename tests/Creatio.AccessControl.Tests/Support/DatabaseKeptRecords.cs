using Creatio.AccessControl.Tests.Properties.Generators;

namespace Creatio.AccessControl.Tests.Support;

/// <summary>What the database checks are compared with: a model turned into one whose objects keep their records in the
/// database, a reader over a model's own records and rights, and the agreement of the database checks with the in-memory
/// checks of the original model.</summary>
public static class DatabaseKeptRecords
{
    private static readonly RecordOperation[] s_operations = [RecordOperation.Read, RecordOperation.Edit, RecordOperation.Delete];

    /// <summary>Gets an id no model holds.</summary>
    public static RecordId Unknown { get; } = new(new Guid("0f9e3c5a-2b1d-4c7e-9a86-5d4e3f2a1b0c"));

    /// <summary>The model with every object (or those <paramref name="keep"/> picks) keeping its records in the database:
    /// the same model without those objects' records and rights.</summary>
    public static AccessModel KeptInDatabase(AccessModel model, Func<ObjectDefinition, bool>? keep = null)
    {
        AccessModelBuilder builder = model.ToBuilder();
        var kept = new HashSet<ObjectName>();
        for (int i = 0; i < builder.Objects.Count; i++)
        {
            if (keep is null || keep(builder.Objects[i]))
            {
                kept.Add(builder.Objects[i].Name);
                builder.Objects[i] = builder.Objects[i] with { KeepsRecordsInDatabase = true };
            }
        }

        RemoveWhere(builder.Records, r => kept.Contains(r.Object));
        RemoveWhere(builder.RecordRightRows, r => kept.Contains(r.Object));
        return builder.Build();
    }

    /// <summary>The principals worth checking: every user at the model's instant, every support grant at every instant.</summary>
    public static List<(string Who, AccessPrincipal Principal)> Principals(RandomSupportModel random, AccessSnapshot snapshot)
    {
        var principals = new List<(string Who, AccessPrincipal Principal)>();
        foreach (UserId user in random.Permissions.Users)
        {
            principals.Add(($"user {user}", snapshot.GetPrincipal(user, random.Permissions.Roles.Now)));
        }

        foreach (SupportAccessGrant grant in random.Model.SupportGrants)
        {
            foreach (DateTimeOffset now in random.Instants)
            {
                principals.Add(($"support grant {grant.Id} at {now:O}", snapshot.GetSupportPrincipal(grant.Id, now)));
            }
        }

        return principals;
    }

    /// <summary>Asserts that for every principal, object and record operation, the database check of a page (through
    /// <paramref name="reader"/>, over the model with its objects kept in the database) allows exactly the records the
    /// in-memory check of the original model allows, with one read per page at most.</summary>
    /// <param name="random">The model and principals.</param>
    /// <param name="reader">A reader of the original model's records and rights (as a database holds them).</param>
    /// <param name="records">The records of an object to check (those the database holds for it).</param>
    public static async Task AgreeWithInMemoryChecksAsync(RandomSupportModel random, CountingReader reader, Func<ObjectName, IReadOnlyList<RecordId>> records)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(records);
        AccessSnapshot memory = AccessSnapshot.Compile(random.Model);
        AccessSnapshot database = AccessSnapshot.Compile(KeptInDatabase(random.Model));
        List<(string Who, AccessPrincipal Principal)> inMemory = Principals(random, memory);
        List<(string Who, AccessPrincipal Principal)> inDatabase = Principals(random, database);
        foreach (ObjectDefinition definition in random.Model.Objects)
        {
            RecordId[] page = [.. records(definition.Name), Unknown];
            for (int p = 0; p < inMemory.Count; p++)
            {
                foreach (RecordOperation operation in s_operations)
                {
                    int reads = reader.Reads;
                    IReadOnlyList<AccessDecision> decisions = await inDatabase[p].Principal.CheckRecordsAsync(reader, definition.Name, page, operation);
                    Assert.True(reader.Reads - reads <= 1, "a page is read in one call");
                    for (int i = 0; i < page.Length; i++)
                    {
                        AccessDecision expected = inMemory[p].Principal.CheckRecord(definition.Name, page[i], operation);
                        Assert.True(
                            expected.IsAllowed == decisions[i].IsAllowed,
                            $"{inMemory[p].Who}, {operation} on {definition.Name} record {page[i]}: in memory {expected}, from the database {decisions[i]}");
                        Assert.NotEqual(AccessReason.RecordKeptInDatabase, decisions[i].Reason);
                    }

                    AccessDecision single = await inDatabase[p].Principal.CheckRecordAsync(reader, definition.Name, page[0], operation);
                    Assert.Equal(decisions[0].IsAllowed, single.IsAllowed);
                }
            }
        }
    }

    private static void RemoveWhere<T>(IList<T> list, Func<T, bool> remove)
    {
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (remove(list[i]))
            {
                list.RemoveAt(i);
            }
        }
    }

    /// <summary>A reader that counts its reads, over another reader.</summary>
    /// <param name="inner">The reader that reads.</param>
    public sealed class CountingReader(IRecordRightReader inner) : IRecordRightReader
    {
        /// <summary>Gets the number of reads so far.</summary>
        public int Reads { get; private set; }

        /// <summary>Gets the records asked for by the last read.</summary>
        public IReadOnlyList<RecordId> LastAsked { get; private set; } = [];

        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
        {
            Reads++;
            LastAsked = [.. records];
            return inner.ReadRecordsAsync(objectName, operation, records, cancellationToken);
        }
    }

    /// <summary>A reader over a model's records and rights, as a database would hold them.</summary>
    /// <param name="model">The model.</param>
    public sealed class ModelReader(AccessModel model) : IRecordRightReader
    {
        public ValueTask<IReadOnlyList<StoredRecord>> ReadRecordsAsync(ObjectName objectName, RecordOperation operation, IReadOnlyList<RecordId> records, CancellationToken cancellationToken)
        {
            var asked = new HashSet<RecordId>(records);
            IReadOnlyList<StoredRecord> found =
            [
                .. model.Records.Where(r => r.Object == objectName && asked.Contains(r.Id))
                    .Select(r => new StoredRecord(r, [.. model.RecordRightRows.Where(x => x.Object == objectName && x.Record == r.Id && x.Operation == operation)])),
            ];
            return ValueTask.FromResult(found);
        }
    }
}
