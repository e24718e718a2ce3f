using System.Text;
using Creatio.AccessControl.Serialization;

namespace Creatio.AccessControl.Cli;

/// <summary>Reads policy documents and reports their problems.</summary>
internal static class PolicyFiles
{
    /// <summary>Reads a policy document from a file.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    /// <exception cref="AccessModelValidationException">The document is invalid.</exception>
    public static AccessModel Load(string path) => Load(path, out _);

    /// <summary>Reads a policy document from a file, with the warnings of its model.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    /// <exception cref="AccessModelValidationException">The document is invalid.</exception>
    public static AccessModel Load(string path, out IReadOnlyList<AccessModelWarning> warnings)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            return AccessPolicyJson.Deserialize(stream, options: null, out warnings);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"Cannot read `{path}`: {exception.Message}", exception);
        }
    }

    /// <summary>Reads a file's text.</summary>
    /// <exception cref="UsageException">The file cannot be read.</exception>
    public static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"Cannot read `{path}`: {exception.Message}", exception);
        }
    }

    /// <summary>Writes every problem of an invalid document, one per line, after a summary line.</summary>
    public static void WriteErrors(TextWriter writer, string source, IReadOnlyList<AccessModelError> errors)
    {
        writer.WriteLine($"{source}: {Plural(errors.Count, "problem")}:");
        foreach (AccessModelError error in errors)
        {
            writer.WriteLine($"  {error.Code}: {error.Message}");
        }
    }

    /// <summary>Writes every problem of an invalid document as JSON.</summary>
    public static void WriteErrorsJson(TextWriter writer, string source, IReadOnlyList<AccessModelError> errors)
    {
        writer.WriteLine(Json.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("file", source);
            json.WriteBoolean("valid", false);
            json.WriteStartArray("errors");
            foreach (AccessModelError error in errors)
            {
                json.WriteStartObject();
                json.WriteString("code", error.Code.ToString());
                json.WriteString("path", error.Path);
                if (error.Line is { } line)
                {
                    json.WriteNumber("line", line);
                }
                else
                {
                    json.WriteNull("line");
                }

                json.WriteString("message", error.Message);
                json.WriteStartArray("ids");
                foreach (string id in error.Ids)
                {
                    json.WriteStringValue(id);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    public static string Plural(int count, string noun) =>
        count == 1 ? $"1 {noun}" : new StringBuilder().Append(count).Append(' ').Append(noun).Append('s').ToString();
}
