using Creatio.AccessControl.Tests.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The evaluator's one serialized publish path: <see cref="AccessEvaluator.PublishAsync"/> and
/// <see cref="AccessEvaluator.ReplaceAsync"/>.</summary>
public sealed class AccessEvaluatorPublishTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static AccessEvaluator Evaluator(long version = 1) =>
        new(AccessSnapshot.Compile(PolicyFileFixture.Model(), version), new FakeTimeProvider(s_start));

    private static ValueTask<AccessSnapshot?> Nothing(AccessSnapshot current, CancellationToken cancellationToken) => ValueTask.FromResult<AccessSnapshot?>(null);

    [Fact]
    public async Task ReplaceAsync_GreaterVersion_PublishesThatSnapshotAndNewChecksSeeIt()
    {
        AccessEvaluator evaluator = Evaluator();
        AccessPrincipal old = evaluator.GetPrincipal(PolicyFileFixture.Bob);
        AccessSnapshot next = AccessSnapshot.Compile(PolicyFileFixture.Model(bobReads: true), 2);

        AccessSnapshot published = await evaluator.ReplaceAsync(next);

        Assert.Same(next, published);
        Assert.Same(next, evaluator.Snapshot);
        Assert.Equal(1, old.Snapshot!.Version);
        Assert.Equal(AccessReason.NoMatchingObjectRow, old.CheckObject("Ledger", ObjectOperation.Read).Reason);
        Assert.Equal(AccessReason.ObjectRowAllows, evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).Reason);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    [InlineData(0)]
    public async Task ReplaceAsync_VersionNotGreater_PublishesACopyAtTheNextVersion(long version)
    {
        AccessEvaluator evaluator = Evaluator(version: 5);
        AccessSnapshot next = AccessSnapshot.Compile(PolicyFileFixture.Model(bobReads: true), version);

        AccessSnapshot published = await evaluator.ReplaceAsync(next);

        Assert.Equal(6, published.Version);
        Assert.Same(published, evaluator.Snapshot);
        Assert.Same(next.Model, published.Model);
        Assert.Equal(version, next.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task PublishAsync_NextIsGivenTheCurrentSnapshot_AndItsResultIsPublishedAtTheNextVersion()
    {
        AccessEvaluator evaluator = Evaluator(version: 3);
        AccessSnapshot first = evaluator.Snapshot;
        AccessSnapshot? given = null;

        AccessSnapshot? published = await evaluator.PublishAsync((current, _) =>
        {
            given = current;
            return ValueTask.FromResult<AccessSnapshot?>(AccessSnapshot.Compile(current.Model));
        });

        Assert.Same(first, given);
        Assert.Equal(4, published!.Version);
        Assert.Same(published, evaluator.Snapshot);
    }

    [Fact]
    public async Task PublishAsync_NextReturnsNull_PublishesNothing()
    {
        AccessEvaluator evaluator = Evaluator();
        AccessSnapshot before = evaluator.Snapshot;

        AccessSnapshot? published = await evaluator.PublishAsync(Nothing);

        Assert.Null(published);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task PublishAsync_NextThrows_PublishesNothingAndTheNextPublicationGoesThrough()
    {
        AccessEvaluator evaluator = Evaluator();
        AccessSnapshot before = evaluator.Snapshot;

        var error = await Assert.ThrowsAsync<IOException>(async () => await evaluator.PublishAsync((_, _) => throw new IOException("The store is unreachable.")));
        Assert.Equal("The store is unreachable.", error.Message);
        Assert.Same(before, evaluator.Snapshot);

        AccessSnapshot published = await evaluator.ReplaceAsync(AccessSnapshot.Compile(PolicyFileFixture.Model()));
        Assert.Equal(2, published.Version);
    }

    [Fact]
    public async Task PublishAsync_WhileAnotherPublicationRuns_WaitsForIt_AndChecksDoNot()
    {
        AccessEvaluator evaluator = Evaluator();
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<AccessSnapshot?> first = evaluator.PublishAsync(async (current, _) =>
        {
            inside.SetResult();
            await release.Task;
            return AccessSnapshot.Compile(current.Model);
        }).AsTask();
        await inside.Task;
        bool secondRan = false;

        Task<AccessSnapshot?> second = evaluator.PublishAsync((current, _) =>
        {
            secondRan = true;
            return ValueTask.FromResult<AccessSnapshot?>(AccessSnapshot.Compile(current.Model));
        }).AsTask();
        await Task.Delay(50);

        Assert.False(second.IsCompleted);
        Assert.False(secondRan);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.Equal(1, evaluator.Snapshot.Version);
        release.SetResult();
        Assert.Equal(2, (await first)!.Version);
        Assert.Equal(3, (await second)!.Version);
    }

    [Fact]
    public async Task PublishAsync_CanceledWhileWaiting_PublishesNothingAndNeverRuns()
    {
        AccessEvaluator evaluator = Evaluator();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<AccessSnapshot?> first = evaluator.PublishAsync(async (_, _) =>
        {
            await release.Task;
            return null;
        }).AsTask();
        using var cancellation = new CancellationTokenSource();
        bool ran = false;
        Task<AccessSnapshot?> waiting = evaluator.PublishAsync(
            (current, _) =>
            {
                ran = true;
                return ValueTask.FromResult<AccessSnapshot?>(current);
            },
            cancellation.Token).AsTask();

        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await first;

        Assert.False(ran);
        Assert.Equal(1, evaluator.Snapshot.Version);
    }

    [Fact]
    public async Task PublishAsync_ManyPublishersAtOnce_RunOneAtATimeAndGetConsecutiveVersions()
    {
        const int Publishers = 8;
        const int Each = 40;
        AccessEvaluator evaluator = Evaluator();
        int running = 0;
        int overlaps = 0;
        var given = new System.Collections.Concurrent.ConcurrentBag<long>();

        await Task.WhenAll(Enumerable.Range(0, Publishers).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < Each; i++)
            {
                await evaluator.PublishAsync(async (current, _) =>
                {
                    if (Interlocked.Increment(ref running) != 1)
                    {
                        Interlocked.Increment(ref overlaps);
                    }

                    given.Add(current.Version);
                    await Task.Yield();
                    Interlocked.Decrement(ref running);
                    return AccessSnapshot.Compile(current.Model, 0);
                });
            }
        })));

        Assert.Equal(0, overlaps);
        Assert.Equal(Enumerable.Range(1, Publishers * Each).Select(v => (long)v), given.Order());
        Assert.Equal(1 + (Publishers * Each), evaluator.Snapshot.Version);
    }

    [Fact]
    public async Task PublishAsync_Null_ThrowsArgumentNullException()
    {
        AccessEvaluator evaluator = Evaluator();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await evaluator.PublishAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await evaluator.ReplaceAsync(null!));
    }
}
