namespace Creatio.AccessControl;

/// <summary>Finds what a valid model holds that decides nothing: rows that are silently ignored.</summary>
/// <remarks>This type is stateless and safe for concurrent use.</remarks>
public static class AccessModelWarnings
{
    /// <summary>Returns the warnings of a model, in the order of the rows they are about.</summary>
    /// <param name="model">The model.</param>
    /// <returns>The warnings; empty when nothing is ignored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <remarks>An object that does not use operation permissions ignores its object operation rows
    /// (<see cref="AccessModelWarningCode.IgnoredObjectOperationRows"/>), one warning per object.</remarks>
    public static IReadOnlyList<AccessModelWarning> Find(AccessModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new Dictionary<ObjectName, int>();
        foreach (ObjectOperationRow row in model.ObjectOperationRows)
        {
            rows[row.Object] = rows.GetValueOrDefault(row.Object) + 1;
        }

        var warnings = new List<AccessModelWarning>();
        for (int i = 0; i < model.Objects.Length; i++)
        {
            ObjectDefinition definition = model.Objects[i];
            if (!definition.UseOperationPermissions && rows.TryGetValue(definition.Name, out int count))
            {
                warnings.Add(new AccessModelWarning(
                    AccessModelWarningCode.IgnoredObjectOperationRows,
                    $"Object `{definition.Name}` does not use operation permissions, so its {count} object operation row{(count == 1 ? " is" : "s are")} ignored: every employee may do all four operations on it, and portal users none.",
                    [definition.Name.Value])
                {
                    Row = new ModelRowReference(ModelList.Objects, i, "useOperationPermissions"),
                });
            }
        }

        return warnings;
    }
}
