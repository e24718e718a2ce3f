namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Decides the record checks through the evaluator: <see cref="AccessPrincipal.CheckRecord"/> with
/// <see cref="RecordOperation.Read"/> on object <c>E&lt;n&gt;</c>.</summary>
internal readonly struct RecordCheckSource : ICheckSource
{
    private readonly AccessSnapshot _snapshot;
    private readonly UserId[] _userIds;
    private readonly AccessPrincipal[]? _principals;
    private readonly int[] _checkUser;
    private readonly ObjectName[] _checkObject;
    private readonly RecordId[] _checkRecord;
    private readonly DateTimeOffset _now;

    /// <param name="snapshot">The snapshot.</param>
    /// <param name="userIds">The id of each user number.</param>
    /// <param name="principals">The principal of each user number resolved once, or <see langword="null"/> to resolve
    /// one per check with <see cref="AccessSnapshot.GetPrincipal"/>.</param>
    /// <param name="checkUser">The user number of each check.</param>
    /// <param name="checkObject">The object of each check.</param>
    /// <param name="checkRecord">The record of each check.</param>
    /// <param name="now">The instant of the checks.</param>
    public RecordCheckSource(
        AccessSnapshot snapshot,
        UserId[] userIds,
        AccessPrincipal[]? principals,
        int[] checkUser,
        ObjectName[] checkObject,
        RecordId[] checkRecord,
        DateTimeOffset now)
    {
        _snapshot = snapshot;
        _userIds = userIds;
        _principals = principals;
        _checkUser = checkUser;
        _checkObject = checkObject;
        _checkRecord = checkRecord;
        _now = now;
    }

    public bool Decide(int index)
    {
        int user = _checkUser[index];
        AccessPrincipal principal = _principals is null ? _snapshot.GetPrincipal(_userIds[user], _now) : _principals[user];
        return principal.CheckRecord(_checkObject[index], _checkRecord[index], RecordOperation.Read).IsAllowed;
    }
}
