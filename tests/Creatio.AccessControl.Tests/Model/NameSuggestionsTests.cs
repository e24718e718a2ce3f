namespace Creatio.AccessControl.Tests.Model;

public sealed class NameSuggestionsTests
{
    [Theory]
    [InlineData("Invoice", "invoice", 0)]
    [InlineData("Invoice", "Invoce", 1)]
    [InlineData("Invoice", "Invioce", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("", "", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_CountsEditsIgnoringCase(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggestions.Distance(a, b));
        Assert.Equal(expected, NameSuggestions.Distance(b, a));
    }

    [Fact]
    public void Nearest_OrdersByDistanceThenName_AndTakesAtMostThree()
    {
        string[] known = ["Accounts", "Account", "AccountType", "Acount", "Accoun", "Contact"];

        Assert.Equal(["Acount", "Account", "Accoun"], NameSuggestions.Nearest(known, n => n, "Acount"));
    }

    [Fact]
    public void Nearest_SameNameInAnotherCase_ComesFirst()
    {
        Assert.Equal("Case", NameSuggestions.Nearest(["Cases", "Case", "Base"], "case"));
    }

    [Theory]
    [InlineData("Opportunity")]
    [InlineData("Acc")]
    public void Nearest_NothingWithinAThirdOfTheLength_IsNull(string text)
    {
        Assert.Null(NameSuggestions.Nearest(["Account", "Contact"], text));
    }

    [Fact]
    public void Nearest_ShortNames_AllowTwoEdits()
    {
        Assert.Equal("Deal", NameSuggestions.Nearest(["Deal"], "Del"));
        Assert.Equal("Deal", NameSuggestions.Nearest(["Deal"], "Dl"));
    }

    [Fact]
    public void Nearest_NoKnownNames_IsNull()
    {
        Assert.Null(NameSuggestions.Nearest([], "Account"));
    }
}
