using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>Readers checking while a writer applies batches see only whole snapshots, and versions never go back (DESIGN.md §10).</summary>
public sealed class AccessAdministrationConcurrencyTests
{
    private const int Batches = 120;

    private static RoleId Role(int i) => Ids.Role($"concurrent role {i}");

    private static SystemOperationCode Operation(int i) => new($"ConcurrentOperation{i}");

    private static RecordId Record(int i) => Ids.Record($"concurrent record {i}");

    [Fact]
    public async Task ApplyBatchAsync_WhileReadersCheck_ReadersSeeEveryBatchWholeOrNotAtAllAndVersionsNeverGoBack()
    {
        using AdminHarness h = AdminHarness.Create(enabled: []);
        UserId bob = h.Org.UserId("Bob");
        using var done = new CancellationTokenSource();

        Task writer = Task.Run(async () =>
        {
            try
            {
                for (int i = 0; i < Batches; i++)
                {
                    // Units and permissions: a role, Bob's membership in it, and an operation only that role may execute.
                    AccessChangeResult units = await h.Admin.ApplyBatchAsync(
                        AccessActor.System,
                        [
                            new AddRole(new RoleDefinition(Role(i), $"Role {i}", AdminUnitKind.Team, BuiltInRoles.AllEmployees)),
                            new AddMembership(new RoleMembership(bob, Role(i))),
                            new SetSystemOperation(new SystemOperationDefinition(Operation(i))),
                            new SetSystemOperationRows(Operation(i), [new SystemOperationRow(Operation(i), Role(i), 0, true)]),
                        ]);
                    Assert.True(units.IsApplied, units.Message);

                    // Records only: a record and Bob's right to read it.
                    AccessChangeResult records = await h.Admin.ApplyBatchAsync(
                        AccessActor.System,
                        [
                            new CreateRecord(new RecordDefinition(AdminHarness.Account, Record(i))),
                            new ShareRecord(new RecordRightRow(AdminHarness.Account, Record(i), bob, RecordOperation.Read, RecordRightLevel.Allow)),
                        ]);
                    Assert.True(records.IsApplied, records.Message);
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        Task<int>[] readers = [.. Enumerable.Range(0, 3).Select(_ => Task.Run(() => Read(h, bob, done.Token)))];

        await writer;
        int[] reads = await Task.WhenAll(readers);

        Assert.All(reads, count => Assert.True(count > 0));
        Assert.Equal(1 + (2 * Batches), h.Snapshot.Version);
        Read(h, bob, CancellationToken.None, once: true);
    }

    private static int Read(AdminHarness h, UserId bob, CancellationToken done, bool once = false)
    {
        long last = 0;
        int reads = 0;
        do
        {
            AccessSnapshot snapshot = h.Evaluator.Snapshot;
            Assert.True(snapshot.Version >= last, $"Version went back from {last} to {snapshot.Version}.");
            last = snapshot.Version;
            long oneShot = h.Evaluator.GetPrincipal(bob).Snapshot!.Version;
            Assert.True(oneShot >= last, $"A one-shot principal saw version {oneShot} after {last}.");

            AccessPrincipal principal = snapshot.GetPrincipal(bob, AdminHarness.Now);
            int roles = 0;
            int records = 0;
            for (int i = 0; i < Batches; i++)
            {
                bool hasRole = principal.HasEffectiveRole(Role(i));
                AccessDecision operation = principal.CheckSystemOperation(Operation(i));
                Assert.True(hasRole == operation.IsAllowed, $"Version {snapshot.Version}: role {i} {(hasRole ? "without" : "with")} its operation ({operation}).");
                roles += hasRole ? 1 : 0;

                AccessDecision read = principal.CheckRecord(AdminHarness.Account, Record(i), RecordOperation.Read);
                Assert.True(read.IsAllowed || read.Reason == AccessReason.UnknownRecord, $"Version {snapshot.Version}: record {i} without its right ({read}).");
                records += read.IsAllowed ? 1 : 0;
            }

            // Version 1 + two batches per step: roles and records arrive in order, a whole batch at a time.
            Assert.Equal(snapshot.Version - 1, roles + records);
            Assert.InRange(roles - records, 0, 1);
            reads++;
        }
        while (!once && !done.IsCancellationRequested);

        return reads;
    }
}
