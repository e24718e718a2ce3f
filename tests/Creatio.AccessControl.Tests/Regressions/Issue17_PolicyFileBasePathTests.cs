using Creatio.AccessControl.Tests.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 17: a relative policy file path was resolved against the current directory when <c>UsePolicyFile</c> was
/// called, so a service started from another folder (or a test host whose content root is elsewhere) read the wrong file or
/// none. <see cref="AccessControlOptions.PolicyFileBasePath"/> names the directory it is resolved against when it is first
/// loaded; the ASP.NET Core package sets it to the content root.</summary>
public sealed class Issue17_PolicyFileBasePathTests
{
    [Fact]
    public void RelativePath_IsResolvedAgainstTheBasePath_SetAfterUsePolicyFile()
    {
        using var file = new PolicyFileFixture();
        file.Write(PolicyFileFixture.Model(bobReads: true));
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePolicyFile("policy.json");
        services.Configure<AccessControlOptions>(o => o.PolicyFileBasePath = file.Folder);
        using ServiceProvider provider = services.BuildServiceProvider();

        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();

        Assert.Equal(file.FilePath, provider.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }

    [Fact]
    public void RelativePath_WithoutABasePath_IsResolvedAgainstTheCurrentDirectory()
    {
        string name = $"missing-{Guid.NewGuid():N}.json";
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePolicyFile(name);
        using ServiceProvider provider = services.BuildServiceProvider();

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.Equal(Path.GetFullPath(name), error.FileName);
    }

    [Fact]
    public void FullPath_IgnoresTheBasePath()
    {
        using var file = new PolicyFileFixture();
        file.Write(PolicyFileFixture.Model());
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o => o.PolicyFileBasePath = Path.Combine(file.Folder, "elsewhere")).UsePolicyFile(file.FilePath);
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.True(provider.GetRequiredService<IAccessEvaluator>().CheckObject(PolicyFileFixture.Ann, "Ledger", ObjectOperation.Read).IsAllowed);
        Assert.Equal(file.FilePath, provider.GetRequiredService<IAccessPolicyReloadStatus>().PolicyFilePath);
    }

    [Fact]
    public async Task Reload_ReadsTheResolvedPath()
    {
        using var file = new PolicyFileFixture();
        file.Write(PolicyFileFixture.Model());
        var services = new ServiceCollection();
        services.AddCreatioAccessControl(o => o.PolicyFileBasePath = file.Folder).UsePolicyFile("policy.json");
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAccessEvaluator evaluator = provider.GetRequiredService<IAccessEvaluator>();
        Assert.False(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);

        file.Write(PolicyFileFixture.Model(bobReads: true));
        Assert.True(await provider.GetRequiredService<IAccessPolicyReloadStatus>().ReloadAsync());

        Assert.True(evaluator.CheckObject(PolicyFileFixture.Bob, "Ledger", ObjectOperation.Read).IsAllowed);
    }
}
