namespace Creatio.AccessControl.Cli;

/// <summary>What the commands' actions write to and read the time from.</summary>
/// <param name="Stdout">Where results go.</param>
/// <param name="Stderr">Where invalid-input reports go.</param>
/// <param name="Time">The clock: <c>--at</c>'s default, the times <c>test</c> reports.</param>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, TimeProvider Time);
