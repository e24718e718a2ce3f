using System.Diagnostics;
using System.Diagnostics.Metrics;
using Creatio.AccessControl.Tests.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.Diagnostics;

/// <summary>Administration batches and policy file reloads are spans of the <c>Creatio.AccessControl</c> activity source and
/// counts of its meter, when somebody listens.</summary>
[Collection(nameof(AccessControlDiagnosticsTests))]
[CollectionDefinition(nameof(AccessControlDiagnosticsTests), DisableParallelization = true)]
public sealed class AccessControlDiagnosticsTests : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _counts = [];
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public AccessControlDiagnosticsTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Creatio.AccessControl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_spans)
                {
                    _spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Creatio.AccessControl")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_counts)
            {
                _counts.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _meters.Start();
    }

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task Batches_AreSpansAndCounts_AppliedOrRefused()
    {
        var ann = new UserId(Guid.NewGuid());
        AccessModel model = new AccessModelBuilder()
            .Add(new UserDefinition(ann, "Ann")).Add(new RoleMembership(ann, BuiltInRoles.SystemAdministrators))
            .Build();
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(model));
        var administration = new AccessAdministration(evaluator);
        var bob = new UserId(Guid.NewGuid());

        AccessChangeResult applied = await administration.ApplyAsync(AccessActor.ForUser(ann), new AddUser(new UserDefinition(bob, "Bob")));
        AccessChangeResult refused = await administration.ApplyAsync(AccessActor.ForUser(bob), new DeleteUser(ann));

        Assert.True(applied.IsApplied);
        Assert.False(refused.IsApplied);
        Activity[] spans = Spans("creatio.access.apply", s => s.GetTagItem("creatio.access.actor") is string actor
            && (actor == AccessActor.ForUser(ann).ToString() || actor == AccessActor.ForUser(bob).ToString()));
        Assert.Equal(2, spans.Length);
        Assert.Equal("applied", spans[0].GetTagItem("creatio.access.outcome"));
        Assert.Equal(2L, spans[0].GetTagItem("creatio.access.snapshot_version"));
        Assert.Equal(1, spans[0].GetTagItem("creatio.access.changes"));
        Assert.Equal(ActivityStatusCode.Unset, spans[0].Status);
        Assert.Equal("refused", spans[1].GetTagItem("creatio.access.outcome"));
        Assert.Equal("NotPermitted", spans[1].GetTagItem("creatio.access.refusal"));
        Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
        Assert.Equal(refused.Message, spans[1].StatusDescription);
        Assert.Contains(Counts("creatio.access.changes"), c => (string?)c["outcome"] == "applied" && (string?)c["refusal"] == "None");
        Assert.Contains(Counts("creatio.access.changes"), c => (string?)c["outcome"] == "refused" && (string?)c["refusal"] == "NotPermitted");
    }

    [Fact]
    public async Task Reloads_AreSpansAndCounts_SucceededOrFailed()
    {
        using var file = new PolicyFileFixture();
        file.Write(PolicyFileFixture.Model());
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePolicyFile(file.FilePath);
        await using ServiceProvider provider = services.BuildServiceProvider();
        IAccessPolicyReloadStatus reload = provider.GetRequiredService<IAccessPolicyReloadStatus>();

        Assert.True(await reload.ReloadAsync());
        file.Write(PolicyFileFixture.BadDocument);
        Assert.False(await reload.ReloadAsync());

        Activity[] spans = Spans("creatio.access.reload", s => (string?)s.GetTagItem("creatio.access.policy_file") == file.FilePath);
        Assert.Equal(2, spans.Length);
        Assert.Equal("succeeded", spans[0].GetTagItem("creatio.access.outcome"));
        Assert.Equal(2L, spans[0].GetTagItem("creatio.access.snapshot_version"));
        Assert.Equal("failed", spans[1].GetTagItem("creatio.access.outcome"));
        Assert.Equal(typeof(AccessModelValidationException).FullName, spans[1].GetTagItem("exception.type"));
        Assert.Equal(ActivityStatusCode.Error, spans[1].Status);
        Assert.Contains(Counts("creatio.access.reloads"), c => (string?)c["outcome"] == "succeeded");
        Assert.Contains(Counts("creatio.access.reloads"), c => (string?)c["outcome"] == "failed");
    }

    [Fact]
    public async Task NobodyListening_NoSpanStarts()
    {
        _activities.Dispose();
        var ann = new UserId(Guid.NewGuid());
        var evaluator = new AccessEvaluator(AccessSnapshot.Compile(new AccessModelBuilder().Add(new UserDefinition(ann, "Ann")).Build()));
        var administration = new AccessAdministration(evaluator);
        var started = new List<Activity?>();
        using var probe = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Creatio.AccessControl",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(probe);

        await administration.ApplyAsync(AccessActor.System, new AddUser(new UserDefinition(new UserId(Guid.NewGuid()), "Bob")));

        Assert.Empty(started);
    }

    private Activity[] Spans(string name, Func<Activity, bool> mine)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.OperationName == name && mine(s))];
        }
    }

    private Dictionary<string, object?>[] Counts(string instrument)
    {
        lock (_counts)
        {
            return [.. _counts.Where(c => c.Instrument == instrument && c.Value == 1).Select(c => c.Tags)];
        }
    }
}
