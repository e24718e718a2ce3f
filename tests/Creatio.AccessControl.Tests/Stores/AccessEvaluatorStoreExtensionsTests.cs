using Creatio.AccessControl.Stores;
using Creatio.AccessControl.Tests.DependencyInjection;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.Stores;

/// <summary>Keeping an evaluator current with a store several instances write: changes read from the store's log, whole
/// models read again, and the store's version on the first snapshot.</summary>
public sealed class AccessEvaluatorStoreExtensionsTests
{
    private static readonly RoleId Finance = Ids.Role("Finance");

    private static AccessModelDelta BobJoinsFinance() => new([new AddMembershipEdit(new RoleMembership(PolicyFileFixture.Bob, Finance))]);

    private static AccessEvaluator EvaluatorAt(long version) => new(AccessSnapshot.Compile(PolicyFileFixture.Model(), version));

    [Fact]
    public async Task ApplyStoreChangeAsync_AtTheBaseVersion_PublishesTheChangeAtItsVersion()
    {
        AccessEvaluator evaluator = EvaluatorAt(4);

        AccessStoreChangeOutcome outcome = await evaluator.ApplyStoreChangeAsync(4, 5, BobJoinsFinance());

        Assert.Equal(AccessStoreChangeOutcome.Applied, outcome);
        Assert.Equal(5, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
        AccessSnapshot fromScratch = AccessSnapshot.Compile(PolicyFileFixture.Model().Apply(BobJoinsFinance()));
        Assert.Equal(
            fromScratch.GetPrincipal(PolicyFileFixture.Bob, DateTimeOffset.UnixEpoch).CheckObject("Ledger", ObjectOperation.Edit),
            evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Edit));
    }

    [Fact]
    public async Task ApplyStoreChangeAsync_EvaluatorAlreadyHoldsTheVersion_PublishesNothing()
    {
        AccessEvaluator evaluator = EvaluatorAt(5);
        AccessSnapshot before = evaluator.Snapshot;

        AccessStoreChangeOutcome outcome = await evaluator.ApplyStoreChangeAsync(4, 5, BobJoinsFinance());

        Assert.Equal(AccessStoreChangeOutcome.AlreadyApplied, outcome);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task ApplyStoreChangeAsync_AnotherBaseVersion_PublishesNothingAndSaysSo()
    {
        AccessEvaluator evaluator = EvaluatorAt(3);
        AccessSnapshot before = evaluator.Snapshot;

        AccessStoreChangeOutcome outcome = await evaluator.ApplyStoreChangeAsync(4, 5, BobJoinsFinance());

        Assert.Equal(AccessStoreChangeOutcome.NotAtBaseVersion, outcome);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task ApplyStoreChangeAsync_ChangeDoesNotApply_ThrowsAndKeepsTheSnapshot()
    {
        AccessEvaluator evaluator = EvaluatorAt(4);
        AccessSnapshot before = evaluator.Snapshot;
        AccessModelDelta annJoinsAgain = new([new AddMembershipEdit(new RoleMembership(PolicyFileFixture.Ann, Finance))]);

        var failure = await Assert.ThrowsAsync<AccessModelValidationException>(() => evaluator.ApplyStoreChangeAsync(4, 5, annJoinsAgain).AsTask());

        Assert.Contains("does not apply", failure.Message, StringComparison.Ordinal);
        Assert.Same(before, evaluator.Snapshot);
    }

    [Fact]
    public async Task ApplyStoreChangeAsync_VersionNotAfterTheBase_ThrowsNamingIt()
    {
        AccessEvaluator evaluator = EvaluatorAt(4);

        var failure = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => evaluator.ApplyStoreChangeAsync(4, 4, BobJoinsFinance()).AsTask());

        Assert.Equal("version", failure.ParamName);
    }

    [Fact]
    public async Task ReplaceFromStoreAsync_NewerModel_PublishedAtTheStoreVersion()
    {
        AccessEvaluator evaluator = EvaluatorAt(4);

        bool published = await evaluator.ReplaceFromStoreAsync(new VersionedAccessModel(PolicyFileFixture.Model(bobReads: true), 9));

        Assert.True(published);
        Assert.Equal(9, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task ReplaceFromStoreAsync_EvaluatorHoldsThatVersionOrLater_PublishesNothing()
    {
        AccessEvaluator evaluator = EvaluatorAt(9);

        bool published = await evaluator.ReplaceFromStoreAsync(new VersionedAccessModel(PolicyFileFixture.Model(bobReads: true), 9));

        Assert.False(published);
        Assert.False(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public void VersionedAccessModel_VersionZero_Throws()
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => new VersionedAccessModel(AccessModel.Empty, 0));

        Assert.Equal("version", failure.ParamName);
    }

    [Fact]
    public async Task UseModelLoader_VersionedLoader_FirstSnapshotCarriesTheStoreVersion()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) => ValueTask.FromResult(new VersionedAccessModel(PolicyFileFixture.Model(), 42)));
        using ServiceProvider provider = services.BuildServiceProvider();
        AccessEvaluator resolvedEarly = provider.GetRequiredService<AccessEvaluator>();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.Equal(42, resolvedEarly.Snapshot.Version);
        Assert.True(resolvedEarly.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UseModelLoader_VersionedLoaderAndEvaluatorResolvedAfterTheLoad_StartsAtTheStoreVersion()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) => ValueTask.FromResult(new VersionedAccessModel(PolicyFileFixture.Model(), 42)));
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.Equal(42, provider.GetRequiredService<AccessEvaluator>().Snapshot.Version);
    }
}
