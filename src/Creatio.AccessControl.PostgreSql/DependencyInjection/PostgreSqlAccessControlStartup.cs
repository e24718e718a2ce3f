using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Creatio.AccessControl.PostgreSql;

/// <summary>Creates or upgrades the schema and loads the model while the host starts, before any hosted service's
/// <c>StartAsync</c>; flushes the audit log when the host stops.</summary>
internal sealed class PostgreSqlAccessControlStartup(IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => services.InitializeCreatioAccessControlAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<PostgreSqlAccessAuditSink>().FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The host stops waiting; disposing the sink gives the events their last chance.
        }
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
