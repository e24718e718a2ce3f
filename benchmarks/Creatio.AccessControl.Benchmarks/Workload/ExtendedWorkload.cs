namespace Creatio.AccessControl.Benchmarks.Workload;

/// <summary>The full reference workload plus what it lacks for the remaining checks: a few column rules and the rows of
/// a system operation.</summary>
/// <remarks>Columns <c>Amount</c> and <c>Stage</c> on every record object <c>E&lt;n&gt;</c>; <c>Amount</c> of
/// <c>E0</c>…<c>E19</c> has two rows: <c>O1</c> Read at position 0, All employees ReadEdit at position 1.
/// <c>CanExportGrid</c> has two rows: <c>O2</c> cannot at position 0, <c>O0</c> can at position 1.</remarks>
internal sealed class ExtendedWorkload
{
    public const int ColumnRuleObjects = 20;

    private ExtendedWorkload(ReferenceWorkloadModel model, AccessSnapshot snapshot)
    {
        Model = model;
        Snapshot = snapshot;
        Principals = [.. model.UserIds.Select(u => snapshot.GetPrincipal(u, LoadedWorkload.Now))];
    }

    public ReferenceWorkloadModel Model { get; }

    public ReferenceWorkload Workload => Model.Workload;

    public AccessSnapshot Snapshot { get; }

    public AccessPrincipal[] Principals { get; }

    public static ExtendedWorkload Load()
    {
        var model = new ReferenceWorkloadModel(ReferenceWorkload.Load("full"));
        AccessModelBuilder builder = model.CreateBuilder();
        var amount = new ColumnName("Amount");
        for (int i = 0; i < builder.Objects.Count; i++)
        {
            ObjectDefinition definition = builder.Objects[i];
            if (!definition.Name.Value.Contains(':', StringComparison.Ordinal))
            {
                builder.Objects[i] = definition with { Columns = [amount, new ColumnName("Stage")] };
            }
        }

        for (int o = 0; o < ColumnRuleObjects; o++)
        {
            ObjectName objectName = model.RecordObjects[o];
            builder.Add(new ColumnRightRow(objectName, amount, model.RoleIds[1], 0, ColumnRightLevel.Read));
            builder.Add(new ColumnRightRow(objectName, amount, BuiltInRoles.AllEmployees, 1, ColumnRightLevel.ReadEdit));
        }

        builder.Add(new SystemOperationRow(SystemOperations.CanExportGrid, model.RoleIds[2], 0, CanExecute: false));
        builder.Add(new SystemOperationRow(SystemOperations.CanExportGrid, model.RoleIds[0], 1, CanExecute: true));
        return new ExtendedWorkload(model, AccessSnapshot.Compile(builder.Build()));
    }
}
