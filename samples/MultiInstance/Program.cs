// Two instances of an application on one PostgreSQL database: a change made through the administration API of one
// reaches the other through the change feed (LISTEN/NOTIFY, with polling as a backstop).
// Usage: dotnet run --project samples/MultiInstance -- "Host=localhost;Username=postgres;Password=…;Database=postgres"
//        (or set CREATIO_ACCESS_CONTROL_POSTGRES to the connection string). See README.md to start a local PostgreSQL.
using Creatio.AccessControl;
using Creatio.AccessControl.PostgreSql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

const string Schema = "multi_instance_sample";
string? connectionString = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("CREATIO_ACCESS_CONTROL_POSTGRES");
if (string.IsNullOrWhiteSpace(connectionString))
{
    Console.Error.WriteLine("Give a PostgreSQL connection string as the first argument or in CREATIO_ACCESS_CONTROL_POSTGRES (see samples/MultiInstance/README.md).");
    return 2;
}

var finance = new RoleId(new Guid("5a1e0000-0000-4000-8000-000000000001"));
var ann = new UserId(new Guid("5a1e0000-0000-4000-8000-000000000002"));
var bob = new UserId(new Guid("5a1e0000-0000-4000-8000-000000000003"));

// A first deployment: create the schema and import a small model into a database that holds none.
await using (NpgsqlDataSource setup = NpgsqlDataSource.Create(connectionString))
{
    await PostgreSqlAccessSchema.MigrateAsync(setup, Schema);
    var store = new PostgreSqlAccessStore(setup, Schema);
    if (await store.GetModelVersionAsync() == 0)
    {
        await store.ImportAsync(new AccessModelBuilder()
            .Add(new RoleDefinition(finance, "Finance", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
            .Add(new UserDefinition(ann, "Ann")).Add(new RoleMembership(ann, finance))
            .Add(new UserDefinition(bob, "Bob"))
            .Add(new ObjectDefinition("Ledger") { UseOperationPermissions = true })
            .Add(new ObjectOperationRow("Ledger", finance, Position: 0, ObjectOperations.Read))
            .Build());
    }
}

using IHost east = Instance(connectionString);
using IHost west = Instance(connectionString);
await east.StartAsync();
await west.StartAsync();
IAccessEvaluator westEvaluator = west.Services.GetRequiredService<IAccessEvaluator>();
Console.WriteLine($"east and west hold version {east.Services.GetRequiredService<IAccessEvaluator>().Snapshot.Version} and {westEvaluator.Snapshot.Version}");
Console.WriteLine($"west: may Bob read the ledger? {westEvaluator.CheckObject(bob, "Ledger", ObjectOperation.Read).IsAllowed}");

// Change on east: Bob joins Finance (or leaves it, when an earlier run made him a member).
bool isMember = westEvaluator.Snapshot.Model.Memberships.Contains(new RoleMembership(bob, finance));
AccessChange change = isMember ? new RemoveMembership(new RoleMembership(bob, finance)) : new AddMembership(new RoleMembership(bob, finance));
AccessChangeResult result = await east.Services.GetRequiredService<IAccessAdministration>().ApplyAsync(AccessActor.System, change);
Console.WriteLine($"east: {(isMember ? "Bob leaves Finance" : "Bob joins Finance")}: {(result.IsApplied ? $"committed as version {result.Version}" : result.Message)}");

// The other instance sees it as soon as the notification arrives.
var waited = System.Diagnostics.Stopwatch.StartNew();
while (westEvaluator.Snapshot.Version < result.Version && waited.Elapsed < TimeSpan.FromSeconds(30))
{
    await Task.Delay(1);
}

Console.WriteLine($"west holds version {westEvaluator.Snapshot.Version} after {waited.Elapsed.TotalMilliseconds:F0} ms");
Console.WriteLine($"west: may Bob read the ledger? {westEvaluator.CheckObject(bob, "Ledger", ObjectOperation.Read).IsAllowed}");
Console.WriteLine($"west's change feed: {west.Services.GetRequiredService<PostgreSqlChangeFeed>().Status}");
await east.StopAsync();
await west.StopAsync();
return westEvaluator.Snapshot.Version >= result.Version ? 0 : 1;

static IHost Instance(string connectionString)
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder();
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services.AddCreatioAccessControl().UsePostgreSql(connectionString, options => options.SchemaName = Schema);
    return builder.Build();
}
