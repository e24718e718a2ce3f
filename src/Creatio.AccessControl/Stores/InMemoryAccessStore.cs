namespace Creatio.AccessControl.Stores;

/// <summary>Keeps the whole model in memory: every store contract and the writer, for tests, samples and single-process hosts.</summary>
/// <remarks>Commits are atomic and checked against the stored version: a commit made on another version is refused
/// (<see cref="AccessStoreCommitResult.Conflict"/>) and stores nothing. This type is safe for concurrent use.</remarks>
public sealed class InMemoryAccessStore :
    IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore, IAccessStoreWriter
{
    private readonly object _gate = new();
    private AccessModel _model;
    private long _version;

    /// <summary>Creates a store holding a model.</summary>
    /// <param name="model">The model; <see cref="AccessModel.Empty"/> when <see langword="null"/>.</param>
    /// <param name="version">The version of <paramref name="model"/>.</param>
    public InMemoryAccessStore(AccessModel? model = null, long version = 1)
    {
        _model = model ?? AccessModel.Empty;
        _version = version;
    }

    /// <summary>Gets the stored model.</summary>
    public AccessModel Model
    {
        get
        {
            lock (_gate)
            {
                return _model;
            }
        }
    }

    /// <summary>Gets the stored version.</summary>
    public long Version
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Model;
        return ValueTask.FromResult(new AdminUnitRows(model.Users, model.Roles, model.Memberships, model.FunctionalLinks, model.Delegations, model.RolesNotInheritedByManagers));
    }

    /// <inheritdoc/>
    public ValueTask<PermissionRows> ReadPermissionsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Model;
        return ValueTask.FromResult(new PermissionRows(model.Objects, model.ObjectOperationRows, model.ColumnRightRows, model.DefaultRecordRightRules));
    }

    /// <inheritdoc/>
    public ValueTask<RecordRightRows> ReadRecordRightsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Model;
        return ValueTask.FromResult(new RecordRightRows(model.Records, model.RecordRightRows));
    }

    /// <inheritdoc/>
    public ValueTask<SystemOperationRows> ReadSystemOperationsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Model;
        return ValueTask.FromResult(new SystemOperationRows(model.SystemOperations, model.SystemOperationRows));
    }

    /// <inheritdoc/>
    public ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Model.Settings);

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="commit"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled; nothing is stored.</exception>
    public ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (commit.BaseVersion != _version)
            {
                return ValueTask.FromResult(AccessStoreCommitResult.Conflict(
                    _version, $"The commit was made on version {commit.BaseVersion}, but the store holds version {_version}."));
            }

            _model = commit.Model;
            _version = commit.Version;
        }

        return ValueTask.FromResult(AccessStoreCommitResult.Committed(commit.Version));
    }
}
