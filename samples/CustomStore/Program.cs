// CustomStore: a store of one's own (a JSON file) and an audit sink of one's own (the console), plugged in with
// UseStore<T> and AddAuditSink<T>; a change made through the administration API lands in the file.
using Creatio.AccessControl;
using Creatio.AccessControl.Serialization;
using CustomStore;
using Microsoft.Extensions.DependencyInjection;

var finance = new RoleId(Guid.NewGuid());
var ann = new UserId(Guid.NewGuid());
var bob = new UserId(Guid.NewGuid());
AccessModel model = new AccessModelBuilder()
    .Add(new RoleDefinition(finance, "Finance", AdminUnitKind.Division, BuiltInRoles.AllEmployees))
    .Add(new UserDefinition(ann, "Ann")).Add(new RoleMembership(ann, finance))
    .Add(new UserDefinition(bob, "Bob"))
    .Add(new ObjectDefinition("Invoice") { UseOperationPermissions = true })
    .Add(new ObjectOperationRow("Invoice", finance, 0, ObjectOperations.Read | ObjectOperations.Edit))
    .Build();

string path = Path.Combine(Path.GetTempPath(), $"creatio-access-store-{Guid.NewGuid():N}.json");
await File.WriteAllTextAsync(path, AccessPolicyJson.Serialize(model));
try
{
    var services = new ServiceCollection();
    services.AddSingleton(new JsonFileAccessStore(path));   // an instance registered first wins over UseStore's own
    services.AddCreatioAccessControl(options => options.EnabledAuditEvents = [AccessAuditEventType.UserRoleChange, AccessAuditEventType.DeniedOperation])
        .UseStore<JsonFileAccessStore>()
        .AddAuditSink<ConsoleAuditSink>();
    await using ServiceProvider provider = services.BuildServiceProvider();

    IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
    Console.WriteLine($"Loaded from {path}, snapshot version {evaluator.Snapshot.Version}.");
    Console.WriteLine($"Bob reads an invoice: {evaluator.CheckObject(bob, "Invoice", ObjectOperation.Read)}");

    IAccessAdministration administration = provider.GetRequiredService<IAccessAdministration>();
    AccessChangeResult result = await administration.ApplyAsync(AccessActor.System, new AddMembership(new RoleMembership(bob, finance)));
    Console.WriteLine($"Bob joins Finance: applied {result.IsApplied}, version {result.Version}.");
    Console.WriteLine($"Bob reads an invoice: {evaluator.CheckObject(bob, "Invoice", ObjectOperation.Read)}");

    AccessModel stored = AccessPolicyJson.Deserialize(await File.ReadAllTextAsync(path));
    bool persisted = stored.Memberships.Contains(new RoleMembership(bob, finance));
    Console.WriteLine($"The file holds Bob's membership: {persisted}.");
    return result.IsApplied && persisted ? 0 : 1;
}
finally
{
    File.Delete(path);
}
