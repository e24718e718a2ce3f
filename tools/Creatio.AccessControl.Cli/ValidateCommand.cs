namespace Creatio.AccessControl.Cli;

/// <summary><c>validate FILE [--json]</c>.</summary>
internal static class ValidateCommand
{
    private static readonly string[] s_valued = [];
    private static readonly string[] s_flags = ["--json"];

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout)
    {
        CommandLine line = CommandLine.Parse("validate", args, s_valued, s_flags);
        bool json = line.Has("--json");
        AccessModel model;
        try
        {
            model = PolicyFiles.Load(line.File);
        }
        catch (AccessModelValidationException exception)
        {
            if (json)
            {
                PolicyFiles.WriteErrorsJson(stdout, line.File, exception.Errors);
            }
            else
            {
                PolicyFiles.WriteErrors(stdout, line.File, exception.Errors);
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
                w.WriteString("file", line.File);
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
                $"{line.File}: valid: {PolicyFiles.Plural(model.Users.Length, "user")}, {PolicyFiles.Plural(model.Roles.Length, "role")}, " +
                $"{PolicyFiles.Plural(model.Objects.Length, "object")}, {PolicyFiles.Plural(rows, "row")}, {PolicyFiles.Plural(model.Records.Length, "record")}.");
        }

        return ExitCodes.Success;
    }
}
