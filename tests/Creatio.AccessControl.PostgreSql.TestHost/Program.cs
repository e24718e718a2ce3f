// One application instance in a process of its own, driven by the PostgreSQL package's tests over standard input and
// output: dotnet Creatio.AccessControl.PostgreSql.TestHost.dll <connection string> <name> <changes>
//   prints "ready <version>" once started;
//   on "go", adds <changes> users named "<name> <i>" through the administration API (a store conflict is retried after
//   catching up) and prints "written";
//   on "expect <version>", waits until its evaluator holds that version and prints "at <version> <fingerprint>";
//   on "stop" (or end of input), stops.
using Creatio.AccessControl;
using Creatio.AccessControl.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

if (args.Length != 3)
{
    Console.Error.WriteLine("Usage: <connection string> <name> <changes>");
    return 2;
}

string name = args[1];
int changes = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
HostApplicationBuilder builder = Host.CreateApplicationBuilder();
builder.Logging.ClearProviders();
builder.Services.AddCreatioAccessControl().UsePostgreSql(args[0], options => options.ChangeFeedPollInterval = TimeSpan.FromSeconds(1));
using IHost host = builder.Build();
await host.StartAsync();
AccessEvaluator evaluator = host.Services.GetRequiredService<AccessEvaluator>();
IAccessAdministration administration = host.Services.GetRequiredService<IAccessAdministration>();
PostgreSqlChangeFeed feed = host.Services.GetRequiredService<PostgreSqlChangeFeed>();
Console.WriteLine($"ready {evaluator.Snapshot.Version}");

while (Console.ReadLine() is { } line && line != "stop")
{
    if (line == "go")
    {
        for (int i = 0; i < changes; i++)
        {
            var change = new AddUser(new UserDefinition(new UserId(Guid.NewGuid()), $"{name} {i}"));
            while (true)
            {
                AccessChangeResult result = await administration.ApplyAsync(AccessActor.System, change);
                if (result.IsApplied)
                {
                    break;
                }

                if (result.Refusal != AccessChangeRefusal.StoreConflict)
                {
                    Console.WriteLine($"refused {result.Message}");
                    return 1;
                }

                await feed.CatchUpAsync();
            }
        }

        Console.WriteLine("written");
    }
    else if (line.StartsWith("expect ", StringComparison.Ordinal))
    {
        long version = long.Parse(line["expect ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (evaluator.Snapshot.Version < version && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(5);
        }

        AccessSnapshot snapshot = evaluator.Snapshot;
        Console.WriteLine($"at {snapshot.Version} {Fingerprint(snapshot.Model)}");
    }
}

await host.StopAsync();
return 0;

static string Fingerprint(AccessModel model) =>
    string.Join(",", model.Users.Select(u => u.Name).Order(StringComparer.Ordinal));
