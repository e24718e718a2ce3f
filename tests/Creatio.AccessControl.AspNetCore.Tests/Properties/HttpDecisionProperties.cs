using System.Net;
using System.Text.Json;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.AspNetCore.Tests.Properties;

/// <summary>Over HTTP, through endpoint metadata, the handlers, the policy provider and the result handler, every decision is
/// the library's own for a random model and random requests: 200 when it allows, 403 with its stage and reason when it
/// denies, 401 when nobody is signed in.</summary>
public sealed class HttpDecisionProperties(HttpDecisionProperties.Fixture fixture) : IClassFixture<HttpDecisionProperties.Fixture>
{
    [Property(Arbitrary = [typeof(RandomWebModel)], MaxTest = 60)]
    public void Decisions_OverHttp_AreTheLibrarys(RandomWebModel random)
    {
        TestApp app = fixture.App;
        AccessEvaluator evaluator = app.Services.GetRequiredService<AccessEvaluator>();
        lock (fixture)
        {
            evaluator.ReplaceAsync(AccessSnapshot.Compile(random.Model)).AsTask().GetAwaiter().GetResult();
            foreach (WebRequest request in random.Requests)
            {
                // Both ways: the endpoint's own metadata, and a policy name through IAuthorizationService.
                Check(app, evaluator, request, byName: false);
                Check(app, evaluator, request, byName: true);
            }
        }
    }

    /// <summary>Sends a request to the endpoint of <see cref="Fixture.MapEndpoints"/> that checks it, by its metadata or by a
    /// policy name, and asserts the answer is the evaluator's decision.</summary>
    internal static void Check(TestApp app, AccessEvaluator evaluator, WebRequest request, bool byName)
    {
        AccessRequest r = request.Request;
        string path = (r.Kind, byName) switch
        {
            (AccessRequestKind.Object, false) => $"/o/{r.Object}/{r.ObjectOperation}",
            (AccessRequestKind.Record, false) => $"/r/{r.Object}/{r.RecordOperation}/{r.Record}",
            (AccessRequestKind.SystemOperation, false) => $"/s/{r.SystemOperation}",
            (AccessRequestKind.Object, true) => $"/by-name?name={AccessPolicyNames.Object(r.Object, r.ObjectOperation)}",
            (AccessRequestKind.Record, true) => $"/by-name?name={AccessPolicyNames.Record(r.Object, r.RecordOperation)}&id={r.Record}",
            _ => $"/by-name?name={AccessPolicyNames.SystemOperation(r.SystemOperation)}",
        };

        using HttpResponseMessage response = request.User is { } user
            ? app.GetAsync(path, user).GetAwaiter().GetResult()
            : app.GetAsync(path).GetAwaiter().GetResult();

        if (request.User is not { } asking)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            return;
        }

        AccessDecision expected = evaluator.GetPrincipal(asking).Check(r);
        if (expected.IsAllowed)
        {
            Assert.True(HttpStatusCode.OK == response.StatusCode, $"{request} via {path}: expected 200 ({expected}), got {(int)response.StatusCode}");
            return;
        }

        Assert.True(HttpStatusCode.Forbidden == response.StatusCode, $"{request} via {path}: expected 403 ({expected}), got {(int)response.StatusCode}");
        if (!byName)
        {
            using JsonDocument body = JsonDocument.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
            Assert.Equal(expected.Stage.ToString(), body.RootElement.GetProperty("stage").GetString());
            Assert.Equal(expected.Reason.ToString(), body.RootElement.GetProperty("reason").GetString());
        }
    }

    /// <summary>One app for the whole property, with an endpoint per object and operation, record operation and system operation.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal TestApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await TestApp.StartAsync(endpoints: MapEndpoints);

        public async Task DisposeAsync() => await App.DisposeAsync();

        /// <summary>Maps an endpoint per object and operation, record operation and system operation, and one that authorizes
        /// by policy name.</summary>
        internal static void MapEndpoints(WebApplication app)
        {
            foreach (string objectName in RandomWebModel.Objects)
            {
                foreach (ObjectOperation operation in Enum.GetValues<ObjectOperation>())
                {
                    app.MapGet($"/o/{objectName}/{operation}", () => "ok").RequireAccess(objectName, operation);
                }

                foreach (RecordOperation operation in Enum.GetValues<RecordOperation>())
                {
                    app.MapGet($"/r/{objectName}/{operation}/{{id}}", () => "ok").RequireRecordAccess(objectName, operation);
                }
            }

            foreach (SystemOperationCode code in RandomWebModel.Operations)
            {
                app.MapGet($"/s/{code}", () => "ok").RequireSystemOperation(code);
            }

            app.MapGet("/by-name", async (string name, RecordId? id, HttpContext http, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization) =>
            {
                Microsoft.AspNetCore.Authorization.AuthorizationResult result = await authorization.AuthorizeAsync(http.User, id, name);
                return result.Succeeded ? Results.Ok("ok") : Results.StatusCode(StatusCodes.Status403Forbidden);
            }).RequireAuthorization();
        }
    }
}
