using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>validate FILE [--json] [--warnings-as-errors]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        Argument<string> file = CliOptions.PolicyFile();
        Option<bool> json = CliOptions.Json();
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Exit 1 when the policy is valid but has warnings (rows it ignores), as when it is invalid.",
        };
        var command = new Command("validate", "Report every problem of a policy document, and its warnings; exit 1 if it has problems.")
        {
            file, json, warningsAsErrors,
        };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.GetValue(warningsAsErrors), context.Stdout));
        return command;
    }

    private static int Run(string file, bool json, bool warningsAsErrors, TextWriter stdout)
    {
        AccessModel model;
        IReadOnlyList<AccessModelWarning> warnings;
        try
        {
            model = PolicyFiles.Load(file, out warnings);
        }
        catch (AccessModelValidationException exception)
        {
            if (json)
            {
                PolicyFiles.WriteErrorsJson(stdout, file, exception.Errors);
            }
            else
            {
                PolicyFiles.WriteErrors(stdout, file, exception.Errors);
            }

            return ExitCodes.Negative;
        }

        int rows = model.ObjectOperationRows.Length + model.ColumnRightRows.Length + model.RecordRightRows.Length +
                   model.DefaultRecordRightRules.Length + model.SystemOperationRows.Length;
        if (json)
        {
            stdout.WriteLine(Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteBoolean("valid", true);
                w.WriteNumber("users", model.Users.Length);
                w.WriteNumber("roles", model.Roles.Length);
                w.WriteNumber("objects", model.Objects.Length);
                w.WriteNumber("rows", rows);
                w.WriteNumber("records", model.Records.Length);
                w.WriteStartArray("errors");
                w.WriteEndArray();
                w.WriteStartArray("warnings");
                foreach (AccessModelWarning warning in warnings)
                {
                    w.WriteStartObject();
                    w.WriteString("code", warning.Code.ToString());
                    w.WriteString("path", warning.Path);
                    w.WriteNumber("line", warning.Line ?? 0);
                    w.WriteString("message", warning.Message);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
        }
        else
        {
            stdout.WriteLine(
                $"{file}: valid: {PolicyFiles.Plural(model.Users.Length, "user")}, {PolicyFiles.Plural(model.Roles.Length, "role")}, " +
                $"{PolicyFiles.Plural(model.Objects.Length, "object")}, {PolicyFiles.Plural(rows, "row")}, {PolicyFiles.Plural(model.Records.Length, "record")}" +
                (warnings.Count == 0 ? "." : $"; {PolicyFiles.Plural(warnings.Count, "warning")}:"));
            foreach (AccessModelWarning warning in warnings)
            {
                stdout.WriteLine($"  {warning.Code}: {warning.Message}");
            }
        }

        return warningsAsErrors && warnings.Count > 0 ? ExitCodes.Negative : ExitCodes.Success;
    }
}
