using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Administration;

/// <summary>An evaluator, an administration API, an in-memory store and an in-memory audit sink over one small organization.</summary>
/// <remarks>
/// The organization: All employees › Head office › Sales (with its Manager unit), Temp and Creators under All employees,
/// the functional role Secretaries (linked to Head office), the portal organization Acme under All portal users (linked to the Acme account).
/// Users: Alice (Sales), Bob (who delegated to Temp), Carol (Managers of Sales), Actor (no role; the tests grant it what they need), Admin (System
/// administrators), Pat (portal user of Acme). Object Account uses operation and record permissions: Creators may do
/// everything, All employees may read, edit and delete (the record step decides). Records r1 (by Alice) and r2 (by Bob).
/// Default record rules: a record made by a member of Sales is readable by Head office; a record made by a portal user is
/// readable by the author's portal organization. Every audit event type is enabled unless the test says otherwise.
/// </remarks>
internal sealed class AdminHarness : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ObjectName Account = "Account";

    public static readonly ColumnName Revenue = "Revenue";

    public static readonly RecordId R1 = Ids.Record("r1");

    public static readonly RecordId R2 = Ids.Record("r2");

    public static readonly AccountId AcmeAccount = Ids.Account("Acme");

    private AdminHarness(Org org, AccessModel model, AccessAuditDispatcher dispatcher, InMemoryAccessAuditSink sink, Func<InMemoryAccessStore, IAccessStoreWriter>? writer)
    {
        Org = org;
        Time = new FakeTimeProvider(Now);
        Store = new InMemoryAccessStore(model, 1);
        Evaluator = new AccessEvaluator(AccessSnapshot.Compile(model, 1), Time, dispatcher);
        Sink = sink;
        Dispatcher = dispatcher;
        Admin = new AccessAdministration(Evaluator, writer is null ? Store : writer(Store), dispatcher);
        AuditLog = new AccessAuditLog(Evaluator, sink, dispatcher);
    }

    public Org Org { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryAccessStore Store { get; }

    public AccessEvaluator Evaluator { get; }

    public AccessAdministration Admin { get; }

    public InMemoryAccessAuditSink Sink { get; }

    /// <summary>Gets the audit log that reads <see cref="Sink"/> and writes to every sink.</summary>
    public AccessAuditLog AuditLog { get; }

    public AccessAuditDispatcher Dispatcher { get; }

    public AccessSnapshot Snapshot => Evaluator.Snapshot;

    public static IReadOnlyList<AccessAuditEventType> AllEventTypes { get; } = Enum.GetValues<AccessAuditEventType>();

    /// <summary>Creates the harness.</summary>
    /// <param name="configure">Edits the organization before it is built (extra rows, settings).</param>
    /// <param name="enabled">The enabled audit event types; every type when <see langword="null"/>.</param>
    /// <param name="sinks">Sinks placed before the in-memory sink.</param>
    /// <param name="writer">Replaces the in-memory store as the writer (the store keeps the first model).</param>
    public static AdminHarness Create(
        Action<Org>? configure = null,
        IReadOnlyList<AccessAuditEventType>? enabled = null,
        IReadOnlyList<IAccessAuditSink>? sinks = null,
        Func<InMemoryAccessStore, IAccessStoreWriter>? writer = null)
    {
        Org org = BaseOrg();
        org.Builder.Settings = org.Builder.Settings with { EnabledAuditEvents = enabled ?? AllEventTypes };
        configure?.Invoke(org);
        AccessModel model = org.Build();
        var sink = new InMemoryAccessAuditSink();
        var dispatcher = new AccessAuditDispatcher([.. sinks ?? [], sink]);
        return new AdminHarness(org, model, dispatcher, sink, writer);
    }

    public static Org BaseOrg()
    {
        Org org = new Org()
            .Organization("Head office", "All employees")
            .Role("Sales", "Head office")
            .Managers("Sales")
            .Role("Temp", "All employees")
            .Role("Creators", "All employees")
            .Functional("Secretaries")
            .Organization("Acme", "All portal users")
            .User("Alice", "Sales")
            .User("Bob")
            .User("Carol", "Managers of Sales")
            .User("Actor")
            .User("Admin", "System administrators")
            .Portal("Pat", "Acme")
            .Link("Secretaries", "Head office")
            .Delegate("Bob", "Temp");
        int acme = org.Builder.Roles.IndexOf(org.Builder.Roles.Single(r => r.Id == org["Acme"]));
        org.Builder.Roles[acme] = org.Builder.Roles[acme] with { Account = AcmeAccount };
        int pat = org.Builder.Users.IndexOf(org.Builder.Users.Single(u => u.Id == org.UserId("Pat")));
        org.Builder.Users[pat] = org.Builder.Users[pat] with { Account = AcmeAccount };

        org.Builder.Add(new ObjectDefinition(Account)
        {
            UseOperationPermissions = true,
            UseRecordPermissions = true,
            Columns = ["Name", Revenue],
        });
        org.Builder.Add(new ObjectOperationRow(Account, org.Unit("Creators"), 0, ObjectOperations.Read | ObjectOperations.Create | ObjectOperations.Edit | ObjectOperations.Delete));
        org.Builder.Add(new ObjectOperationRow(Account, BuiltInRoles.AllEmployees, 1, ObjectOperations.Read | ObjectOperations.Edit | ObjectOperations.Delete));
        org.Builder.Add(new RecordDefinition(Account, R1, org.UserId("Alice"), org.UserId("Alice")));
        org.Builder.Add(new RecordDefinition(Account, R2, org.UserId("Bob"), org.UserId("Bob")));
        org.Builder.Add(new DefaultRecordRightRule(Account, org.Unit("Sales"), org.Unit("Head office"), RecordOperation.Read, RecordRightLevel.Allow));
        org.Builder.Add(new DefaultRecordRightRule(Account, BuiltInRoles.AllPortalUsers, null, RecordOperation.Read, RecordRightLevel.Allow));
        return org;
    }

    /// <summary>Grants system operations to a unit with rows after every existing row of each operation.</summary>
    public static void Grant(Org org, string unit, params SystemOperationCode[] operations)
    {
        foreach (SystemOperationCode operation in operations)
        {
            int position = org.Builder.SystemOperationRows.Where(r => r.Operation == operation).Select(r => r.Position + 1).DefaultIfEmpty(0).Max();
            org.Builder.Add(new SystemOperationRow(operation, org.Unit(unit), position, true));
        }
    }

    public AccessActor User(string name) => AccessActor.ForUser(Org.UserId(name));

    public AccessPrincipal Principal(string name) => Snapshot.GetPrincipal(Org.UserId(name), Now);

    public ValueTask<AccessChangeResult> ApplyAsync(AccessActor actor, params AccessChange[] changes) =>
        Admin.ApplyBatchAsync(actor, changes);

    /// <summary>Releases nothing: the administration API holds nothing to release (it publishes through the evaluator's
    /// gate); tests scope a harness with <c>using</c> all the same.</summary>
    public void Dispose()
    {
    }
}
