using Creatio.AccessControl.Cli;

namespace Creatio.AccessControl.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("check", "--help")]
    public void Run_Help_PrintsUsageAndExitsZero(params string[] args)
    {
        CliResult result = CliHost.Run(args);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.StartsWith("Usage: creatio-access COMMAND FILE [options]", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("effective-roles FILE --user USER", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Run_NoArguments_UsageError()
    {
        CliResult result = CliHost.Run();

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Equal("error: missing a command.\nRun `creatio-access --help` for usage.\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Run_UnknownCommand_UsageErrorNamesIt()
    {
        CliResult result = CliHost.Run("explain", "policy.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: unknown command `explain`; expected one of `validate`, `check`, `test`, `effective-roles`.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownOption_UsageErrorListsTheOptions()
    {
        CliResult result = CliHost.Run("validate", CliHost.PipelinePolicy, "--verbose");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `validate`: unknown option `--verbose`; expected one of `--json`.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionGivenTwice_UsageError()
    {
        CliResult result = CliHost.Run("check", CliHost.PipelinePolicy, "--user", "Alice", "--user", "Bob", "--object", "City", "--operation", "Read");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `check`: option `--user` is given more than once.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TwoFiles_UsageError()
    {
        CliResult result = CliHost.Run("validate", "a.json", "b.json");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: `validate`: unexpected argument `b.json`; the command takes one file.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CliApp.Run(null!, TextWriter.Null, TextWriter.Null, TimeProvider.System));
        Assert.Throws<ArgumentNullException>(() => CliApp.Run([], TextWriter.Null, TextWriter.Null, null!));
    }
}
