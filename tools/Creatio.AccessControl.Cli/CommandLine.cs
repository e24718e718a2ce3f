namespace Creatio.AccessControl.Cli;

/// <summary>The arguments of one command: one positional file and named options, parsed by hand against the command's
/// list of options.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    private CommandLine(string command, string file)
    {
        Command = command;
        File = file;
    }

    public string Command { get; }

    public string File { get; }

    /// <summary>Parses the arguments after the command name.</summary>
    /// <param name="command">The command, for messages.</param>
    /// <param name="args">The arguments after the command.</param>
    /// <param name="valued">The options that take a value.</param>
    /// <param name="flags">The options that take none.</param>
    /// <exception cref="UsageException">An unknown or repeated option, a missing value, or not exactly one file.</exception>
    public static CommandLine Parse(string command, ReadOnlySpan<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        string? file = null;
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                string name = arg;
                string? value = null;
                int equals = arg.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    name = arg[..equals];
                    value = arg[(equals + 1)..];
                }

                if (valued.Contains(name))
                {
                    if (value is null)
                    {
                        if (i + 1 >= args.Length)
                        {
                            throw new UsageException($"`{command}`: option `{name}` needs a value.");
                        }

                        value = args[++i];
                    }

                    if (value.Length == 0)
                    {
                        throw new UsageException($"`{command}`: option `{name}` needs a non-empty value.");
                    }
                }
                else if (flags.Contains(name))
                {
                    if (value is not null)
                    {
                        throw new UsageException($"`{command}`: option `{name}` takes no value; found `{value}`.");
                    }
                }
                else
                {
                    throw new UsageException($"`{command}`: unknown option `{name}`; expected one of {List(valued.Concat(flags))}.");
                }

                if (!options.TryAdd(name, value))
                {
                    throw new UsageException($"`{command}`: option `{name}` is given more than once.");
                }
            }
            else if (file is null)
            {
                file = arg;
            }
            else
            {
                throw new UsageException($"`{command}`: unexpected argument `{arg}`; the command takes one file.");
            }
        }

        if (file is null)
        {
            throw new UsageException($"`{command}`: missing the policy or test FILE.");
        }

        var line = new CommandLine(command, file);
        foreach (KeyValuePair<string, string?> option in options)
        {
            line._options.Add(option.Key, option.Value);
        }

        return line;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out string? value) ? value : null;

    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"`{Command}`: missing required option `{name}`.");

    /// <summary>Refuses an option that makes no sense with another one.</summary>
    public void Forbid(string name, string because)
    {
        if (Has(name))
        {
            throw new UsageException($"`{Command}`: option `{name}` cannot be used {because}.");
        }
    }

    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));
}
