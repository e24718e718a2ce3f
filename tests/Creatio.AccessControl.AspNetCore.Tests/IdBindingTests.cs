using System.Net;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests;

/// <summary>Minimal APIs bind the id, name and code types from routes and queries, because they are parsable.</summary>
public sealed class IdBindingTests
{
    [Fact]
    public async Task Ids_BindFromRoutesAndQueries_AndRoundTrip()
    {
        await using TestApp app = await StartAsync();

        using HttpResponseMessage response = await app.GetAsync(
            $"/bind/{BobsDeal.Value:B}/{Ann}?role={Sales}&column=Margin&code=CanManageUsers&grant={BobsDeal.Value:N}&objectName=Opportunity");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"{BobsDeal}|{Ann}|{Sales}|Margin|CanManageUsers|{BobsDeal.Value}|Opportunity", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/bind/not-a-guid/00000000-0000-4000-8000-0000000a0001?role=00000000-0000-4000-8000-0000000b0001&column=A&code=B&grant=00000000-0000-4000-8000-0000000b0001&objectName=O")]
    [InlineData("/bind/00000000-0000-4000-8000-00000000c001/00000000-0000-4000-8000-0000000a0001?role=x&column=A&code=B&grant=00000000-0000-4000-8000-0000000b0001&objectName=O")]
    [InlineData("/bind/00000000-0000-4000-8000-00000000c001/00000000-0000-4000-8000-0000000a0001?role=00000000-0000-4000-8000-0000000b0001&column=%20&code=B&grant=00000000-0000-4000-8000-0000000b0001&objectName=O")]
    public async Task Text_ThatIsNotAnId_AnswersBadRequest(string path)
    {
        await using TestApp app = await StartAsync();

        using HttpResponseMessage response = await app.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(endpoints: a => a.MapGet(
        "/bind/{record}/{user}",
        (RecordId record, UserId user, RoleId role, ColumnName column, SystemOperationCode code, SupportGrantId grant, ObjectName objectName) =>
            Results.Text($"{record}|{user}|{role}|{column}|{code}|{grant}|{objectName}")));
}
