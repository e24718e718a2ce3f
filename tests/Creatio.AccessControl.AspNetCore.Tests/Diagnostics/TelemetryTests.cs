using System.Diagnostics;
using System.Diagnostics.Metrics;
using Creatio.AccessControl.AspNetCore.Tests.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Creatio.AccessControl.AspNetCore.Tests.TestHost.TestModel;

namespace Creatio.AccessControl.AspNetCore.Tests.Diagnostics;

/// <summary>The decision counter counts what the handlers decide, by outcome, stage and check, when somebody listens; the
/// start-up load is a span.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Decisions_AreCountedByOutcomeStageAndCheck()
    {
        await using TestApp app = await TestApp.StartAsync();
        var measurements = new List<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AccessControlTelemetry.MeterName && instrument.Name == AccessControlTelemetry.DecisionsCounterName
                && ReferenceEquals(instrument.Meter.Scope, app.Services.GetRequiredService<IMeterFactory>()))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        listener.Start();

        await app.GetAsync("/opportunities", Bob);
        await app.SendAsync(HttpMethod.Post, "/opportunities", Bob);
        await app.GetAsync($"/opportunities/{AnnsDeal}", Bob);
        await app.GetAsync("/approvals", Ann);
        await app.GetAsync("/opportunities"); // nobody signed in: no decision is made, the request is challenged

        Assert.Equal(
            [
                "allow|Object|object",
                "deny|Object|object",
                "deny|Record|record",
                "allow|SystemOperation|system_operation",
            ],
            measurements.Select(m => $"{m.Tags["outcome"]}|{m.Tags["stage"]}|{m.Tags["check"]}"));
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
    }

    [Fact]
    public async Task StartUpLoad_IsASpan_WhenSomebodyListens()
    {
        using var spans = new SpanRecorder();

        await using TestApp app = await TestApp.StartAsync();

        Activity load = spans.Stopped.Last(a => a.OperationName == AccessControlTelemetry.LoadActivityName);

        Assert.Equal(1L, load.GetTagItem("creatio.access.snapshot_version"));
        Assert.Equal(ActivityStatusCode.Unset, load.Status);
    }

    [Fact]
    public async Task TheCoreLibrarysChangeSpans_HaveTheDocumentedNames()
    {
        using var spans = new SpanRecorder();
        var admin = new UserId(Guid.NewGuid());
        await using TestApp app = await TestApp.StartAsync(source: a => a.UseModel(Build(b => b
            .Add(new UserDefinition(admin, "Admin")).Add(new RoleMembership(admin, BuiltInRoles.SystemAdministrators)))));
        var share = new ShareRecord(new RecordRightRow(Opportunity, AnnsDeal, Bob, RecordOperation.Read, RecordRightLevel.Allow));

        AccessChangeResult result = await app.Services.GetRequiredService<IAccessAdministration>().ApplyAsync(AccessActor.ForUser(admin), share);

        Assert.True(result.IsApplied);
        Assert.Contains(spans.Stopped, s => s.OperationName == AccessControlTelemetry.ApplyActivityName
            && (string?)s.GetTagItem("creatio.access.actor") == AccessActor.ForUser(admin).ToString()
            && (string?)s.GetTagItem("creatio.access.outcome") == "applied");
    }

    /// <summary>Records every span of the library's activity source that stops while it lives.</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly List<Activity> _stopped = [];
        private readonly ActivityListener _listener;

        public SpanRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == AccessControlTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    lock (_stopped)
                    {
                        _stopped.Add(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public Activity[] Stopped
        {
            get
            {
                lock (_stopped)
                {
                    return [.. _stopped];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
