namespace Creatio.AccessControl.AspNetCore.Tests.TestHost;

/// <summary>One started <see cref="TestApp"/> with the defaults, shared by the tests of a class that only read.</summary>
public sealed class DefaultAppFixture : IAsyncLifetime
{
    internal TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
