using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Stores;

/// <summary>The in-memory store: round trip through <see cref="AccessStoreLoader"/>, optimistic concurrency, and failing writers.</summary>
public sealed class InMemoryAccessStoreTests
{
    private static AccessModel RichModel()
    {
        Org org = AdminHarness.BaseOrg();
        org.Delegate("Alice", "Carol", AdminHarness.Now.AddDays(2)).NotInheritedByManagers("System administrators", "Temp");
        org.Builder.Add(new SystemOperationDefinition(new SystemOperationCode("CanApproveInvoices"), IsConfiguration: true)
        {
            ObjectAccess = [new ObjectAccessGrant(AdminHarness.Account, ObjectOperations.Read | ObjectOperations.Edit)],
        });
        org.Builder.Add(new SystemOperationRow(new SystemOperationCode("CanApproveInvoices"), org.Unit("Temp"), 0, true));
        org.Builder.Add(new ColumnRightRow(AdminHarness.Account, AdminHarness.Revenue, org.Unit("Sales"), 0, ColumnRightLevel.ReadEdit));
        org.Builder.Add(new RecordRightRow(AdminHarness.Account, AdminHarness.R2, org.Unit("Temp"), RecordOperation.Read, RecordRightLevel.Allow, RecordRightSource.Default));
        org.Builder.Settings = new AccessSettings
        {
            PortalAvailabilityMode = PortalAvailabilityMode.OperationPermissions,
            EnabledAuditEvents = [AccessAuditEventType.DeniedOperation, AccessAuditEventType.UserChange],
        };
        return org.Build();
    }

    private static void AssertSameContent(AccessModel expected, AccessModel actual)
    {
        Assert.Equal(expected.Users.AsEnumerable(), actual.Users.AsEnumerable());
        Assert.Equal(expected.Roles.AsEnumerable(), actual.Roles.AsEnumerable());
        Assert.Equal(expected.Memberships.AsEnumerable(), actual.Memberships.AsEnumerable());
        Assert.Equal(expected.FunctionalLinks.AsEnumerable(), actual.FunctionalLinks.AsEnumerable());
        Assert.Equal(expected.Delegations.AsEnumerable(), actual.Delegations.AsEnumerable());
        Assert.Equal(expected.RolesNotInheritedByManagers.AsEnumerable(), actual.RolesNotInheritedByManagers.AsEnumerable());
        Assert.Equal(expected.Objects.AsEnumerable(), actual.Objects.AsEnumerable());
        Assert.Equal(expected.ObjectOperationRows.AsEnumerable(), actual.ObjectOperationRows.AsEnumerable());
        Assert.Equal(expected.ColumnRightRows.AsEnumerable(), actual.ColumnRightRows.AsEnumerable());
        Assert.Equal(expected.Records.AsEnumerable(), actual.Records.AsEnumerable());
        Assert.Equal(expected.RecordRightRows.AsEnumerable(), actual.RecordRightRows.AsEnumerable());
        Assert.Equal(expected.DefaultRecordRightRules.AsEnumerable(), actual.DefaultRecordRightRules.AsEnumerable());
        Assert.Equal(expected.SystemOperations.AsEnumerable(), actual.SystemOperations.AsEnumerable());
        Assert.Equal(expected.SystemOperationRows.AsEnumerable(), actual.SystemOperationRows.AsEnumerable());
        Assert.Equal(expected.Settings.PortalAvailabilityMode, actual.Settings.PortalAvailabilityMode);
        Assert.Equal(expected.Settings.EnabledAuditEvents, actual.Settings.EnabledAuditEvents);
    }

    [Fact]
    public async Task LoadAsync_StoreHoldingAModel_ReturnsTheSameModel()
    {
        AccessModel model = RichModel();
        var store = new InMemoryAccessStore(model);

        AccessModel loaded = await AccessStoreLoader.LoadAsync(store, CancellationToken.None);

        AssertSameContent(model, loaded);
    }

    [Fact]
    public async Task LoadAsync_AfterChangesThroughTheAdministration_GivesTheSameDecisionsAsThePublishedSnapshot()
    {
        using AdminHarness h = AdminHarness.Create();
        await h.Admin.ApplyBatchAsync(
            AccessActor.System,
            [
                new AddMembership(new RoleMembership(h.Org.UserId("Bob"), h.Org["Creators"])),
                new CreateRecord(new RecordDefinition(AdminHarness.Account, Ids.Record("new"), h.Org.UserId("Alice"))),
                new SetColumnRightRows(AdminHarness.Account, AdminHarness.Revenue, [new ColumnRightRow(AdminHarness.Account, AdminHarness.Revenue, h.Org.Unit("Creators"), 0, ColumnRightLevel.Read)]),
            ]);

        AccessModel loaded = await AccessStoreLoader.LoadAsync(h.Store, CancellationToken.None);

        AssertSameContent(h.Snapshot.Model, loaded);
        AccessSnapshot reloaded = AccessSnapshot.Compile(loaded, h.Store.Version);
        foreach (string user in new[] { "Alice", "Bob", "Carol", "Actor", "Pat" })
        {
            AccessPrincipal published = h.Principal(user);
            AccessPrincipal fromStore = reloaded.GetPrincipal(h.Org.UserId(user), AdminHarness.Now);
            foreach (RecordId record in new[] { AdminHarness.R1, AdminHarness.R2, Ids.Record("new") })
            {
                Assert.Equal(published.CheckRecord(AdminHarness.Account, record, RecordOperation.Read), fromStore.CheckRecord(AdminHarness.Account, record, RecordOperation.Read));
            }

            Assert.Equal(published.CheckObject(AdminHarness.Account, ObjectOperation.Create), fromStore.CheckObject(AdminHarness.Account, ObjectOperation.Create));
            Assert.Equal(published.CheckColumn(AdminHarness.Account, AdminHarness.Revenue, ColumnOperation.Read), fromStore.CheckColumn(AdminHarness.Account, AdminHarness.Revenue, ColumnOperation.Read));
        }
    }

    [Fact]
    public async Task LoadAsync_StoresHoldingAnInvalidModel_ThrowsWithEveryProblem()
    {
        AccessModel model = RichModel();
        var store = new InMemoryAccessStore(model);
        var units = new BrokenUnits(await store.ReadAdminUnitsAsync(CancellationToken.None));

        AccessModelValidationException exception = await Assert.ThrowsAsync<AccessModelValidationException>(
            async () => await AccessStoreLoader.LoadAsync(units, store, store, store, store, CancellationToken.None));

        Assert.Contains(exception.Errors, e => e.Code == AccessModelErrorCode.DanglingReference && e.Ids.Contains(BrokenUnits.Missing.ToString()));
    }

    private sealed class BrokenUnits(AdminUnitRows rows) : IAdminUnitStore
    {
        public static readonly RoleId Missing = Ids.Role("Missing");

        public ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken) =>
            ValueTask.FromResult(rows with { Memberships = [.. rows.Memberships, new RoleMembership(rows.Users[0].Id, Missing)] });
    }

    [Fact]
    public async Task CommitAsync_StaleBaseVersion_ReturnsAConflictAndKeepsTheStoredModel()
    {
        AccessModel model = RichModel();
        var store = new InMemoryAccessStore(model, 5);
        var commit = new AccessStoreCommit(4, 5, AccessActor.System.ToString(), AdminHarness.Now, new AccessModelDelta([new ReplaceSettingsEdit(AccessSettings.Default)]), AccessModel.Empty);

        AccessStoreCommitResult result = await store.CommitAsync(commit, CancellationToken.None);

        Assert.False(result.IsCommitted);
        Assert.Equal(5, result.StoreVersion);
        Assert.Equal("The commit was made on version 4, but the store holds version 5.", result.Message);
        Assert.Same(model, store.Model);
        Assert.Equal(5, store.Version);
    }

    [Fact]
    public async Task CommitAsync_CurrentBaseVersion_StoresTheModelAndVersion()
    {
        var store = new InMemoryAccessStore(RichModel(), 5);
        AccessModel next = AccessModel.Empty;

        AccessStoreCommitResult result = await store.CommitAsync(new AccessStoreCommit(5, 6, AccessActor.System.ToString(), AdminHarness.Now, new AccessModelDelta([new ReplaceSettingsEdit(AccessSettings.Default)]), next), CancellationToken.None);

        Assert.True(result.IsCommitted);
        Assert.Equal(6, result.StoreVersion);
        Assert.Equal(string.Empty, result.Message);
        Assert.Same(next, store.Model);
        Assert.Equal(6, store.Version);
    }

    [Fact]
    public async Task CommitAsync_Cancelled_StoresNothing()
    {
        AccessModel model = RichModel();
        var store = new InMemoryAccessStore(model, 5);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var commit = new AccessStoreCommit(5, 6, AccessActor.System.ToString(), AdminHarness.Now, new AccessModelDelta([new ReplaceSettingsEdit(AccessSettings.Default)]), AccessModel.Empty);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await store.CommitAsync(commit, cancellation.Token));

        Assert.Same(model, store.Model);
        Assert.Equal(5, store.Version);
    }

    [Fact]
    public async Task ApplyAsync_StoreAheadOfTheSnapshot_RefusedAsStoreConflictAndPublishesNothing()
    {
        // Another host committed version 2 to a shared store; this host still publishes version 1.
        InMemoryAccessStore? shared = null;
        using AdminHarness h = AdminHarness.Create(writer: store =>
        {
            shared = new InMemoryAccessStore(store.Model, 2);
            return shared;
        });
        AccessSnapshot before = h.Snapshot;
        AccessModel stored = shared!.Model;

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));

        Assert.False(result.IsApplied);
        Assert.Equal(AccessChangeRefusal.StoreConflict, result.Refusal);
        Assert.Equal(1, result.Version);
        Assert.Equal(-1, result.ChangeIndex);
        Assert.Equal(
            "The store refused the batch made on version 1: The commit was made on version 1, but the store holds version 2. Nothing was stored or published.",
            result.Message);
        Assert.Same(before, h.Snapshot);
        Assert.Same(stored, shared.Model);
        Assert.Equal(2, shared.Version);
        Assert.Equal(0, h.Sink.Count);
    }

    [Fact]
    public async Task ApplyAsync_StoreConflictThenTheEvaluatorCatchesUp_TheSameChangeApplies()
    {
        // Another host committed version 2 (Bob joins Creators) to the store this host writes to.
        using AdminHarness h = AdminHarness.Create();
        UserId bob = h.Org.UserId("Bob");
        AccessModelBuilder remote = h.Store.Model.ToBuilder();
        remote.Add(new RoleMembership(bob, h.Org["Creators"]));
        Assert.True((await h.Store.CommitAsync(new AccessStoreCommit(1, 2, AccessActor.System.ToString(), AdminHarness.Now, AccessModelDelta.Empty, remote.Build()), CancellationToken.None)).IsCommitted);
        var change = new DeactivateUser(h.Org.UserId("Alice"));
        AccessChangeResult refused = await h.Admin.ApplyAsync(AccessActor.System, change);

        // The host reads the store again and publishes it at the store's version, then retries.
        AccessModel stored = await AccessStoreLoader.LoadAsync(h.Store, CancellationToken.None);
        AccessSnapshot caughtUp = await h.Evaluator.ReplaceAsync(AccessSnapshot.Compile(stored, h.Store.Version));
        AccessChangeResult retried = await h.Admin.ApplyAsync(AccessActor.System, change);

        Assert.Equal(AccessChangeRefusal.StoreConflict, refused.Refusal);
        Assert.Equal(2, caughtUp.Version);
        Assert.True(retried.IsApplied, retried.Message);
        Assert.Equal(3, retried.Version);
        Assert.Equal(3, h.Store.Version);
        Assert.Same(h.Snapshot.Model, h.Store.Model);
        Assert.True(h.Principal("Bob").HasEffectiveRole(h.Org["Creators"]));
        Assert.False(h.Principal("Alice").IsActive);
    }

    [Fact]
    public async Task ApplyAsync_SnapshotPublishedWithoutTheStore_StoreRefusesUntilTheEvaluatorHoldsWhatTheStoreHolds()
    {
        // A second owner that does not store (here: no writer) moves the snapshot past the store's version.
        using AdminHarness h = AdminHarness.Create();
        var unstored = new AccessAdministration(h.Evaluator, store: null, h.Dispatcher);
        Assert.True((await unstored.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")))).IsApplied);

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Alice")));

        Assert.Equal(AccessChangeRefusal.StoreConflict, result.Refusal);
        Assert.Equal(2, h.Snapshot.Version);
        Assert.Equal(1, h.Store.Version);
        Assert.True(h.Principal("Alice").IsActive);
    }

    [Fact]
    public void AccessStoreCommitResult_ConflictWithoutAMessage_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => AccessStoreCommitResult.Conflict(3, " "));
        Assert.Throws<ArgumentNullException>(() => AccessStoreCommitResult.Conflict(3, null!));
        Assert.Equal("Conflict: The store holds version 3.", AccessStoreCommitResult.Conflict(3, "The store holds version 3.").ToString());
        Assert.Equal("Committed as version 4", AccessStoreCommitResult.Committed(4).ToString());
    }

    private sealed class FailingWriter(InMemoryAccessStore inner) : IAccessStoreWriter
    {
        public bool Fail { get; set; } = true;

        public int Calls { get; private set; }

        public ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
        {
            Calls++;
            return Fail ? throw new IOException("The database is unreachable.") : inner.CommitAsync(commit, cancellationToken);
        }
    }

    [Fact]
    public async Task ApplyAsync_WriterThrows_SnapshotStoreAndAuditStayAsTheyWere()
    {
        FailingWriter? writer = null;
        using AdminHarness h = AdminHarness.Create(writer: store => writer = new FailingWriter(store));
        var state = AccessAdministrationTests.State.Of(h);
        UserId bob = h.Org.UserId("Bob");

        IOException exception = await Assert.ThrowsAsync<IOException>(
            async () => await h.Admin.ApplyBatchAsync(AccessActor.System, [new AddMembership(new RoleMembership(bob, h.Org["Creators"])), new DeactivateUser(h.Org.UserId("Alice"))]));

        Assert.Equal("The database is unreachable.", exception.Message);
        Assert.Equal(1, writer!.Calls);
        Assert.Same(state.Snapshot, h.Snapshot);
        Assert.Same(state.StoredModel, h.Store.Model);
        Assert.Equal(1, h.Store.Version);
        Assert.Equal(0, h.Sink.Count);
        Assert.False(h.Evaluator.CheckObject(bob, AdminHarness.Account, ObjectOperation.Create).IsAllowed);
        Assert.True(h.Principal("Alice").IsActive);
    }

    [Fact]
    public async Task ApplyAsync_WriterRecovers_NextBatchGetsTheNextVersion()
    {
        FailingWriter? writer = null;
        using AdminHarness h = AdminHarness.Create(writer: store => writer = new FailingWriter(store));
        await Assert.ThrowsAsync<IOException>(async () => await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob"))));
        writer!.Fail = false;

        AccessChangeResult result = await h.Admin.ApplyAsync(AccessActor.System, new DeactivateUser(h.Org.UserId("Bob")));

        Assert.True(result.IsApplied);
        Assert.Equal(2, result.Version);
        Assert.Equal(2, h.Store.Version);
        Assert.Same(h.Snapshot.Model, h.Store.Model);
    }
}
