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
    /// (<see cref="AccessModelWarningCode.IgnoredObjectOperationRows"/>), one warning per object. Support access settings
    /// that name an external access object the model does not define get
    /// <see cref="AccessModelWarningCode.MissingExternalAccessObject"/> when the settings name another object than the
    /// default (a model without the default object may simply not use support access).</remarks>
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

        SupportAccessSettings support = model.Settings.SupportAccess;
        bool renamed = !string.Equals(support.ExternalAccessObject, SupportAccessSettings.DefaultExternalAccessObject, StringComparison.Ordinal);
        if (renamed && SupportAccessRules.MissingExternalAccessObject(model) is { } missing)
        {
            warnings.Add(new AccessModelWarning(
                AccessModelWarningCode.MissingExternalAccessObject,
                $"{missing}: nobody may grant support access or change or deactivate a grant. Define the object, or name the right one in the settings.",
                [support.ExternalAccessObject])
            {
                Row = new ModelRowReference(ModelList.Settings, 0, "supportAccess.externalAccessObject"),
            });
        }

        return warnings;
    }
}
