using System.Text;
using Creatio.AccessControl.Serialization;
using Creatio.AccessControl.Tests.DependencyInjection;
using Creatio.AccessControl.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Creatio.AccessControl.Tests.Regressions;

/// <summary>Issue 13, "error reports have no cap": a 3 MB document with 200,000 unknown members gave an 80 MB message
/// and 2.6 GB of allocation. The first <see cref="AccessModelValidationException.MaxReportedErrors"/> problems are
/// reported, then the count of the rest, for documents and models alike.</summary>
public sealed class Issue13_PolicyDocumentErrorCapTests
{
    private const int Cap = AccessModelValidationException.MaxReportedErrors;

    [Fact]
    public void MaxReportedErrors_Is100()
    {
        Assert.Equal(100, Cap);
    }

    [Fact]
    public void Deserialize_200000UnknownMembers_ReportsTheFirstAndCountsTheRestInBoundedMemory()
    {
        var json = new StringBuilder("{\n\"formatVersion\": 1");
        for (int i = 0; i < 200_000; i++)
        {
            json.Append(",\n\"m").Append(i).Append("\": 0");
        }

        string document = json.Append("\n}\n").ToString();
        Assert.InRange(document.Length, 2_500_000, 3_500_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var exception = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(document));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(200_000, exception.TotalErrorCount);
        Assert.Equal(Cap, exception.Errors.Count);
        Assert.All(exception.Errors, e => Assert.Equal(AccessModelErrorCode.UnknownMember, e.Code));
        Assert.Equal("$.m0", exception.Errors[0].Path);
        Assert.Equal("$.m99", exception.Errors[^1].Path);
        Assert.Equal(3, exception.Errors[0].Line);
        Assert.StartsWith("The access model is invalid: 200000 problems.\n- $.m0 (line 3): Member `m0` is not part of the format", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("\n- … and 199900 more problems (only the first 100 are listed).", exception.Message, StringComparison.Ordinal);
        Assert.InRange(exception.Message.Length, 1, 64 * 1024);

        // The document is 3 MB of UTF-16 text and as much UTF-8; a path and a name string per member come on top.
        Assert.InRange(allocated, 0, 25 * document.Length);
    }

    [Fact]
    public void Deserialize_ModelProblemsOverTheCap_LocatesTheFirstAndCountsTheRest()
    {
        var json = new StringBuilder("{\n\"formatVersion\": 1,\n\"memberships\": [");
        for (int i = 0; i < 150; i++)
        {
            json.Append(i == 0 ? "\n" : ",\n")
                .Append("{ \"user\": \"").Append(Ids.User("Ghost " + i).Value).Append("\", \"role\": \"").Append(BuiltInRoles.AllEmployees.Value).Append("\" }");
        }

        string document = json.Append("\n]\n}\n").ToString();

        var exception = Assert.Throws<AccessModelValidationException>(() => AccessPolicyJson.Deserialize(document));

        Assert.Equal(150, exception.TotalErrorCount);
        Assert.Equal(Cap, exception.Errors.Count);
        Assert.Equal("$.memberships[99].user", exception.Errors[^1].Path);
        Assert.Equal(103, exception.Errors[^1].Line);
        Assert.EndsWith("\n- … and 50 more problems (only the first 100 are listed).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ModelProblemsOverTheCap_ReportsTheFirstAndCountsTheRest()
    {
        var builder = new AccessModelBuilder();
        for (int i = 0; i < 250; i++)
        {
            builder.Add(new RoleMembership(Ids.User($"Ghost {i}"), BuiltInRoles.AllEmployees));
        }

        var exception = Assert.Throws<AccessModelValidationException>(() => builder.Build());

        Assert.Equal(250, exception.TotalErrorCount);
        Assert.Equal(Cap, exception.Errors.Count);
        Assert.Contains(Ids.User("Ghost 99").ToString(), exception.Errors[^1].Message, StringComparison.Ordinal);
        Assert.Equal(Cap + 2, exception.Message.Split('\n').Length);
        Assert.EndsWith("\n- … and 150 more problems (only the first 100 are listed).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ProblemsUpToTheCap_ReportsEveryOneWithoutATail()
    {
        var builder = new AccessModelBuilder();
        for (int i = 0; i < Cap; i++)
        {
            builder.Add(new RoleMembership(Ids.User($"Ghost {i}"), BuiltInRoles.AllEmployees));
        }

        var exception = Assert.Throws<AccessModelValidationException>(() => builder.Build());

        Assert.Equal(Cap, exception.TotalErrorCount);
        Assert.Equal(Cap, exception.Errors.Count);
        Assert.DoesNotContain("more problems", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MoreErrorsThanTheCap_KeepsTheFirstAndCountsAll()
    {
        AccessModelError[] errors = [.. Enumerable.Range(0, 130).Select(i => new AccessModelError(AccessModelErrorCode.InvalidValue, $"Problem {i}.", []))];

        var exception = new AccessModelValidationException(errors);

        Assert.Equal(130, exception.TotalErrorCount);
        Assert.Equal(errors[..Cap], exception.Errors);
        Assert.StartsWith("The access model is invalid: 130 problems.\n- Problem 0.\n", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith("- Problem 99.\n- … and 30 more problems (only the first 100 are listed).", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OneError_HasNoTail()
    {
        var exception = new AccessModelValidationException([new AccessModelError(AccessModelErrorCode.InvalidValue, "Problem.", [])]);

        Assert.Equal(1, exception.TotalErrorCount);
        Assert.Equal("The access model is invalid: 1 problem.\n- Problem.", exception.Message);
    }

    [Fact]
    public void Constructor_NullError_Throws()
    {
        Assert.Throws<ArgumentNullException>("errors", () => new AccessModelValidationException([null!]));
    }

    [Fact]
    public void GetEvaluator_PolicyFileWithProblemsOverTheCap_KeepsTheTotalCount()
    {
        using var file = new PolicyFileFixture();
        file.Write("{ \"formatVersion\": 1" + string.Concat(Enumerable.Range(0, 1000).Select(i => $", \"m{i}\": 0")) + " }");
        var services = new ServiceCollection();
        services.AddCreatioAccessControl().UsePolicyFile(file.FilePath);
        using ServiceProvider provider = services.BuildServiceProvider();

        var exception = Assert.Throws<AccessModelValidationException>(() => provider.GetRequiredService<IAccessEvaluator>());

        Assert.Equal(1000, exception.TotalErrorCount);
        Assert.Equal(Cap, exception.Errors.Count);
        Assert.StartsWith($"The policy file `{file.FilePath}` is invalid: 1000 problems.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_HugeNumber_QuotesItShortenedInTheMessage()
    {
        string digits = new('9', 1_000_000);

        AccessModelError error = Assert.Single(Assert.Throws<AccessModelValidationException>(
            () => AccessPolicyJson.Deserialize("{ \"formatVersion\": 1, \"systemOperationRows\": [ { \"operation\": \"CanX\", \"grantee\": \"" + BuiltInRoles.AllEmployees.Value + "\", \"position\": " + digits + ", \"canExecute\": true } ] }")).Errors);

        Assert.Equal("$.systemOperationRows[0].position", error.Path);
        Assert.Equal($"$.systemOperationRows[0].position (line 1): `{digits[..60]}…` is not a whole number from -2147483648 to 2147483647.", error.Message);
    }
}
