using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Issue 19: the share rule on a record kept in the database, read through a reader, is the in-memory rule.</summary>
public sealed class CheckShareAsyncTests
{
    private static readonly ObjectName s_account = AdminHarness.Account;

    private static (Org Org, AccessSnapshot Memory, AccessSnapshot Database, DatabaseKeptRecords.CountingReader Reader) Create(Action<Org>? configure = null)
    {
        Org org = AdminHarness.BaseOrg();
        configure?.Invoke(org);
        AccessModel model = org.Build();
        return (org, AccessSnapshot.Compile(model), AccessSnapshot.Compile(DatabaseKeptRecords.KeptInDatabase(model, o => o.Name == s_account)), new(new DatabaseKeptRecords.ModelReader(model)));
    }

    private static void Right(Org org, string grantee, RecordOperation operation, RecordRightLevel level) =>
        org.Builder.Add(new RecordRightRow(s_account, AdminHarness.R2, org.UserId(grantee), operation, level));

    [Theory]
    [InlineData(RecordRightLevel.Allow, false, AccessReason.NoGrantRight)]
    [InlineData(RecordRightLevel.AllowAndGrant, true, AccessReason.CanGrant)]
    public async Task CheckShareAsync_RightLevel_OnlyAllowAndGrantShares(RecordRightLevel level, bool allowed, AccessReason reason)
    {
        (Org org, AccessSnapshot memory, AccessSnapshot database, DatabaseKeptRecords.CountingReader reader) = Create(org =>
        {
            Right(org, "Alice", RecordOperation.Read, RecordRightLevel.Allow);
            Right(org, "Alice", RecordOperation.Edit, level);
        });

        AccessDecision decision = await database.GetPrincipal(org.UserId("Alice"), AdminHarness.Now).CheckShareAsync(reader, s_account, AdminHarness.R2, RecordOperation.Edit);

        Assert.Equal((allowed, reason), (decision.IsAllowed, decision.Reason));
        Assert.Equal(allowed, memory.GetPrincipal(org.UserId("Alice"), AdminHarness.Now).CheckShare(s_account, AdminHarness.R2, RecordOperation.Edit).IsAllowed);
    }

    [Fact]
    public async Task CheckShareAsync_CanChangeRecordRightsButNoGrant_Shares()
    {
        (Org org, _, AccessSnapshot database, DatabaseKeptRecords.CountingReader reader) = Create(org =>
        {
            Right(org, "Alice", RecordOperation.Read, RecordRightLevel.Allow);
            AdminHarness.Grant(org, "Sales", SystemOperations.CanChangeEntitySchemaRecordRight);
        });

        AccessDecision decision = await database.GetPrincipal(org.UserId("Alice"), AdminHarness.Now).CheckShareAsync(reader, s_account, AdminHarness.R2, RecordOperation.Delete);

        Assert.True(decision.IsAllowed);
        Assert.Equal(AccessReason.CanChangeRecordRights, decision.Reason);
    }

    [Fact]
    public async Task CheckShareAsync_MayNotReadTheRecord_DeniesWithTheReadDecision()
    {
        (Org org, _, AccessSnapshot database, DatabaseKeptRecords.CountingReader reader) = Create(org => Right(org, "Alice", RecordOperation.Edit, RecordRightLevel.AllowAndGrant));

        AccessDecision decision = await database.GetPrincipal(org.UserId("Alice"), AdminHarness.Now).CheckShareAsync(reader, s_account, AdminHarness.R2, RecordOperation.Edit);

        Assert.False(decision.IsAllowed);
        Assert.Equal(AccessReason.NoRecordRight, decision.Reason);
    }

    [Fact]
    public async Task CheckShareAsync_UnknownRecord_DeniesAsUnknown()
    {
        (Org org, _, AccessSnapshot database, DatabaseKeptRecords.CountingReader reader) = Create(org => AdminHarness.Grant(org, "System administrators", SystemOperations.CanSelectEverything));

        AccessDecision decision = await database.GetPrincipal(org.UserId("Admin"), AdminHarness.Now).CheckShareAsync(reader, s_account, DatabaseKeptRecords.Unknown, RecordOperation.Read);

        Assert.Equal((false, AccessReason.UnknownRecord), (decision.IsAllowed, decision.Reason));
    }

    [Fact]
    public async Task CheckShareAsync_OperationOutOfRange_DeniesAsInvalid()
    {
        (Org org, _, AccessSnapshot database, DatabaseKeptRecords.CountingReader reader) = Create();

        AccessDecision decision = await database.GetPrincipal(org.UserId("Alice"), AdminHarness.Now).CheckShareAsync(reader, s_account, AdminHarness.R1, (RecordOperation)7);

        Assert.Equal((false, AccessReason.InvalidRequest), (decision.IsAllowed, decision.Reason));
        Assert.Equal(0, reader.Reads);
    }

    [Fact]
    public async Task CheckShareAsync_ObjectHeldInMemory_IsCheckShareWithoutReading()
    {
        (Org org, AccessSnapshot memory, _, DatabaseKeptRecords.CountingReader reader) = Create();
        AccessPrincipal alice = memory.GetPrincipal(org.UserId("Alice"), AdminHarness.Now);

        AccessDecision decision = await alice.CheckShareAsync(reader, s_account, AdminHarness.R1, RecordOperation.Edit);

        Assert.Equal(alice.CheckShare(s_account, AdminHarness.R1, RecordOperation.Edit), decision);
        Assert.Equal(0, reader.Reads);
    }
}
