using System.CommandLine;
using System.CommandLine.Completions;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Cli;

/// <summary>The arguments and options several commands share, and reading their values.</summary>
internal static class CliOptions
{
    /// <summary>The policy document a command reads.</summary>
    public static Argument<string> PolicyFile() => new("FILE") { Description = "The policy document (JSON)." };

    /// <summary><c>--json</c>.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Write one JSON document to standard output." };

    /// <summary><c>--at TIME</c>.</summary>
    public static Option<string> At() => new("--at")
    {
        HelpName = "TIME",
        Description = "The instant to decide at: ISO 8601, such as 2025-03-10T12:00:00Z; without an offset, UTC. Default: now.",
    };

    /// <summary><c>--user USER</c>, completed with the names of the policy's users.</summary>
    public static Option<string> User(Argument<string> file, string description)
    {
        var option = new Option<string>("--user") { HelpName = "USER", Description = description };
        Complete(option, file, (inputs, _) => inputs.UserNames);
        return option;
    }

    /// <summary>Completes an option with names read from the policy named on the command line; nothing when the policy
    /// cannot be read.</summary>
    public static void Complete(Option<string> option, Argument<string> file, Func<PolicyInputs, ParseResult, IEnumerable<string>> names) =>
        option.CompletionSources.Add(context => Names(context, file, names));

    /// <summary>Completes an option with fixed names.</summary>
    public static void Complete(Option<string> option, IEnumerable<string> names) =>
        option.CompletionSources.Add(context => Matching(names, context.WordToComplete));

    /// <summary>Reads a string option's value, refusing an empty or blank one.</summary>
    /// <exception cref="UsageException">The value is blank.</exception>
    public static string? Value(ParseResult parse, Option<string> option)
    {
        string? value = parse.GetValue(option);
        return value is not null && string.IsNullOrWhiteSpace(value)
            ? throw new UsageException($"`{parse.CommandResult.Command.Name}`: option `{option.Name}` needs a non-empty value.")
            : value;
    }

    /// <summary>Reads <c>--at</c>, or the clock's now.</summary>
    /// <exception cref="UsageException">The value is not an ISO 8601 instant.</exception>
    public static DateTimeOffset Now(ParseResult parse, Option<string> at, TimeProvider time)
    {
        if (Value(parse, at) is not { } text)
        {
            return time.GetUtcNow();
        }

        return Values.Instant(text, out DateTimeOffset now) is { } error
            ? throw new UsageException($"`{parse.CommandResult.Command.Name}`: option `--at`: {error}")
            : now;
    }

    private static IEnumerable<CompletionItem> Names(CompletionContext context, Argument<string> file, Func<PolicyInputs, ParseResult, IEnumerable<string>> names)
    {
        if (context.ParseResult.GetValue(file) is not { Length: > 0 } path)
        {
            return [];
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            var inputs = new PolicyInputs(AccessPolicyJson.Deserialize(stream));
            return Matching(names(inputs, context.ParseResult), context.WordToComplete);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or AccessModelValidationException)
        {
            return [];
        }
    }

    private static IEnumerable<CompletionItem> Matching(IEnumerable<string> names, string word) =>
        [.. names
            .Where(n => n.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(n => new CompletionItem(n))];
}
