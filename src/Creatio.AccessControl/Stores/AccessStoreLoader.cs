namespace Creatio.AccessControl.Stores;

/// <summary>Builds a validated model from stores, for loading a snapshot at start-up.</summary>
public static class AccessStoreLoader
{
    /// <summary>Reads every store and validates what they hold as one model.</summary>
    /// <param name="adminUnits">The admin unit store.</param>
    /// <param name="permissions">The permission store.</param>
    /// <param name="recordRights">The record right store.</param>
    /// <param name="systemOperations">The system operation store.</param>
    /// <param name="settings">The settings store.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ArgumentNullException">A store is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">What the stores hold is not a valid model; every problem is listed.</exception>
    public static async ValueTask<AccessModel> LoadAsync(
        IAdminUnitStore adminUnits,
        IPermissionStore permissions,
        IRecordRightStore recordRights,
        ISystemOperationStore systemOperations,
        ISettingsStore settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adminUnits);
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentNullException.ThrowIfNull(recordRights);
        ArgumentNullException.ThrowIfNull(systemOperations);
        ArgumentNullException.ThrowIfNull(settings);

        AdminUnitRows units = await adminUnits.ReadAdminUnitsAsync(cancellationToken).ConfigureAwait(false);
        PermissionRows rows = await permissions.ReadPermissionsAsync(cancellationToken).ConfigureAwait(false);
        RecordRightRows records = await recordRights.ReadRecordRightsAsync(cancellationToken).ConfigureAwait(false);
        SystemOperationRows operations = await systemOperations.ReadSystemOperationsAsync(cancellationToken).ConfigureAwait(false);
        AccessSettings values = await settings.ReadSettingsAsync(cancellationToken).ConfigureAwait(false);

        var builder = new AccessModelBuilder { Settings = values };
        AddAll(builder.Users, units.Users);
        AddAll(builder.Roles, units.Roles);
        AddAll(builder.Memberships, units.Memberships);
        AddAll(builder.FunctionalLinks, units.FunctionalLinks);
        AddAll(builder.Delegations, units.Delegations);
        builder.RolesNotInheritedByManagers.Clear();
        AddAll(builder.RolesNotInheritedByManagers, units.RolesNotInheritedByManagers);
        AddAll(builder.Objects, rows.Objects);
        AddAll(builder.ObjectOperationRows, rows.ObjectOperationRows);
        AddAll(builder.ColumnRightRows, rows.ColumnRightRows);
        AddAll(builder.DefaultRecordRightRules, rows.DefaultRecordRightRules);
        AddAll(builder.Records, records.Records);
        AddAll(builder.RecordRightRows, records.Rights);
        AddAll(builder.SystemOperations, operations.Operations);
        AddAll(builder.SystemOperationRows, operations.Rows);
        return builder.Build();
    }

    /// <summary>Reads every store of one object that implements them all, such as <see cref="InMemoryAccessStore"/>.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <returns>The validated model.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessModelValidationException">What the store holds is not a valid model.</exception>
    public static ValueTask<AccessModel> LoadAsync<TStore>(TStore store, CancellationToken cancellationToken)
        where TStore : IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore
    {
        ArgumentNullException.ThrowIfNull(store);
        return LoadAsync(store, store, store, store, store, cancellationToken);
    }

    private static void AddAll<T>(IList<T> target, IEnumerable<T>? items)
    {
        foreach (T item in items ?? [])
        {
            target.Add(item);
        }
    }
}
