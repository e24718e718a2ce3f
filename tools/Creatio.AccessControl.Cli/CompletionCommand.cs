using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>completion SHELL</c>: prints a script that makes the shell complete the tool's commands, options and the
/// names of a policy's users, objects, columns and system operations, through the <c>[suggest]</c> directive.</summary>
internal static class CompletionCommand
{
    internal const string Notes = """
        Add the script to the shell's start-up file:
          bash   echo 'source <(creatio-access completion bash)' >> ~/.bashrc
          zsh    echo 'source <(creatio-access completion zsh)' >> ~/.zshrc
          pwsh   creatio-access completion pwsh >> $PROFILE
        The scripts ask the tool itself: creatio-access "[suggest:POSITION]" "COMMAND LINE" lists the completions at
        POSITION of the command line (without the tool's name).
        """;

    internal static readonly string[] Shells = ["bash", "zsh", "pwsh"];

    private const string Bash = """
        # creatio-access completion for bash: source <(creatio-access completion bash)
        _creatio_access_complete() {
          local line="${COMP_LINE:0:COMP_POINT}"
          local rest="${line#*[[:space:]]}"
          [[ "$rest" == "$line" ]] && rest=""
          local IFS=$'\n'
          COMPREPLY=($(command creatio-access "[suggest:${#rest}]" "$rest" 2>/dev/null))
        }
        complete -o default -F _creatio_access_complete creatio-access
        """;

    private const string Zsh = """
        # creatio-access completion for zsh: source <(creatio-access completion zsh)
        _creatio_access_complete() {
          local line="${BUFFER[1,CURSOR]}"
          local rest="${line#* }"
          [[ "$rest" == "$line" ]] && rest=""
          local -a completions
          completions=("${(@f)$(command creatio-access "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
          if (( ${#completions[@]} )) && [[ -n "${completions[1]}" ]]; then
            compadd -- "${completions[@]}"
          else
            _files
          fi
        }
        compdef _creatio_access_complete creatio-access
        """;

    private const string Pwsh = """
        # creatio-access completion for PowerShell: creatio-access completion pwsh >> $PROFILE
        Register-ArgumentCompleter -Native -CommandName creatio-access -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $start = $commandAst.CommandElements[0].Extent.EndOffset - $commandAst.Extent.StartOffset
            $rest = $line.Substring([Math]::Min($start + 1, $line.Length))
            $position = [Math]::Max(0, $cursorPosition - $commandAst.Extent.StartOffset - $start - 1)
            creatio-access "[suggest:$position]" "$rest" | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    public static Command Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "The shell: bash, zsh or pwsh." };
        shell.AcceptOnlyFromAmong(Shells);
        var command = new Command("completion", "Print a shell completion script for bash, zsh or PowerShell.") { shell };
        command.SetAction(parse =>
        {
            string script = parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                _ => Pwsh,
            };
            parse.InvocationConfiguration.Output.Write(script.ReplaceLineEndings("\n"));
            parse.InvocationConfiguration.Output.Write('\n');
            return ExitCodes.Success;
        });
        return command;
    }
}
