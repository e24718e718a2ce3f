using Creatio.AccessControl;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Stores;

namespace CustomStore;

/// <summary>A store that keeps the whole model in one JSON policy file: every store contract, and the writer that the
/// administration API commits to. Writes go to a temporary file that then replaces the policy file, so a commit is atomic.</summary>
internal sealed class JsonFileAccessStore(string path)
    : IAdminUnitStore, IPermissionStore, IRecordRightStore, ISystemOperationStore, ISettingsStore, IAccessStoreWriter
{
    private readonly Lock _gate = new();
    private long _version = 1;

    public ValueTask<AdminUnitRows> ReadAdminUnitsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Read();
        return ValueTask.FromResult(new AdminUnitRows(
            model.Users, model.Roles, model.Memberships, model.FunctionalLinks, model.Delegations, model.RolesNotInheritedByManagers));
    }

    public ValueTask<PermissionRows> ReadPermissionsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Read();
        return ValueTask.FromResult(new PermissionRows(model.Objects, model.ObjectOperationRows, model.ColumnRightRows, model.DefaultRecordRightRules));
    }

    public ValueTask<RecordRightRows> ReadRecordRightsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Read();
        return ValueTask.FromResult(new RecordRightRows(model.Records, model.RecordRightRows));
    }

    public ValueTask<SystemOperationRows> ReadSystemOperationsAsync(CancellationToken cancellationToken)
    {
        AccessModel model = Read();
        return ValueTask.FromResult(new SystemOperationRows(model.SystemOperations, model.SystemOperationRows));
    }

    public ValueTask<AccessSettings> ReadSettingsAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Read().Settings);

    public ValueTask<AccessStoreCommitResult> CommitAsync(AccessStoreCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            if (commit.BaseVersion != _version)
            {
                // Another writer got there first: refuse, storing nothing; the administration API reports StoreConflict.
                return ValueTask.FromResult(AccessStoreCommitResult.Conflict(
                    _version, $"The commit was made on version {commit.BaseVersion}; the file holds version {_version}."));
            }

            string temporary = path + ".tmp";
            File.WriteAllText(temporary, AccessPolicyJson.Serialize(commit.Model));
            File.Move(temporary, path, overwrite: true);
            _version = commit.Version;
        }

        return ValueTask.FromResult(AccessStoreCommitResult.Committed(commit.Version));
    }

    private AccessModel Read()
    {
        lock (_gate)
        {
            using FileStream stream = File.OpenRead(path);
            return AccessPolicyJson.Deserialize(stream);
        }
    }
}
