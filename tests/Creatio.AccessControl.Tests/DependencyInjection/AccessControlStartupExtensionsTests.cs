using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.DependencyInjection;

/// <summary>The asynchronous first load: <c>UseModelLoader</c> and <c>InitializeCreatioAccessControlAsync</c>.</summary>
public sealed class AccessControlStartupExtensionsTests
{
    [Fact]
    public async Task UseModelLoader_Initialize_EvaluatorStartsOnLoadedModel()
    {
        int loads = 0;
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) =>
        {
            loads++;
            return ValueTask.FromResult(PolicyFileFixture.Model());
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();
        await provider.InitializeCreatioAccessControlAsync();

        AccessEvaluator evaluator = provider.GetRequiredService<AccessEvaluator>();
        Assert.Equal(1, loads);
        Assert.Equal(1, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UseModelLoader_EvaluatorResolvedWhileLoading_DeniesWithoutWaitingThenHoldsModel()
    {
        var release = new TaskCompletionSource<AccessModel>(TaskCreationOptions.RunContinuationsAsynchronously);
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) => new ValueTask<AccessModel>(release.Task));
        using ServiceProvider provider = services.BuildServiceProvider();

        Task initialization = provider.InitializeCreatioAccessControlAsync();
        AccessEvaluator evaluator = provider.GetRequiredService<AccessEvaluator>();

        Assert.False(initialization.IsCompleted);
        Assert.Equal(0, evaluator.Snapshot.Version);
        Assert.False(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);

        release.SetResult(PolicyFileFixture.Model());
        await initialization;

        Assert.Equal(1, evaluator.Snapshot.Version);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UseModelLoader_LoaderThrows_InitializeThrowsAndTheNextCallLoadsAgain()
    {
        int loads = 0;
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) => ++loads == 1
            ? ValueTask.FromException<AccessModel>(new InvalidOperationException("database down"))
            : ValueTask.FromResult(PolicyFileFixture.Model()));
        using ServiceProvider provider = services.BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.InitializeCreatioAccessControlAsync());
        Assert.Equal("database down", failure.Message);

        await provider.InitializeCreatioAccessControlAsync();
        Assert.Equal(2, loads);
        Assert.True(provider.GetRequiredService<AccessEvaluator>().CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UseModelLoader_SettingsOverrides_AppliedToLoadedModel()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(options => options.Environment = "sandbox")
            .UseModelLoader((_, _) => ValueTask.FromResult(PolicyFileFixture.Model()));
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.Equal("sandbox", provider.GetRequiredService<AccessEvaluator>().Snapshot.Model.Settings.SupportAccess.Environment);
    }

    [Fact]
    public async Task UseModelLoader_ThenUseModel_TheLastSourceWins()
    {
        bool loaded = false;
        var services = new ServiceCollection();
        services.AddCreatioAccessControl()
            .UseModelLoader((_, _) =>
            {
                loaded = true;
                return ValueTask.FromResult(AccessModel.Empty);
            })
            .UseModel(PolicyFileFixture.Model());
        using ServiceProvider provider = services.BuildServiceProvider();

        await provider.InitializeCreatioAccessControlAsync();

        Assert.False(loaded);
        Assert.True(provider.GetRequiredService<AccessEvaluator>().CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public async Task UseModelLoader_NullModel_InitializeThrowsNamingTheProblem()
    {
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UseModelLoader((_, _) => ValueTask.FromResult<AccessModel>(null!));
        using ServiceProvider provider = services.BuildServiceProvider();

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.InitializeCreatioAccessControlAsync());

        Assert.Equal("The access model loader returned no model.", failure.Message);
    }
}
