namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Decides the operation checks through <see cref="AccessPrincipal.CheckObject(in AccessObject, ObjectOperation)"/>
/// on objects resolved once with <see cref="AccessSnapshot.GetObject"/>: a host that resolves its objects at startup.</summary>
internal readonly struct ResolvedObjectCheckSource : ICheckSource
{
    private readonly AccessPrincipal[] _principals;
    private readonly int[] _checkUser;
    private readonly AccessObject[] _checkObject;
    private readonly ObjectOperation[] _checkOperation;

    /// <param name="principals">The principal of each user number, resolved once.</param>
    /// <param name="checkUser">The user number of each check.</param>
    /// <param name="checkObject">The object of each check, resolved beforehand.</param>
    /// <param name="checkOperation">The operation of each check.</param>
    public ResolvedObjectCheckSource(AccessPrincipal[] principals, int[] checkUser, AccessObject[] checkObject, ObjectOperation[] checkOperation)
    {
        _principals = principals;
        _checkUser = checkUser;
        _checkObject = checkObject;
        _checkOperation = checkOperation;
    }

    public bool Decide(int index) =>
        _principals[_checkUser[index]].CheckObject(in _checkObject[index], _checkOperation[index]).IsAllowed;
}
