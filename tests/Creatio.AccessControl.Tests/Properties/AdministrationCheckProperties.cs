using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using Creatio.AccessControl.Tests.SupportAccess;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Properties;

/// <summary>"May I?": for random batches and actors (employees, portal users, admins, support sessions of random modes,
/// nobody, the system), <see cref="IAccessAdministration.CheckBatch"/> answers as <see cref="IAccessAdministration.ApplyBatchAsync"/>
/// then does on the same snapshot, and changes nothing itself.</summary>
public sealed class AdministrationCheckProperties
{
    private static readonly string[] s_users = ["Alice", "Bob", "Carol", "Actor", "Admin", "Pat", "Reader", "Granter", "Gone"];

    private static readonly SystemOperationCode[] s_operations =
    [
        SystemOperations.CanManageUsers,
        SystemOperations.CanManageAdministration,
        SystemOperations.CanChangeEntitySchemaRecordRight,
        SystemOperations.CanDelegateExternalAccess,
    ];

    [Property(MaxTest = 60)]
    public async Task Check_AnswersAsApplyDoes_AndChangesNothing(int seed)
    {
        var rng = new Random(seed);
        using AdminHarness h = SupportHarness.Create(
            grant => grant with
            {
                DenyDataAccess = rng.Next(2) == 0,
                DenyConfiguration = rng.Next(2) == 0,
                Level = (SupportAccessLevel)rng.Next(3),
            },
            SupportAccessSettings.Default with { AllowAdministrationWhenUnrestricted = rng.Next(2) == 0, AllowNonAdminsToGrant = rng.Next(2) == 0 },
            org => AdminHarness.Grant(org, "Actor", [.. s_operations.Where(_ => rng.Next(2) == 0)]));

        for (int step = 0; step < 6; step++)
        {
            AccessActor actor = Actor(h, rng);
            AccessChange[] batch = [.. Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Change(h, rng))];
            AccessSnapshot before = h.Snapshot;
            long storeVersion = h.Store.Version;
            int events = h.Sink.Events.Count;
            string context = $"step {step}, {actor}: {string.Join("; ", batch.Select(c => c.ToString()))}";

            AccessChangeResult check = h.Admin.CheckBatch(actor, batch);

            Assert.Same(before, h.Snapshot);
            Assert.Equal(storeVersion, h.Store.Version);
            Assert.Equal(events, h.Sink.Events.Count);
            Assert.False(check.IsApplied);
            Assert.Equal(before.Version, check.Version);

            AccessChangeResult applied = await h.Admin.ApplyBatchAsync(actor, batch);

            Assert.True(applied.IsApplied == !check.IsRefused, $"{context}: check {check}, apply {applied}.");
            Assert.True(
                (check.Refusal, check.Message, check.ChangeIndex, check.Decision) == (applied.Refusal, applied.Message, applied.ChangeIndex, applied.Decision) &&
                check.Errors.Select(e => e.ToString()).SequenceEqual(applied.Errors.Select(e => e.ToString())),
                $"{context}: check {check}, apply {applied}.");
        }
    }

    private static AccessActor Actor(AdminHarness h, Random rng) => rng.Next(s_users.Length + 4) switch
    {
        int i when i < s_users.Length => h.User(s_users[i]),
        9 => SupportHarness.Session,
        10 => AccessActor.ForSupportSession(new SupportGrantId(Ids.Guid("grant:unknown"))),
        11 => AccessActor.System,
        _ => default,
    };

    private static AccessChange Change(AdminHarness h, Random rng)
    {
        Org org = h.Org;
        AccessModel model = h.Snapshot.Model;
        UserId user = org.UserId(s_users[rng.Next(s_users.Length)]);
        RoleId role = org[rng.Next(3) switch { 0 => "Sales", 1 => "Temp", _ => "Creators" }];
        RecordDefinition record = model.Records[rng.Next(model.Records.Length)];
        SupportAccessGrant grant = model.SupportGrants[0];
        return rng.Next(15) switch
        {
            0 => new AddMembership(new RoleMembership(user, role)),
            1 => new RemoveMembership(model.Memberships[rng.Next(model.Memberships.Length)]),
            2 => new ShareRecord(new RecordRightRow(record.Object, record.Id, role, (RecordOperation)rng.Next(3), (RecordRightLevel)rng.Next(3), RecordRightSource.Manual)),
            3 => new UnshareRecord(record.Object, record.Id, role, (RecordOperation)rng.Next(3)),
            4 => new CreateRecord(new RecordDefinition(AdminHarness.Account, new RecordId(Ids.Guid($"record {rng.Next(3)}")), user, user)),
            5 => new ChangeRecordOwner(record.Object, record.Id, user),
            6 => new DeleteRecord(record.Object, record.Id),
            7 => new SetObjectOperationRows(AdminHarness.Account, [new ObjectOperationRow(AdminHarness.Account, role, rng.Next(3), (ObjectOperations)rng.Next(16))]),
            8 => new SetSettings(model.Settings with { PortalAvailabilityMode = (PortalAvailabilityMode)rng.Next(2) }),
            9 => new DeactivateUser(user),
            10 => new DeleteRole(role),
            11 => SupportHarness.NewGrantBy(h, s_users[rng.Next(s_users.Length)], s_users[rng.Next(s_users.Length)], close: SupportHarness.Start.AddDays(rng.Next(-1, 200))),
            12 => new DeactivateSupportAccess(rng.Next(4) == 0 ? SupportHarness.NewGrant : grant.Id),
            13 => new ChangeSupportAccess(grant.Id)
            {
                CloseDate = SupportHarness.Start.AddDays(rng.Next(-1, 200)),
                DenyDataAccess = rng.Next(3) == 0 ? null : rng.Next(2) == 0,
                Level = rng.Next(3) == 0 ? null : (SupportAccessLevel)rng.Next(3),
            },
            _ => new UpdateRecordPermissions(AdminHarness.Account),
        };
    }
}
