using Creatio.AccessControl.Compilation;
using Creatio.AccessControl.Tests.Support;

namespace Creatio.AccessControl.Tests.Evaluation;

/// <summary>The typed indexes of the read side: what "none" is for each, and the lookups that return them.</summary>
public sealed class IndexesTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void NoneValues_AreNotKnownFoundOrMatching()
    {
        Assert.False(SubjectIndex.None.IsKnown);
        Assert.False(ObjectIndex.None.IsKnown);
        Assert.False(new RecordIndex(-1).IsFound);
        Assert.False(new RowIndex(-1).Matches);
        Assert.True(new SubjectIndex(0).IsKnown && new ObjectIndex(0).IsKnown && new RecordIndex(0).IsFound && new RowIndex(0).Matches);
    }

    [Fact]
    public void Lookups_KnownAndUnknown_GiveTheTypedIndexOrNone()
    {
        Org org = new Org()
            .Role("Finance", "All employees")
            .User("Fay", "Finance")
            .Object("Ledger", operations: true)
            .ObjectRow("Ledger", "Finance", 0, ObjectOperations.Read)
            .Object("Deal", operations: false, records: true)
            .Record("Deal", "r1", author: "Fay");
        AccessSnapshot snapshot = org.Compile();
        AccessPrincipal fay = snapshot.GetPrincipal(org.UserId("Fay"), s_now);
        AccessPrincipal nobody = snapshot.GetPrincipal(Ids.User("Nobody"), s_now);
        AccessObject deal = snapshot.GetObject("Deal");
        AccessObject ledger = snapshot.GetObject("Ledger");

        Assert.True(fay.SubjectIndex.IsKnown);
        Assert.False(nobody.SubjectIndex.IsKnown);
        Assert.True(deal.Index.IsKnown);
        Assert.False(snapshot.GetObject("Missing").Index.IsKnown);
        Assert.True(deal.Records!.IndexOf(Ids.Record("r1")).IsFound);
        Assert.False(deal.Records.IndexOf(Ids.Record("r2")).IsFound);
        Assert.Equal(org.UserId("Fay"), snapshot.Units.Users[snapshot.Roles.UserOf(fay.SubjectIndex).Value].Id);
        Assert.True(ledger.Rows!.DecidingRow(fay.SubjectIndex).Matches);
        Assert.True(snapshot.Roles.Contains(fay.SubjectIndex, new UnitIndex(snapshot.Units.IndexOf[org.Unit("Finance")])));
    }
}
