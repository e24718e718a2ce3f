using System.Diagnostics;
using System.Globalization;
using Creatio.AccessControl.Benchmarks.Workload;

namespace Creatio.AccessControl.Benchmarks.FileOrder;

/// <summary>The time of one administration change until a check through the evaluator sees it: the operation rows of the
/// object with the most rows, a membership, a record share. Each change and its inverse alternate, so the model does not
/// drift; every change is followed by the check that shows it took effect, and that check is part of its time.</summary>
internal static class AdministrationTimes
{
    private const int WarmUpPairs = 20;
    private const int MeasuredPairs = 25;

    public static IReadOnlyList<(string Change, double MedianMs, double MinMs, double MaxMs)> Measure(ReferenceWorkloadModel model, AccessEvaluator evaluator)
    {
        var administration = new AccessAdministration(evaluator);
        AccessModel current = evaluator.Snapshot.Model;
        var results = new List<(string, double, double, double)>();

        // The object with the most operation rows; its rows alternate between their positions and the reverse.
        IGrouping<ObjectName, ObjectOperationRow> largest = current.ObjectOperationRows.GroupBy(r => r.Object).MaxBy(g => g.Count())!;
        ObjectOperationRow[] rows = [.. largest];
        ObjectOperationRow[] reversed = [.. rows.Select((r, i) => r with { Position = rows.Length - 1 - i })];
        UserId someone = model.UserIds[0];
        results.Add(Time(
            string.Create(CultureInfo.InvariantCulture, $"an object's operation rows ({largest.Key}, {rows.Length} rows)"),
            forward => administration.ApplyAsync(AccessActor.System, new SetObjectOperationRows(largest.Key, forward ? reversed : rows)),
            (_, version) =>
            {
                // Reversing positions keeps every decision: what shows the change is that the evaluator checks on the
                // snapshot that holds it.
                AccessDecision decision = evaluator.CheckObject(someone, largest.Key, ObjectOperation.Read);
                return evaluator.Snapshot.Version == version && decision.Stage != AccessStage.None;
            }));

        // A membership of U0 in the first org role that is not in its E(u).
        AccessPrincipal before = evaluator.GetPrincipal(someone);
        RoleId role = model.RoleIds.First(r => !before.HasEffectiveRole(r));
        var membership = new RoleMembership(someone, role);
        results.Add(Time(
            $"a membership (U0 in {model.Workload.RoleName(model.RoleOfUnit[role])})",
            forward => administration.ApplyAsync(AccessActor.System, forward ? new AddMembership(membership) : new RemoveMembership(membership)),
            (forward, _) => evaluator.GetPrincipal(someone).HasEffectiveRole(role) == forward));

        // An Edit share of record E0/R0 to a role U0 holds: U0's Edit check on it turns allowed, then denied again.
        ObjectName recordObject = model.RecordObjects[0];
        RecordId record = model.RecordId(0, 0);
        var share = new RecordRightRow(recordObject, record, model.RoleIds[model.DirectRoles[0][0]], RecordOperation.Edit, RecordRightLevel.Allow);
        results.Add(Time(
            "a record share (Edit on E0/R0 to a role of U0)",
            forward => administration.ApplyAsync(
                AccessActor.System,
                forward ? new ShareRecord(share) : new UnshareRecord(share.Object, share.Record, share.Grantee, share.Operation)),
            (forward, _) => evaluator.CheckRecord(someone, recordObject, record, RecordOperation.Edit).IsAllowed == forward));
        return results;
    }

    private static (string, double, double, double) Time(
        string name, Func<bool, ValueTask<AccessChangeResult>> apply, Func<bool, long, bool> visible)
    {
        var times = new List<double>(2 * MeasuredPairs);
        for (int pair = 0; pair < WarmUpPairs + MeasuredPairs; pair++)
        {
            foreach (bool forward in new[] { true, false })
            {
                long start = Stopwatch.GetTimestamp();
                AccessChangeResult result = apply(forward).AsTask().GetAwaiter().GetResult();
                bool seen = result.IsApplied && visible(forward, result.Version);
                double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!seen)
                {
                    throw new InvalidOperationException($"{name}: the change was {(result.IsApplied ? "not visible through the evaluator" : $"refused: {result.Message}")}.");
                }

                if (pair >= WarmUpPairs)
                {
                    times.Add(ms);
                }
            }
        }

        double[] sorted = [.. times.Order()];
        return (name, sorted[sorted.Length / 2], sorted[0], sorted[^1]);
    }
}
