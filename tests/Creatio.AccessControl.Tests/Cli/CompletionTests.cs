using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

/// <summary>Shell completion: the <c>[suggest]</c> directive the scripts call, and the scripts.</summary>
public sealed class CompletionTests
{
    private static string[] Suggest(string line)
    {
        CliResult result = CliHost.Run($"[suggest:{line.Length}]", line);
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        return result.StdoutLines;
    }

    [Fact]
    public void Suggest_NothingTyped_ListsTheCommands()
    {
        string[] completions = Suggest(string.Empty);

        Assert.Contains("validate", completions);
        Assert.Contains("check", completions);
        Assert.Contains("test", completions);
        Assert.Contains("effective-roles", completions);
        Assert.Contains("completion", completions);
        Assert.Contains("--version", completions);
    }

    [Fact]
    public void Suggest_Dashes_ListsTheCommandsOptions()
    {
        string[] completions = Suggest($"check {CliHost.PipelinePolicy} --s");

        Assert.Equal(["--share", "--support-grant", "--system-operation"], completions);
    }

    [Fact]
    public void Suggest_User_ListsThePolicysUsers()
    {
        Assert.Equal(
            ["Alice", "Bob", "Eve", "Ina", "Mona", "Olga", "Pat", "Sam"],
            Suggest($"check {CliHost.PipelinePolicy} --user "));
        Assert.Equal(["Alice"], Suggest($"effective-roles {CliHost.PipelinePolicy} --user a"));
    }

    [Fact]
    public void Suggest_Object_ListsThePolicysObjects()
    {
        Assert.Equal(["Opportunity"], Suggest($"check {CliHost.PipelinePolicy} --object Op"));
    }

    [Fact]
    public void Suggest_Column_ListsTheObjectsColumnsWithTheSystemColumns()
    {
        string[] completions = Suggest($"check {CliHost.PipelinePolicy} --object Opportunity --column ");

        Assert.Equal(["Amount", "CreatedBy", "CreatedOn", "Id", "ModifiedBy", "ModifiedOn", "Notes", "Stage"], completions);
    }

    [Fact]
    public void Suggest_SystemOperation_ListsTheCodes()
    {
        Assert.Equal(["CanManageSysOperationAudit", "CanManageSysSettings"], Suggest($"check {CliHost.PipelinePolicy} --system-operation CanManageSys"));
    }

    [Fact]
    public void Suggest_Operation_ListsTheOperations()
    {
        Assert.Equal(["Delete"], Suggest($"check {CliHost.PipelinePolicy} --operation d"));
    }

    [Fact]
    public void Suggest_UnreadablePolicy_SuggestsNoNames()
    {
        Assert.Empty(Suggest("check missing.json --user "));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _creatio_access_complete creatio-access")]
    [InlineData("zsh", "compdef _creatio_access_complete creatio-access")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName creatio-access")]
    public void Completion_PrintsAScriptThatCallsTheSuggestDirective(string shell, string registration)
    {
        CliResult result = CliHost.Run("completion", shell);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(registration, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("creatio-access \"[suggest:", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Completion_UnknownShell_UsageError()
    {
        CliResult result = CliHost.Run("completion", "fish");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Argument 'fish' not recognized. Must be one of:", result.Stderr, StringComparison.Ordinal);
    }
}
