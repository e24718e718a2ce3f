using System.Collections.Concurrent;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.Administration;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>A policy file reloaded (sometimes into a bad document) while administration changes come from several threads
/// through two owners of the container's evaluator, and readers check: no change throws, every version is either an
/// acknowledged change or a reload, the last reload replaced exactly the changes before it, and versions only grow
/// (issue 13, defect 4: about 8% of such changes used to throw <see cref="ArgumentException"/>).</summary>
public sealed class PolicyFileRaceTests : IDisposable
{
    private const int AdminThreads = 3;
    private const int ChangesPerThread = 30;
    private const int Reloads = 24;

    private readonly PolicyFileFixture _file = new();

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task ReloadsAndChanges_RacingWhileReadersCheck_EachLandsWholeInTurnAndTheFileReplacesWhatCameBefore()
    {
        WriteVariant(0);
        var sink = new RecordingAuditSink();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero)));
        services.AddCreatioAccessControl(o => o.EnabledAuditEvents = [AccessAuditEventType.UserChange])
            .UsePolicyFile(_file.FilePath)
            .AddAuditSink(sink);
        using ServiceProvider provider = services.BuildServiceProvider();
        AccessEvaluator evaluator = provider.GetRequiredService<AccessEvaluator>();
        IAccessAdministration first = provider.GetRequiredService<IAccessAdministration>();
        var second = new AccessAdministration(evaluator, store: null, provider.GetRequiredService<AccessAuditDispatcher>());
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();
        var applied = new ConcurrentDictionary<long, UserId>();
        int goodReloads = 0;
        int lastVariant = 0;
        using var done = new CancellationTokenSource();

        Task[] administrators = [.. Enumerable.Range(0, AdminThreads).Select(t => Task.Run(async () =>
        {
            for (int i = 0; i < ChangesPerThread; i++)
            {
                UserId user = Ids.User($"file race {t}.{i}");
                IAccessAdministration owner = i % 2 == 0 ? first : second;
                AccessChangeResult result = await owner.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(user, $"File race {t}.{i}")));
                Assert.True(result.IsApplied, $"{result.Refusal}: {result.Message}");
                Assert.True(applied.TryAdd(result.Version, user), $"Version {result.Version} was acknowledged twice.");
            }
        }))];

        // One reload in five reads a bad document: it must change nothing and be reported; the next good one clears it.
        Task reloader = Task.Run(async () =>
        {
            for (int k = 1; k <= Reloads; k++)
            {
                bool bad = k % 5 == 3;
                if (bad)
                {
                    Replace(PolicyFileFixture.BadDocument);
                }
                else
                {
                    WriteVariant(k);
                }

                bool published = await reload.ReloadAsync();
                Assert.Equal(!bad, published);
                Assert.Equal(bad, reload.LastReloadError is not null);
                if (published)
                {
                    goodReloads++;
                    lastVariant = k;
                }

                await Task.Yield();
            }
        });

        Task<int>[] readers = [.. Enumerable.Range(0, 2).Select(_ => Task.Run(() => Read(evaluator, done.Token)))];
        try
        {
            await Task.WhenAll([.. administrators, reloader]);
        }
        finally
        {
            await done.CancelAsync();
        }

        Assert.All(await Task.WhenAll(readers), count => Assert.True(count > 0));

        // Every version after the first is an acknowledged change or a good reload, each once.
        AccessSnapshot final = evaluator.Snapshot;
        long[] reloadVersions = [.. Enumerable.Range(2, (int)final.Version - 1).Select(v => (long)v).Where(v => !applied.ContainsKey(v))];
        Assert.Equal(AdminThreads * ChangesPerThread, applied.Count);
        Assert.Equal(goodReloads, reloadVersions.Length);
        Assert.All(applied.Keys, v => Assert.InRange(v, 2, final.Version));

        // The file is the source of truth: the last reload replaced every change before it and kept none of them; every
        // change after it is present.
        long lastReload = reloadVersions.Max();
        Assert.True(final.GetPrincipal(Ids.User($"variant {lastVariant}"), DateTimeOffset.UnixEpoch).IsKnown);
        foreach ((long version, UserId user) in applied)
        {
            Assert.Equal(version > lastReload, final.GetPrincipal(user, DateTimeOffset.UnixEpoch).IsKnown);
        }

        // The audit holds each acknowledged change once, at its version, in version order.
        Assert.Equal(applied.Keys.Order(), sink.Events.Select(e => e.SnapshotVersion));
        Assert.Null(reload.LastReloadError);
    }

    /// <summary>Checks snapshots until told to stop: versions never go back, and every snapshot is a whole model in which
    /// Ann (in every variant of the file) may read the ledger.</summary>
    private static int Read(AccessEvaluator evaluator, CancellationToken done)
    {
        long last = 0;
        int reads = 0;

        // At least one read, even when the thread pool starts this reader only after the writers are done (2 cores).
        do
        {
            AccessSnapshot snapshot = evaluator.Snapshot;
            Assert.True(snapshot.Version >= last, $"Version went back from {last} to {snapshot.Version}.");
            last = snapshot.Version;
            Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
            Assert.True(evaluator.Snapshot.Version >= last);
            reads++;
        }
        while (!done.IsCancellationRequested);

        return reads;
    }

    /// <summary>Writes the file's variant <paramref name="k"/>: the fixture's model plus a user that names it.</summary>
    private void WriteVariant(int k)
    {
        AccessModelBuilder model = PolicyFileFixture.Model().ToBuilder();
        model.Add(new UserDefinition(Ids.User($"variant {k}"), $"Variant {k}"));
        Replace(AccessPolicyJson.Serialize(model.Build()));
    }

    /// <summary>Replaces the file in one step, so that a reload never reads half of it.</summary>
    private void Replace(string text)
    {
        string temporary = _file.FilePath + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, _file.FilePath, overwrite: true);
    }
}
