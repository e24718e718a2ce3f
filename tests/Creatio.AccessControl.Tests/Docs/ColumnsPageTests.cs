using Creatio.AccessControl.Tests.Support;
using static Creatio.AccessControl.Tests.Docs.DocsExamples;

namespace Creatio.AccessControl.Tests.Docs;

/// <summary>The examples of <c>docs/columns.md</c>, and the table of <c>docs/check-order.md</c> that uses the same
/// object, as the pages state them.</summary>
public sealed class ColumnsPageTests
{
    private static readonly Org s_org = Example();
    private static readonly AccessSnapshot s_snapshot = s_org.Compile();

    [Theory]
    [InlineData("Bob", "Amount", "Edit", null, "Allow at Column: ColumnRowAllows (Sales department, 0)")]
    [InlineData("Carl", "Amount", "Read", null, "Allow at Column: ColumnRowAllows (Head office, 1)")]
    [InlineData("Carl", "Amount", "Edit", null, "Deny at Column: ColumnReadOnly (Head office, 1)")]
    [InlineData("Dana", "Amount", "Read", null, "Deny at Column: NoMatchingColumnRow")]
    [InlineData("Helen", "Margin", "Read", null, "Deny at Column: ColumnRowDenies (Head office secretaries, 0)")]
    [InlineData("Dana", "Title", "Read", null, "Allow at Object: ObjectRowAllows (All employees, 1)")]
    [InlineData("Dana", "Margin", "Edit", null, "Deny at Object: ObjectRowDenies (All employees, 1)")]
    [InlineData("Carl", "Title", "Edit", "by Bob", "Deny at Record: NoRecordRight")]
    [InlineData("Carl", "Title", "Edit", null, "Allow at Object: ObjectRowAllows (Head office, 0)")]
    [InlineData("Bob", "Title", "Edit", "by Bob", "Allow at Record: RecordAuthor (Bob)")]
    [InlineData("Bob", "Nope", "Read", null, "Deny at Column: UnknownColumn")]
    [InlineData("Pat", "CreatedOn", "Read", "by Pat", "Deny at Column: SystemColumnForPortalUser")]
    [InlineData("Olga", "Amount", "Read", null, "Allow at SuperOperation: SuperOperation (Auditors, 0)")]
    public void Examples_DecideAsThePageSays(string user, string column, string operation, string? record, string expected)
    {
        AccessPrincipal principal = s_snapshot.GetPrincipal(s_org.UserId(user), Now);

        AccessDecision decision = principal.Check(AccessRequest.ForColumn("Opportunity", column, Enum.Parse<ColumnOperation>(operation), record is null ? null : Ids.Record(record)));

        Assert.Equal(expected, Describe(s_org, decision));
    }

    [Fact]
    public void GetColumnAccess_Carl_AmountIsReadOnly()
    {
        ColumnAccess access = s_snapshot.GetPrincipal(s_org.UserId("Carl"), Now).GetColumnAccess("Opportunity");

        Assert.Equal(["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy", "Amount", "Title", "Margin"], access.Readable.Select(c => c.Value));
        Assert.Equal(["Id", "CreatedOn", "CreatedBy", "ModifiedOn", "ModifiedBy", "Title", "Margin"], access.Editable.Select(c => c.Value));
    }

    private static Org Example() =>
        Organization()
            .Role("Auditors", "Head office")
            .User("Olga", "Auditors")
            .Operation(SystemOperations.CanSelectEverything, "Auditors", 0)
            .Operation(SystemOperations.CanSelectEverything, "Pat", 1)
            .Object("Opportunity", operations: true, records: true, portal: true, "Amount", "Title", "Margin")
            .ObjectRow("Opportunity", "Head office", 0, ObjectOperations.All)
            .ObjectRow("Opportunity", "All employees", 1, ObjectOperations.Read)
            .ColumnRow("Opportunity", "Amount", "Sales department", 0, ColumnRightLevel.ReadEdit)
            .ColumnRow("Opportunity", "Amount", "Head office", 1, ColumnRightLevel.Read)
            .ColumnRow("Opportunity", "Margin", "Head office secretaries", 0, ColumnRightLevel.Deny)
            .ColumnRow("Opportunity", "Margin", "All employees", 1, ColumnRightLevel.ReadEdit)
            .Record("Opportunity", "by Bob", author: "Bob")
            .Record("Opportunity", "by Pat", author: "Pat");
}
