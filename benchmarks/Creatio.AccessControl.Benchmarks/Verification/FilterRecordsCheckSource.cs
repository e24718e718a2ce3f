namespace Creatio.AccessControl.Benchmarks.Verification;

/// <summary>Decides the record checks through <see cref="AccessPrincipal.FilterRecords(ObjectName, RecordOperation, ReadOnlySpan{RecordId}, Span{RecordId})"/>,
/// one record per call: the record is allowed when the filter keeps it.</summary>
internal readonly struct FilterRecordsCheckSource : ICheckSource
{
    private readonly AccessPrincipal[] _principals;
    private readonly int[] _checkUser;
    private readonly ObjectName[] _checkObject;
    private readonly RecordId[] _checkRecord;

    /// <param name="principals">The principal of each user number, resolved once.</param>
    /// <param name="checkUser">The user number of each check.</param>
    /// <param name="checkObject">The object of each check.</param>
    /// <param name="checkRecord">The record of each check.</param>
    public FilterRecordsCheckSource(AccessPrincipal[] principals, int[] checkUser, ObjectName[] checkObject, RecordId[] checkRecord)
    {
        _principals = principals;
        _checkUser = checkUser;
        _checkObject = checkObject;
        _checkRecord = checkRecord;
    }

    public bool Decide(int index)
    {
        Span<RecordId> kept = stackalloc RecordId[1];
        return _principals[_checkUser[index]].FilterRecords(
            _checkObject[index], RecordOperation.Read, new ReadOnlySpan<RecordId>(in _checkRecord[index]), kept) == 1;
    }
}
