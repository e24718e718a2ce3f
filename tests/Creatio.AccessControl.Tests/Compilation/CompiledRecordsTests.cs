using Creatio.AccessControl.Compilation;
using FsCheck.Xunit;

namespace Creatio.AccessControl.Tests.Compilation;

/// <summary>The record layout the record step reads: headers followed by their rights in one run of cells, found through
/// a table of hashed slots; and the E(u) summary that spares it the bit sets.</summary>
public sealed class CompiledRecordsTests
{
    [Fact]
    public void Find_EveryRecordOfAFullTable_ReturnsAHeaderWithItsIdAuthorOwnerAndRightsInOrder()
    {
        const int count = 300;
        Guid[] ids = [.. Enumerable.Range(0, count).Select(i => new Guid(i + 1, 0, 0, new byte[8]))];
        CompiledRecords records = Layout(ids, rightsOf: r => r % 4, implicitOf: r => r % 3);

        for (int r = 0; r < count; r++)
        {
            int index = records.Find(ids[r]);
            Assert.True(index >= 0, $"record {r} not found");
            RecordHeader header = records.Header(index);
            Assert.Equal((ids[r], r, r % 5 == 0 ? -1 : r), (header.Id, header.Ordinal, header.Owner));
            RightEntry[] rights = records.Rights(index, header.RightCount).ToArray();
            Assert.Equal(Enumerable.Range(0, r % 4).Select(u => (u, false)).Concat(Enumerable.Range(100, r % 3).Select(u => (u, true))),
                rights.Select(x => (x.Unit, x.Implicit)));
        }

        Assert.Equal(-1, records.Find(Guid.NewGuid()));
        Assert.Equal(-1, records.Find(Guid.Empty));
        Assert.Equal(-1, CompiledRecords.Empty.Find(ids[0]));
    }

    [Fact]
    public void WithRight_InsertingAndDroppingRights_MovesTheLaterRecordsAndKeepsEveryRecordFindable()
    {
        Guid[] ids = [.. Enumerable.Range(0, 50).Select(i => new Guid(i, 7, 7, new byte[8]))];
        CompiledRecords records = Layout(ids, rightsOf: r => 2, implicitOf: r => 1);
        int target = records.Find(ids[10]);

        // Edit added to unit 0, a new grantee after unit 1, then unit 1's only operation removed: its right is dropped.
        CompiledRecords shared = records.WithRight(target, 0, 1 << (int)RecordOperation.Edit, RecordRightLevel.AllowAndGrant)
            .WithRight(target, 5, 1, RecordRightLevel.Allow)
            .WithRight(target, 1, 1, null);

        RightEntry[] rights = shared.Rights(shared.Find(ids[10]), shared.Header(shared.Find(ids[10])).RightCount).ToArray();
        Assert.Equal([(0, 1 | 2, 2, false), (5, 1, 0, false), (100, 7, 7, true)], rights.Select(x => ((int)x.Unit, (int)x.Allow, (int)x.Grant, x.Implicit)));
        foreach (Guid id in ids.Where(id => id != ids[10]))
        {
            int index = shared.Find(id);
            Assert.Equal(id, shared.Header(index).Id);
            Assert.Equal([0, 1, 100], shared.Rights(index, shared.Header(index).RightCount).ToArray().Select(x => x.Unit));
        }

        // The records the change started from are unchanged.
        Assert.Equal([0, 1, 100], records.Rights(target, records.Header(target).RightCount).ToArray().Select(x => x.Unit));
    }

    [Fact]
    public void WithImplicitUnits_RecomputesOnlyTheImplicitGranteesOfEveryRecord()
    {
        const int roleCount = 1000;
        Guid[] ids = [.. Enumerable.Range(0, 20).Select(i => new Guid(i, 1, 2, new byte[8]))];
        CompiledRecords records = Layout(ids, rightsOf: r => 1, implicitOf: r => 2)
            .WithImplicitUnits(user => user % 2 == 0 ? [200, 300] : [250], roleCount);

        for (int r = 0; r < ids.Length; r++)
        {
            // Author and owner are user r (every fifth record has no owner): the managers, then the author's own unit.
            int index = records.Find(ids[r]);
            int[] expected = r % 2 == 0 ? [200, 300, roleCount + r] : [250, roleCount + r];
            Assert.Equal(new[] { 0 }.Concat(expected), records.Rights(index, records.Header(index).RightCount).ToArray().Select(x => x.Unit));
            Assert.All(records.Rights(index, records.Header(index).RightCount).ToArray()[1..], right => Assert.True(right.Implicit));
        }
    }

    [Theory]
    [InlineData(3, 5, new[] { 10, 20, 30, 1003, 1005 })]
    [InlineData(3, 3, new[] { 10, 20, 1003 })]
    [InlineData(-1, 5, new[] { 20, 30, 1005 })]
    [InlineData(3, -1, new[] { 10, 20, 1003 })]
    [InlineData(-1, -1, new int[0])]
    public void AppendImplicitGrantees_ManagersByUnitThenAuthorThenOwner_EachOnce(int author, int owner, int[] expected)
    {
        var units = new List<int>();

        CompiledRecords.AppendImplicitGrantees(author, owner, user => user == 3 ? [10, 20] : [20, 30], 1000, units);

        Assert.Equal(expected, units);
    }

    [Fact]
    public void CreatedInSupportGrant_IsReadByRecordIndex()
    {
        Guid[] ids = [new Guid(1, 0, 0, new byte[8]), new Guid(2, 0, 0, new byte[8])];
        var grant = new SupportGrantId(Guid.NewGuid());
        var records = new CompiledRecords(ids, [-1, -1], [-1, -1], [0, 0, 0], [], [], [], [0, 0, 0], [], [null, grant]);

        Assert.Null(records.CreatedInSupportGrant(records.Find(ids[0])));
        Assert.Equal(grant, records.CreatedInSupportGrant(records.Find(ids[1])));
    }

    [Property(MaxTest = 200)]
    public bool RoleSignature_NeverRulesOutAMember(int[] roleUnits, int user, int[] otherUsers)
    {
        const int roleCount = 300;
        const int userCount = 500;
        var roles = new ulong[(roleCount + 63) / 64];
        var users = new ulong[(userCount + 63) / 64];
        int[] members = [.. roleUnits.Select(u => Math.Abs(u % roleCount))];
        int[] memberUsers = [.. otherUsers.Select(u => Math.Abs(u % userCount))];
        foreach (int unit in members)
        {
            roles[unit >> 6] |= 1UL << unit;
        }

        foreach (int u in memberUsers)
        {
            users[u >> 6] |= 1UL << u;
        }

        int own = roleCount + Math.Abs(user % userCount);
        RoleSignature signature = RoleSignature.Of(roles, own, users, roleCount);
        return signature.MayContain(own) && members.All(signature.MayContain) && memberUsers.All(u => signature.MayContain(roleCount + u));
    }

    [Fact]
    public void RoleSignature_OfATypicalEffectiveRoleSet_LetsThroughAtMostOneOtherUnitInAHundred()
    {
        var roles = new ulong[28];
        int[] members = [0, 1, 5, 21, 85, 341, 700, 901, 1203, 1400, 1500, 1650];
        foreach (int unit in members)
        {
            roles[unit >> 6] |= 1UL << unit;
        }

        RoleSignature signature = RoleSignature.Of(roles, 1756 + 42, null, 1756);
        int passed = Enumerable.Range(0, 20_000).Count(unit => !members.Contains(unit) && unit != 1756 + 42 && signature.MayContain(unit));
        Assert.InRange(passed, 0, 20_000 / 100);
    }

    [Property(MaxTest = 300)]
    public bool RoleSignature_Candidates_AreTheRightsThatHoldTheOperationAndMayBeMembers_InGroupsAndOneByOne(
        int[] memberSeeds, (int Unit, byte Allow, byte Grant)[] rightSeeds, byte countSeed, bool grant, byte operationSeed)
    {
        const int roleCount = 2000;
        var roles = new ulong[roleCount / 64];
        foreach (int unit in memberSeeds.Select(u => Math.Abs(u % roleCount)))
        {
            roles[unit >> 6] |= 1UL << unit;
        }

        RoleSignature signature = RoleSignature.Of(roles, roleCount, null, roleCount);

        // Rights to members and to other units; the span runs on to a whole group, and what follows the counted rights is
        // as likely to pass as they are (or is the subject's own unit holding every operation, which always passes).
        int count = Math.Min(countSeed % 70, rightSeeds.Length);
        int grouped = (count + RoleSignature.Group - 1) / RoleSignature.Group * RoleSignature.Group;
        RightEntry[] rights =
        [
            .. rightSeeds.Select(r => new RightEntry(Math.Abs(r.Unit % (roleCount + 10)), (byte)(r.Allow & 7), (byte)(r.Grant & 7), false)),
            .. Enumerable.Repeat(RightEntry.ImplicitGrantee(roleCount), Math.Max(0, grouped - rightSeeds.Length)),
        ];

        int shift = (operationSeed % 3) + (grant ? 8 : 0);
        ulong expected = 0;
        for (int i = 0; i < Math.Min(count, 64); i++)
        {
            if ((rights[i].Operations & (1 << shift)) != 0 && signature.MayContain(rights[i].Unit))
            {
                expected |= 1UL << i;
            }
        }

        ReadOnlySpan<RightEntry> span = rights.AsSpan(0, grouped);
        ulong mask = count >= 64 ? ulong.MaxValue : (1UL << count) - 1;
        return signature.Candidates(span, count, shift) == expected
            && (signature.CandidatesOneByOne(span, Math.Min(count, 64), shift) & mask) == expected
            && (!System.Runtime.Intrinsics.X86.Avx2.IsSupported || (signature.CandidatesInGroups(span, Math.Min(count, 64), shift) & mask) == expected);
    }

    [Theory]
    [InlineData(0, 0, 0, false)]
    [InlineData(1755, 1, 7, true)]
    [InlineData(int.MaxValue, 7, 0, false)]
    public void RightEntry_KeepsEveryField(int unit, byte allow, byte grant, bool isImplicit)
    {
        var right = new RightEntry(unit, allow, grant, isImplicit);

        Assert.Equal((unit, allow, grant, isImplicit), (right.Unit, right.Allow, right.Grant, right.Implicit));
        Assert.Equal((ulong)RoleSignature.Probe(unit), right.Bits >> RightEntry.ProbeShift);
    }

    [Fact]
    public void RightsInGroups_OfTheLastRecord_EndsInsideTheCellsOnZeroCells()
    {
        Guid[] ids = [.. Enumerable.Range(0, 7).Select(i => new Guid(i + 1, 3, 3, new byte[8]))];
        CompiledRecords records = Layout(ids, rightsOf: r => r, implicitOf: r => 0);
        int last = records.Find(ids[6]);

        ReadOnlySpan<RightEntry> grouped = records.RightsInGroups(last, records.Header(last).RightCount);

        Assert.Equal(8, grouped.Length);
        Assert.Equal([0, 1, 2, 3, 4, 5, 0, 0], grouped.ToArray().Select(r => r.Unit));
        Assert.Equal(0UL, grouped[7].Bits);
        Assert.True(records.MentionsUser(6));
        Assert.False(records.MentionsUser(7));
    }

    [Fact]
    public void Constructor_RightsGivenAsASliceOfLongerArrays_LaysOutWhatTheSameRightsGivenAloneDo()
    {
        // The compiler lays out each object's records from slices of arrays holding every object's rights, their starts
        // counted from the start of those arrays; the same rights given alone, starts from 0, must lay out alike.
        Guid[] ids = [.. Enumerable.Range(0, 4).Select(i => new Guid(i + 1, 5, 5, new byte[8]))];
        int[] unitsBefore = [7, 8, 9];
        int[] rightUnit = [.. unitsBefore, 3, 1, 4, 1, 5];
        byte[] allow = [.. rightUnit.Select((_, i) => (byte)(1 + (i % 3)))];
        byte[] grant = [.. rightUnit.Select((_, i) => (byte)(i % 2))];
        int[] startsInLongArrays = [3, 5, 5, 7, 8];
        int[] startsAlone = [0, 2, 2, 4, 5];
        int[] none = [-1, -1, -1, -1];
        int[] implicitStart = [0, 0, 1, 1, 1];

        var sliced = new CompiledRecords(ids, none, none, startsInLongArrays, rightUnit.AsSpan(3), allow.AsSpan(3), grant.AsSpan(3), implicitStart, [42], null);
        var alone = new CompiledRecords(ids, none, none, startsAlone, rightUnit.AsSpan(3).ToArray(), allow.AsSpan(3).ToArray(), grant.AsSpan(3).ToArray(), implicitStart, [42], null);

        foreach (Guid id in ids)
        {
            RecordHeader header = alone.Header(alone.Find(id));
            Assert.Equal(header, sliced.Header(sliced.Find(id)));
            Assert.Equal(
                alone.Rights(alone.Find(id), header.RightCount).ToArray().Select(r => r.Bits),
                sliced.Rights(sliced.Find(id), header.RightCount).ToArray().Select(r => r.Bits));
        }

        Assert.Equal([(3, false), (1, false)], sliced.Rights(sliced.Find(ids[0]), 2).ToArray().Select(r => (r.Unit, r.Implicit)));
        Assert.Equal([(42, true)], sliced.Rights(sliced.Find(ids[1]), 1).ToArray().Select(r => (r.Unit, r.Implicit)));
    }

    [Property(MaxTest = 200)]
    public void SortKeys_AnyKeys_SortsThemAsArraySortDoes(long[] keys, int extra)
    {
        // A record's right keys are sorted by insertion when few, by the library's sort when many: both must sort.
        long[] many = [.. keys, .. Enumerable.Range(0, Math.Abs(extra % 80)).Select(i => (long)(i * 7919 % 101) - 50)];
        long[] expected = [.. many];
        Array.Sort(expected);

        TableCompiler.SortKeys(many);

        Assert.Equal(expected, many);
    }

    [Fact]
    public void RightKey_UnitsAndMasks_SortByUnitThenMasks()
    {
        long[] keys = [TableCompiler.RightKey(3, 1), TableCompiler.RightKey(1, 0xFFFF), TableCompiler.RightKey(70_000, 0), TableCompiler.RightKey(1, 2)];

        TableCompiler.SortKeys(keys);

        Assert.Equal(
            [TableCompiler.RightKey(1, 2), TableCompiler.RightKey(1, 0xFFFF), TableCompiler.RightKey(3, 1), TableCompiler.RightKey(70_000, 0)],
            keys);
    }

    // Record r: author user r, owner user r (none for every fifth), merged rights to units 0.. (Allow Read), implicit
    // grantees 100.. .
    private static CompiledRecords Layout(Guid[] ids, Func<int, int> rightsOf, Func<int, int> implicitOf)
    {
        int n = ids.Length;
        int[] rightStart = new int[n + 1];
        int[] implicitStart = new int[n + 1];
        for (int r = 0; r < n; r++)
        {
            rightStart[r + 1] = rightStart[r] + rightsOf(r);
            implicitStart[r + 1] = implicitStart[r] + implicitOf(r);
        }

        int[] rightUnit = [.. Enumerable.Range(0, n).SelectMany(r => Enumerable.Range(0, rightsOf(r)))];
        int[] implicitUnit = [.. Enumerable.Range(0, n).SelectMany(r => Enumerable.Range(100, implicitOf(r)))];
        return new CompiledRecords(
            ids,
            [.. Enumerable.Range(0, n)],
            [.. Enumerable.Range(0, n).Select(r => r % 5 == 0 ? -1 : r)],
            rightStart,
            rightUnit,
            [.. rightUnit.Select(_ => (byte)1)],
            [.. rightUnit.Select(_ => (byte)0)],
            implicitStart,
            implicitUnit,
            null);
    }
}
