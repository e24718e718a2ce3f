namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Decides checks from the library's <c>E(u)</c> alone: a check is allowed when the user's principal has one
/// of the units granted its key (an (object, operation) pair or a record). This is the harness's oracle for the
/// effective roles, not the library's evaluator.</summary>
internal readonly struct GrantListCheckSource : ICheckSource
{
    private readonly AccessSnapshot _snapshot;
    private readonly UserId[] _userIds;
    private readonly AccessPrincipal[]? _principals;
    private readonly int[] _checkUser;
    private readonly int[] _checkKey;
    private readonly int[][] _grantedUnits;
    private readonly DateTimeOffset _now;

    /// <param name="snapshot">The snapshot.</param>
    /// <param name="userIds">The id of each user number.</param>
    /// <param name="principals">The principal of each user number resolved once, or <see langword="null"/> to resolve
    /// one per check.</param>
    /// <param name="checkUser">The user number of each check.</param>
    /// <param name="checkKey">The key of each check.</param>
    /// <param name="grantedUnits">The snapshot unit indexes granted each key.</param>
    /// <param name="now">The instant of the checks.</param>
    public GrantListCheckSource(
        AccessSnapshot snapshot,
        UserId[] userIds,
        AccessPrincipal[]? principals,
        int[] checkUser,
        int[] checkKey,
        int[][] grantedUnits,
        DateTimeOffset now)
    {
        _snapshot = snapshot;
        _userIds = userIds;
        _principals = principals;
        _checkUser = checkUser;
        _checkKey = checkKey;
        _grantedUnits = grantedUnits;
        _now = now;
    }

    public bool Decide(int index)
    {
        int user = _checkUser[index];
        AccessPrincipal principal = _principals is null ? _snapshot.GetPrincipal(_userIds[user], _now) : _principals[user];
        foreach (int unit in _grantedUnits[_checkKey[index]])
        {
            if (principal.HasUnit(unit))
            {
                return true;
            }
        }

        return false;
    }
}
