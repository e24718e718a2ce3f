using System.Reflection;
using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Run_Help_PrintsTheCommandsAndHowInputsAreMatched(string option)
    {
        CliResult result = CliHost.Run(option);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("Usage:\n  creatio-access [command] [options]\n", result.Stdout, StringComparison.Ordinal);
        foreach (string command in new[] { "validate", "check", "test", "effective-roles", "completion" })
        {
            Assert.Contains($"\n  {command} <", result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("Inputs are matched the same way by every command and in test files:", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 valid / allowed / all tests passed;", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Theory]
    [InlineData("validate", "creatio-access validate <FILE> [options]", "--json")]
    [InlineData("check", "creatio-access check <FILE> [options]", "--support-grant <ID>")]
    [InlineData("test", "creatio-access test <FILE>... [options]", "--junit <PATH>")]
    [InlineData("effective-roles", "creatio-access effective-roles <FILE> [options]", "--user <USER> (REQUIRED)")]
    [InlineData("completion", "creatio-access completion <SHELL> [options]", "<SHELL>")]
    public void Run_CommandHelp_PrintsItsUsageAndOptions(string command, string usage, string option)
    {
        CliResult result = CliHost.Run(command, "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"Usage:\n  {usage}\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" \n", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Run_HelpWithMissingOptions_StillPrintsHelp()
    {
        CliResult result = CliHost.Run("check", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("What is asked:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Version_PrintsTheToolsVersion()
    {
        CliResult result = CliHost.Run("--version");

        string expected = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal($"{expected}\n", result.Stdout);
        Assert.StartsWith("0.1.0", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_UsageError()
    {
        CliResult result = CliHost.Run();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: Required command was not provided.\nRun `creatio-access --help` for usage.\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Run_MisspelledCommand_UsageErrorSuggestsTheCommand()
    {
        CliResult result = CliHost.Run("chek", "policy.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("error: Unrecognized command or argument 'chek'. Did you mean `check`?\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MisspelledOption_UsageErrorSuggestsTheOption()
    {
        CliResult result = CliHost.Run("validate", CliHost.PipelinePolicy, "--jsno");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal(
            "error: Unrecognized command or argument '--jsno'. Did you mean `--json`?\nRun `creatio-access validate --help` for usage.\n",
            result.Stderr);
    }

    [Fact]
    public void Run_OptionGivenTwice_UsageError()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--user", "Bob", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Option '--user' expects a single argument but 2 were provided.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoPolicyFiles_UsageError()
    {
        CliResult result = CliHost.Run("validate", "a.json", "b.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: Unrecognized command or argument 'b.json'.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CliApp.Run(null!, TextWriter.Null, TextWriter.Null, TimeProvider.System));
        Assert.Throws<ArgumentNullException>(() => CliApp.Run([], TextWriter.Null, TextWriter.Null, null!));
    }
}
