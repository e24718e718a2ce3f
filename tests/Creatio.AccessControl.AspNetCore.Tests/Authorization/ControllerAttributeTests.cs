using System.Net;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Authorization;

/// <summary>Controllers are protected by <see cref="RequireAccessAttribute"/>, <see cref="RequireRecordAccessAttribute"/>,
/// <see cref="RequireSystemOperationAttribute"/> and policy names, as minimal APIs are by the endpoint methods.</summary>
public sealed class ControllerAttributeTests(ControllerAttributeTests.Fixture fixture) : IClassFixture<ControllerAttributeTests.Fixture>
{
    private readonly TestApp _app = fixture.App;

    [Theory]
    [InlineData("GET", "/mvc/opportunities", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/mvc/opportunities", "Bob", HttpStatusCode.OK)]
    [InlineData("GET", "/mvc/opportunities", "Ian", HttpStatusCode.Forbidden)]
    [InlineData("DELETE", "/mvc/opportunities/00000000-0000-4000-8000-00000000c001", "Bob", HttpStatusCode.Forbidden)]
    [InlineData("DELETE", "/mvc/opportunities/00000000-0000-4000-8000-00000000c001", "Ann", HttpStatusCode.NoContent)]
    [InlineData("DELETE", "/mvc/opportunities/00000000-0000-4000-8000-00000000c002", "Carol", HttpStatusCode.NoContent)]
    [InlineData("GET", "/mvc/opportunities/approvals", "Ann", HttpStatusCode.OK)]
    [InlineData("GET", "/mvc/opportunities/approvals", "Bob", HttpStatusCode.Forbidden)]
    [InlineData("POST", "/mvc/opportunities", "Ann", HttpStatusCode.OK)]
    [InlineData("POST", "/mvc/opportunities", "Bob", HttpStatusCode.Forbidden)]
    [InlineData("GET", "/mvc/opportunities/public", null, HttpStatusCode.OK)]
    public async Task Action_AnswersAsTheLibraryDecides(string method, string path, string? user, HttpStatusCode status)
    {
        using HttpResponseMessage response = await _app.SendAsync(
            new HttpMethod(method), path, user is null ? null : EndpointAuthorizationTests.UserNamed(user));

        Assert.Equal(status, response.StatusCode);
    }

    [Fact]
    public async Task ClassAndActionAttributes_BothApply()
    {
        // Ian is inactive: the class's object requirement denies him, whatever the action's record requirement says.
        using HttpResponseMessage response = await _app.SendAsync(HttpMethod.Delete, $"/mvc/opportunities/{BobsDeal}", Ian);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("InactiveUser", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_BindFromRoutesAndQueries()
    {
        using HttpResponseMessage route = await _app.GetAsync($"/mvc/opportunities/{BobsDeal.Value:N}", Bob);
        using HttpResponseMessage query = await _app.GetAsync($"/mvc/opportunities/bind?record={BobsDeal}&user={Ann}&objectName=Opportunity");
        using HttpResponseMessage bad = await _app.GetAsync("/mvc/opportunities/bind?record=nope&user=nope&objectName=Opportunity");

        Assert.Equal(BobsDeal.ToString(), await route.Content.ReadAsStringAsync());
        Assert.Equal($"{BobsDeal}|{Ann}|Opportunity", await query.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    public sealed class Fixture : IAsyncLifetime
    {
        internal TestApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await TestApp.StartAsync(
            services: b => b.Services.AddControllers().AddApplicationPart(typeof(OpportunitiesController).Assembly),
            endpoints: a => a.MapControllers());

        public async Task DisposeAsync() => await App.DisposeAsync();
    }
}
