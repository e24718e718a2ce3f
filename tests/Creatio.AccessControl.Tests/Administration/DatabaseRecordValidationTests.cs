using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>A record edit the model's validation refuses is refused alike for an object that keeps its records in the
/// database: the database path applies the validator's own rules (<see cref="AccessModelValidator.ForDatabaseRecords"/>),
/// so that each rule gives the same code, message and ids whether the records are in the model or in the database.</summary>
public sealed class DatabaseRecordValidationTests
{
    private static readonly ObjectName s_account = AdminHarness.Account;
    private static readonly RecordId s_new = Ids.Record("new");
    private static readonly AdminUnitId s_ghostUnit = new(Ids.Guid("ghost unit"));
    private static readonly UserId s_ghostUser = Ids.User("Ghost");
    private static readonly SupportGrantId s_ghostGrant = new(Ids.Guid("ghost grant"));

    public static TheoryData<string, AccessModelErrorCode[], string> Rules { get; } = new()
    {
        { "right names an unknown record", [AccessModelErrorCode.DanglingReference], "names a record that is not defined." },
        { "right to an unknown grantee", [AccessModelErrorCode.DanglingReference], $"names admin unit `{s_ghostUnit}`, which is not defined." },
        { "right with an undefined operation", [AccessModelErrorCode.InvalidValue], "has RecordOperation `9`, which is not defined." },
        { "right with an undefined level", [AccessModelErrorCode.InvalidValue], "has RecordRightLevel `9`, which is not defined." },
        { "right with an undefined source", [AccessModelErrorCode.InvalidValue], "has RecordRightSource `9`, which is not defined." },
        { "right with several problems", [AccessModelErrorCode.DanglingReference, AccessModelErrorCode.DanglingReference, AccessModelErrorCode.InvalidValue], "has RecordRightLevel `9`, which is not defined." },
        { "record with the empty id", [AccessModelErrorCode.InvalidValue], $"has an empty id `{Guid.Empty}`; ids must not be the empty GUID." },
        { "record by an unknown author", [AccessModelErrorCode.DanglingReference], $"has author `{s_ghostUser}`, which is not a defined user." },
        { "record owned by an unknown user", [AccessModelErrorCode.DanglingReference], $"has owner `{s_ghostUser}`, which is not a defined user." },
        { "record created in an unknown support grant", [AccessModelErrorCode.DanglingReference], $"was created in support grant `{s_ghostGrant}`, which is not defined." },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task ApplyAsync_EditBreakingARule_RefusedWithTheSameErrorsInMemoryAndInTheDatabase(string rule, AccessModelErrorCode[] codes, string lastMessageEnd)
    {
        Org org = AdminHarness.BaseOrg();
        AccessModel model = org.Build();
        var memory = new AccessAdministration(new AccessEvaluator(AccessSnapshot.Compile(model, 1), new FakeTimeProvider(AdminHarness.Now)));
        var host = new InMemoryRecordHost();
        await host.LoadAsync(model, s_account);
        var kept = new AccessEvaluator(AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model, o => o.Name == s_account), 1), new FakeTimeProvider(AdminHarness.Now));
        AccessAdministration database = new AccessAdministration(kept).WithRecordRights(host, host);
        AccessChange change = Change(rule, org);
        if (change is CreateRecord create)
        {
            await host.InsertAsync(create.Record);
        }

        AccessChangeResult inMemory = await memory.ApplyAsync(AccessActor.System, change);
        AccessChangeResult inDatabase = await database.ApplyAsync(AccessActor.System, change);

        Assert.Equal(AccessChangeRefusal.InvalidModel, inMemory.Refusal);
        Assert.Equal(AccessChangeRefusal.InvalidModel, inDatabase.Refusal);
        Assert.Equal(codes, inMemory.Errors.Select(e => e.Code));
        Assert.EndsWith(lastMessageEnd, inMemory.Errors[^1].Message, StringComparison.Ordinal);
        Assert.Equal(inMemory.Errors.Select(e => (e.Code, e.Message, string.Join(", ", e.Ids))), inDatabase.Errors.Select(e => (e.Code, e.Message, string.Join(", ", e.Ids))));
        Assert.Equal($"The records after the changes would be invalid: {codes.Length} problems.", inDatabase.Message);
        Assert.Equal(0, host.Writes);
    }

    [Fact]
    public async Task ApplyAsync_RightToANamedRole_NamesItAsTheModelsValidationDoes()
    {
        Org org = AdminHarness.BaseOrg();
        AccessModel model = org.Build();
        var host = new InMemoryRecordHost();
        await host.LoadAsync(model, s_account);
        var kept = new AccessEvaluator(AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model, o => o.Name == s_account), 1), new FakeTimeProvider(AdminHarness.Now));
        AccessAdministration database = new AccessAdministration(kept).WithRecordRights(host, host);
        var right = new RecordRightRow(s_account, DatabaseKeptRecords.Unknown, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);

        AccessChangeResult result = await database.ApplyAsync(AccessActor.System, new ShareRecord(right));

        AccessModelError error = Assert.Single(result.Errors);
        Assert.Equal(
            $"Record right of `Account` record `{DatabaseKeptRecords.Unknown}` for `Temp` (`{org.Unit("Temp")}`) names a record that is not defined.",
            error.Message);
        Assert.Equal(["Account", DatabaseKeptRecords.Unknown.ToString()], error.Ids);
    }

    private static AccessChange Change(string rule, Org org)
    {
        RecordRightRow right = new(s_account, AdminHarness.R1, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Manual);
        RecordDefinition record = new(s_account, s_new, org.UserId("Bob"), null);
        return rule switch
        {
            "right names an unknown record" => new ShareRecord(right with { Record = DatabaseKeptRecords.Unknown }),
            "right to an unknown grantee" => new ShareRecord(right with { Grantee = s_ghostUnit }),
            "right with an undefined operation" => new ShareRecord(right with { Operation = (RecordOperation)9 }),
            "right with an undefined level" => new ShareRecord(right with { Level = (RecordRightLevel)9 }),
            "right with an undefined source" => new ShareRecord(right with { Source = (RecordRightSource)9 }),
            "right with several problems" => new ShareRecord(right with { Record = DatabaseKeptRecords.Unknown, Grantee = s_ghostUnit, Level = (RecordRightLevel)9 }),
            "record with the empty id" => new CreateRecord(record with { Id = new RecordId(Guid.Empty) }),
            "record by an unknown author" => new CreateRecord(record with { Author = s_ghostUser }),
            "record owned by an unknown user" => new ChangeRecordOwner(s_account, AdminHarness.R1, s_ghostUser),
            "record created in an unknown support grant" => new CreateRecord(record with { CreatedInSupportGrant = s_ghostGrant }),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "No such rule."),
        };
    }
}
