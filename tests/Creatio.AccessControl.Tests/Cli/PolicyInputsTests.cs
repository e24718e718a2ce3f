using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>The one rule by which the tool matches typed inputs against a policy.</summary>
public sealed class PolicyInputsTests
{
    private static readonly UserId s_kim = new(Guid.Parse("20000000-0000-0000-0000-000000000001"));
    private static readonly UserId s_kimUpper = new(Guid.Parse("20000000-0000-0000-0000-000000000002"));
    private static readonly UserId s_lee = new(Guid.Parse("20000000-0000-0000-0000-000000000003"));
    private static readonly UserId s_leeTwin = new(Guid.Parse("20000000-0000-0000-0000-000000000004"));

    private static readonly PolicyInputs s_inputs = new(new AccessModelBuilder()
        .Add(new UserDefinition(s_kim, "Kim"))
        .Add(new UserDefinition(s_kimUpper, "KIM"))
        .Add(new UserDefinition(s_lee, "Lee"))
        .Add(new UserDefinition(s_leeTwin, "Lee"))
        .Add(new ObjectDefinition("Invoice") { UseRecordPermissions = true, Columns = [new ColumnName("Total")] })
        .Build());

    [Fact]
    public void User_ExactName_WinsOverOtherCases()
    {
        Assert.Null(s_inputs.User("KIM", out UserId user));
        Assert.Equal(s_kimUpper, user);
    }

    [Fact]
    public void User_NameMatchingSeveralIgnoringCase_IsAmbiguousListingTheCandidates()
    {
        InputProblem? problem = s_inputs.User("kim", out _);

        Assert.Equal(
            "`kim` names 2 users: `Kim` (20000000-0000-0000-0000-000000000001), `KIM` (20000000-0000-0000-0000-000000000002); give the GUID of one.",
            problem?.Message);
        Assert.Equal(AccessReason.None, problem!.Expectable);
    }

    [Fact]
    public void User_ExactNameOfSeveralUsers_IsAmbiguous()
    {
        InputProblem? problem = s_inputs.User("Lee", out _);

        Assert.StartsWith("`Lee` names 2 users: `Lee` (20000000-0000-0000-0000-000000000003), `Lee` (", problem?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void User_NameUniqueIgnoringCase_Resolves()
    {
        var single = new PolicyInputs(new AccessModelBuilder().Add(new UserDefinition(s_lee, "Lee")).Build());

        Assert.Null(single.User("lEE", out UserId user));
        Assert.Equal(s_lee, user);
    }

    [Fact]
    public void User_KnownGuid_Resolves()
    {
        Assert.Null(s_inputs.User("{20000000-0000-0000-0000-000000000003}", out UserId user));
        Assert.Equal(s_lee, user);
    }

    [Fact]
    public void User_UnknownGuid_CanBeExpectedAsUnknownUser()
    {
        InputProblem? problem = s_inputs.User("99999999-9999-9999-9999-999999999999", out UserId user);

        Assert.Equal(AccessReason.UnknownUser, problem?.Expectable);
        Assert.Equal(Guid.Parse("99999999-9999-9999-9999-999999999999"), user.Value);
    }

    [Fact]
    public void User_UnknownName_CannotBeExpected()
    {
        InputProblem? problem = s_inputs.User("Nobody", out _);

        Assert.Equal(AccessReason.None, problem?.Expectable);
        Assert.NotNull(problem!.TestHint);
    }

    [Theory]
    [InlineData("Invoice", "Total", null)]
    [InlineData("Invoice", "Id", null)]
    [InlineData("Invoice", "total", "column")]
    [InlineData("invoice", "Total", "object")]
    public void References_ObjectsAndColumnsAreExact(string objectName, string column, string? member)
    {
        IReadOnlyList<InputProblem> problems = s_inputs.References(AccessRequest.ForColumn(objectName, column, ColumnOperation.Read));

        Assert.Equal(member, problems.SingleOrDefault()?.Member);
    }

    [Fact]
    public void References_UnknownObject_HidesTheColumnsProblem()
    {
        IReadOnlyList<InputProblem> problems = s_inputs.References(AccessRequest.ForColumn("Nothing", "Nowhere", ColumnOperation.Read));

        InputProblem problem = Assert.Single(problems);
        Assert.Equal(AccessReason.UnknownObject, problem.Expectable);
    }

    [Fact]
    public void References_BuiltInSystemOperation_IsKnown()
    {
        Assert.Empty(s_inputs.References(AccessRequest.ForSystemOperation(SystemOperations.CanExportGrid)));
        Assert.Equal(
            AccessReason.UnknownSystemOperation,
            Assert.Single(s_inputs.References(AccessRequest.ForSystemOperation(new SystemOperationCode("CanFly")))).Expectable);
    }

    [Fact]
    public void SystemColumns_AreTheLibrarys()
    {
        Assert.Equal(SystemColumns.Names, PolicyInputs.SystemColumns);
    }

    [Fact]
    public void DidYouMean_NamesAtMostThreeNearestInOrder()
    {
        string[] known = ["Account", "Accounts", "AccountType", "Activity", "Contact", "Case"];

        Assert.Equal(" Did you mean one of `Account`, `Accounts`?", PolicyInputs.DidYouMean(known, "Acount"));
        Assert.Equal(" Did you mean `Case`?", PolicyInputs.DidYouMean(known, "case"));
        Assert.Equal(string.Empty, PolicyInputs.DidYouMean(known, "Opportunity"));
    }
}
