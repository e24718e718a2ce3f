using System.Diagnostics;
using Creatio.AccessControl.PostgreSql;
using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Testing.PostgreSql;
using Npgsql;

namespace Creatio.AccessControl.Benchmarks.PostgreSql;

/// <summary><c>postgres-feed [--changes N]</c>: four instances on a throwaway PostgreSQL holding 5,000 users and 10 roles,
/// each instance with its own data source, evaluator and change feed. A change is one membership added through the
/// administration API (the most frequent change). Times the propagation of N changes committed one after another on one
/// instance until another's evaluator holds them (p50, p99, max), then the committed changes per second with one writer
/// and with four writers on four instances (conflicts retried after catching up), and checks that every instance ends
/// with the database's model.</summary>
internal static class PostgreSqlFeedCommand
{
    private static readonly RoleId[] s_roles = new RoleId[10];
    private static readonly UserId[] s_users = new UserId[5000];
    private static int s_next = -1;

    public static async Task<int> RunAsync(string[] args)
    {
        int changes = 1000;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--changes" && i + 1 < args.Length)
            {
                changes = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: postgres-feed [--changes N]");
                return 2;
            }
        }

        Console.WriteLine($"runtime            {Environment.Version}, {Environment.ProcessorCount} cores");
        await using PostgreSqlServer server = await PostgreSqlServer.StartAsync();
        string connectionString = server.ConnectionStringFor(await server.CreateDatabaseAsync("feed"));
        var builder = new AccessModelBuilder();
        for (int i = 0; i < s_roles.Length; i++)
        {
            s_roles[i] = new RoleId(Guid.NewGuid());
            builder.Add(new RoleDefinition(s_roles[i], $"Role {i}", AdminUnitKind.Division, BuiltInRoles.AllEmployees));
        }

        for (int i = 0; i < s_users.Length; i++)
        {
            s_users[i] = new UserId(Guid.NewGuid());
            builder.Add(new UserDefinition(s_users[i], $"User {i}"));
        }

        await using (NpgsqlDataSource setup = NpgsqlDataSource.Create(connectionString))
        {
            await PostgreSqlAccessSchema.MigrateAsync(setup);
            await new PostgreSqlAccessStore(setup).ImportAsync(builder.Build());
        }

        var instances = new List<Instance>();
        for (int i = 0; i < 4; i++)
        {
            instances.Add(await Instance.StartAsync(connectionString));
        }

        try
        {
            Instance writer = instances[0];
            Instance reader = instances[1];
            for (int i = 0; i < 20; i++)
            {
                await writer.AddMembershipAsync();
            }

            await WaitAsync(() => instances.All(x => x.Evaluator.Snapshot.Version == writer.Evaluator.Snapshot.Version));
            var latencies = new double[changes];
            for (int i = 0; i < changes; i++)
            {
                AccessChangeResult result = await writer.AddMembershipAsync();
                long committed = Stopwatch.GetTimestamp();
                while (reader.Evaluator.Snapshot.Version < result.Version)
                {
                    Thread.Yield();
                }

                latencies[i] = Stopwatch.GetElapsedTime(committed).TotalMilliseconds;
            }

            Array.Sort(latencies);
            Console.WriteLine($"propagation        {changes:N0} changes, commit on one instance -> visible on another: p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms");

            int perWriter = Math.Max(changes / 2, 100);
            Console.WriteLine($"commits, 1 writer  {await ThroughputAsync([writer], perWriter):F0} changes/s ({perWriter:N0} changes)");
            Console.WriteLine($"commits, 4 writers {await ThroughputAsync(instances, perWriter / 4):F0} changes/s ({perWriter / 4 * 4:N0} changes, conflicts retried)");

            long version;
            AccessModel stored;
            await using (NpgsqlDataSource check = NpgsqlDataSource.Create(connectionString))
            {
                VersionedAccessModel loaded = await new PostgreSqlAccessStore(check).LoadVersionedModelAsync();
                (version, stored) = (loaded.Version, loaded.Model);
            }

            await WaitAsync(() => instances.All(x => x.Evaluator.Snapshot.Version == version));
            bool agree = instances.All(x => x.Evaluator.Snapshot.Model.Memberships.Length == stored.Memberships.Length);
            Console.WriteLine($"agreement          every instance at version {version}, {stored.Memberships.Length:N0} memberships: {(agree ? "yes" : "NO")}");
            return agree ? 0 : 1;
        }
        finally
        {
            foreach (Instance instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<double> ThroughputAsync(IReadOnlyList<Instance> writers, int perWriter)
    {
        long start = Stopwatch.GetTimestamp();
        await Task.WhenAll(writers.Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < perWriter; i++)
            {
                await w.AddMembershipAsync();
            }
        })));
        return writers.Count * perWriter / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The instances did not reach the database's version within 60 s.");
            }

            await Task.Delay(1);
        }
    }

    private sealed class Instance : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private Task _running = Task.CompletedTask;

        private Instance(NpgsqlDataSource dataSource, PostgreSqlAccessStore store, AccessEvaluator evaluator)
        {
            DataSource = dataSource;
            Store = store;
            Evaluator = evaluator;
            Feed = new PostgreSqlChangeFeed(store, evaluator);
            Administration = new AccessAdministration(evaluator, store);
        }

        public NpgsqlDataSource DataSource { get; }

        public PostgreSqlAccessStore Store { get; }

        public AccessEvaluator Evaluator { get; }

        public PostgreSqlChangeFeed Feed { get; }

        public AccessAdministration Administration { get; }

        public static async Task<Instance> StartAsync(string connectionString)
        {
            NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
            var store = new PostgreSqlAccessStore(dataSource);
            VersionedAccessModel loaded = await store.LoadVersionedModelAsync();
            var instance = new Instance(dataSource, store, new AccessEvaluator(AccessSnapshot.Compile(loaded.Model, loaded.Version)));
            instance._running = instance.Feed.RunAsync(instance._stop.Token);
            await WaitAsync(() => instance.Feed.Status.IsConnected);
            return instance;
        }

        /// <summary>Adds the next membership, retrying (after catching up) while another instance's commit is not here yet.</summary>
        public async Task<AccessChangeResult> AddMembershipAsync()
        {
            int next = Interlocked.Increment(ref s_next);
            var change = new AddMembership(new RoleMembership(s_users[next % s_users.Length], s_roles[next / s_users.Length]));
            while (true)
            {
                AccessChangeResult result = await Administration.ApplyAsync(AccessActor.System, change);
                if (result.IsApplied)
                {
                    return result;
                }

                if (result.Refusal != AccessChangeRefusal.StoreConflict)
                {
                    throw new InvalidOperationException(result.Message);
                }

                await Feed.CatchUpAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _running;
            _stop.Dispose();
            await DataSource.DisposeAsync();
        }
    }
}
