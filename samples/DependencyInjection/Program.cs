// DependencyInjection: a generic host with AddCreatioAccessControl, a policy file shipped with the sample, options
// overrides and their validation, checks on the real system clock, and a reload of a changed and of a broken file.
using Creatio.AccessControl;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

var ann = new UserId(new Guid("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0001"));
var bob = new UserId(new Guid("0b6f3c52-6f1e-4c1a-9a55-1f0d7a1c0002"));

// Work on a copy so that the reload demo never changes the file shipped with the sample.
string policy = Path.Combine(Path.GetTempPath(), $"creatio-access-policy-{Guid.NewGuid():N}.json");
File.Copy(Path.Combine(AppContext.BaseDirectory, "policy.json"), policy);
try
{
    HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    builder.Services
        .AddCreatioAccessControl(options =>
        {
            options.Environment = "production";                 // pinned by the host, whatever the file says
            options.EnabledAuditEvents = [AccessAuditEventType.DeniedOperation];
        })
        .UsePolicyFile(policy, reloadOnChange: true)            // polled every PolicyFilePollInterval (2 s)
        .AddAuditSink(new ConsoleAuditSink());

    using IHost host = builder.Build();
    await host.StartAsync();                                    // validates the options (ValidateOnStart)

    IAccessEvaluator evaluator = host.Services.GetRequiredService<IAccessEvaluator>();
    IAccessPolicyReloadStatus reload = host.Services.GetRequiredService<IAccessPolicyReloadStatus>();
    Console.WriteLine($"Loaded {reload.PolicyFilePath} as snapshot version {evaluator.Snapshot.Version}.");
    Console.WriteLine($"Ann edits an invoice:  {evaluator.CheckObject(ann, "Invoice", ObjectOperation.Edit)}");
    Console.WriteLine($"Bob reads an invoice:  {evaluator.CheckObject(bob, "Invoice", ObjectOperation.Read)}");

    // Give Bob Read in the file and reload now (the watcher would do the same at its next poll).
    string text = await File.ReadAllTextAsync(policy);
    await File.WriteAllTextAsync(policy, text.Replace("\"operations\": []", "\"operations\": [ \"Read\" ]", StringComparison.Ordinal));
    await reload.ReloadAsync();
    Console.WriteLine($"After the reload (version {evaluator.Snapshot.Version}), Bob reads an invoice: {evaluator.CheckObject(bob, "Invoice", ObjectOperation.Read)}");

    // A broken file is refused: the snapshot in use stays, and the status says why.
    await File.WriteAllTextAsync(policy, "{ \"formatVersion\": 1, \"users\": [ { \"name\": \"No id\" } ] }");
    bool published = await reload.ReloadAsync();
    Console.WriteLine($"Broken file published: {published}; still version {evaluator.Snapshot.Version}.");
    Console.WriteLine($"Why: {reload.LastReloadError?.Message}");

    await host.StopAsync();
}
finally
{
    File.Delete(policy);
}

// Invalid options fail at start-up, every broken option listed with its value.
HostApplicationBuilder broken = Host.CreateApplicationBuilder(args);
broken.Logging.ClearProviders();
broken.Services.AddCreatioAccessControl(options =>
{
    options.TimeZoneId = "Mars/Olympus";
    options.SupportAccessMaxDurationDays = 10;
    options.SupportAccessDefaultDurationDays = 30;
});
using (IHost host = broken.Build())
{
    try
    {
        await host.StartAsync();
        Console.WriteLine("Unexpected: invalid options were accepted.");
        return 1;
    }
    catch (OptionsValidationException invalid)
    {
        Console.WriteLine("Invalid options refused at start-up:");
        foreach (string failure in invalid.Failures)
        {
            Console.WriteLine($"  {failure}");
        }
    }
}

return 0;

/// <summary>Writes audit events to the console.</summary>
internal sealed class ConsoleAuditSink : IAccessAuditSink
{
    public void Write(in AccessAuditEvent auditEvent) => Console.WriteLine($"  audit: {auditEvent.Type} {auditEvent.Description}");
}
