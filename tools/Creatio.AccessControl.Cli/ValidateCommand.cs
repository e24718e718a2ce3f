using System.CommandLine;

namespace Creatio.AccessControl.Cli;

/// <summary><c>validate FILE [--json]</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        Argument<string> file = CliOptions.PolicyFile();
        Option<bool> json = CliOptions.Json();
        var command = new Command("validate", "Report every problem of a policy document; exit 1 if it has any.") { file, json };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), context.Stdout));
        return command;
    }

    private static int Run(string file, bool json, TextWriter stdout)
    {
        AccessModel model;
        try
        {
            model = PolicyFiles.Load(file);
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
                w.WriteEndObject();
            }));
        }
        else
        {
            stdout.WriteLine(
                $"{file}: valid: {PolicyFiles.Plural(model.Users.Length, "user")}, {PolicyFiles.Plural(model.Roles.Length, "role")}, " +
                $"{PolicyFiles.Plural(model.Objects.Length, "object")}, {PolicyFiles.Plural(rows, "row")}, {PolicyFiles.Plural(model.Records.Length, "record")}.");
        }

        return ExitCodes.Success;
    }
}
